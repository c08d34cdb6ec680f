package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Profiles merge by addition, and survive a JSON round trip. */
class FeatureProfileTest {

    private static final String[] LABELS = {"a", "b", "c", null};

    private static DatasetProfile profile(ReferenceBins bins, double[] x, String[] c, int from, int to) {
        DatasetProfile p = DatasetProfile.of(List.of(FeatureProfile.numeric("x", bins), FeatureProfile.categorical("c")));
        for (int i = from; i < to; i++) {
            p.feature("x").add(x[i]);
            p.feature("c").add(c[i]);
        }
        return p;
    }

    @Property(tries = 30)
    void mergingTheProfilesOfASplitEqualsTheProfileOfTheWhole(@ForAll @IntRange(min = 2, max = 150) int n,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(20) == 0 ? Double.NaN : r.nextGaussian() * 10;
            c[i] = LABELS[r.nextInt(LABELS.length)];
        }
        ReferenceBins bins = ReferenceBins.ofEdges(new double[] {-5, 0, 5});
        int cut = r.nextInt(n + 1);
        FeatureProfile whole = profile(bins, x, c, 0, n).feature("x");
        FeatureProfile merged = profile(bins, x, c, 0, cut).merge(profile(bins, x, c, cut, n)).feature("x");
        assertThat(merged.slotCounts()).containsExactly(whole.slotCounts());
        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.missing()).isEqualTo(whole.missing());
        if (whole.count() > 0) {
            assertThat(merged.mean()).isCloseTo(whole.mean(), within(1e-12));
            assertThat(merged.min()).isEqualTo(whole.min());
            assertThat(merged.quantile(0.5)).isEqualTo(whole.quantile(0.5)); // exact below k values
        }
        if (whole.count() > 1) {
            assertThat(merged.variance()).isCloseTo(whole.variance(), within(1e-9 * Math.max(1, whole.variance())));
        }
        assertThat(profile(bins, x, c, 0, cut).merge(profile(bins, x, c, cut, n)).feature("c").categoryCounts())
                .isEqualTo(profile(bins, x, c, 0, n).feature("c").categoryCounts());
    }

    @Test
    void countedLabelsAndRangeBinsEqualRowByRowAddsAndValueBins() {
        SplittableRandom r = new SplittableRandom(3);
        FeatureProfile one = FeatureProfile.categorical("c");
        long[] counts = new long[4];
        long missing = 0;
        for (int i = 0; i < 1000; i++) {
            int v = r.nextInt(5);
            one.add(v == 4 ? null : "v" + v);
            if (v == 4) {
                missing++;
            } else {
                counts[v]++;
            }
        }
        FeatureProfile counted = FeatureProfile.categorical("c");
        for (int v = 0; v < 4; v++) {
            counted.add("v" + v, counts[v]);
        }
        counted.add(null, missing).add("never", 0);
        assertThat(counted.categoryCounts()).isEqualTo(one.categoryCounts());
        assertThat(counted.missing()).isEqualTo(missing).isEqualTo(one.missing());
        assertThat(counted.count()).isEqualTo(one.count());

        double[] values = {4.5, -2, Double.NaN, 7.25, 0, 3};
        assertThat(ReferenceBins.sturges(-2, 7.25, 5)).isEqualTo(ReferenceBins.sturges(values));
    }

    @Test
    void valuesOutsideTheReferenceRangeGoToLeftoverSlots() {
        ReferenceBins bins = ReferenceBins.sturges(new double[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertThat(bins.bins()).isEqualTo(4); // Sturges: ceil(log2(8) + 1) = 4
        FeatureProfile p = FeatureProfile.numeric("x", bins).add(-1).add(0).add(7).add(8).add(Double.NaN);
        assertThat(p.slotCounts()).containsExactly(1, 1, 0, 0, 1, 1);
        assertThat(p.missing()).isEqualTo(1);
    }

    @Test
    void profilesRoundTripThroughJson() throws Exception {
        double[] x = new double[500];
        String[] c = new String[500];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() * 100;
            c[i] = LABELS[r.nextInt(LABELS.length)];
        }
        DatasetProfile p = profile(ReferenceBins.sturges(x), x, c, 0, x.length);
        ObjectMapper om = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = om.readValue(om.writeValueAsString(p.toMap()), Map.class);
        DatasetProfile q = DatasetProfile.fromMap(back);
        assertThat(q.toMap()).isEqualTo(p.toMap());
        assertThat(q.feature("x").quantile(0.9)).isEqualTo(p.feature("x").quantile(0.9));
    }
}
