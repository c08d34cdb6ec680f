package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Weighted drift statistics: integer weights equal replicated rows, scipy's weighted distances. */
class WeightedDriftTest {

    private static final List<DriftTest> NUMERIC = List.of(DriftTest.KS, DriftTest.T_TEST, DriftTest.WELCH_T_TEST,
            DriftTest.WASSERSTEIN, DriftTest.ED, DriftTest.PSI, DriftTest.JENSENSHANNON, DriftTest.KL_DIV,
            DriftTest.HELLINGER);
    private static final List<DriftTest> CATEGORICAL = List.of(DriftTest.PSI, DriftTest.JENSENSHANNON,
            DriftTest.KL_DIV, DriftTest.HELLINGER, DriftTest.CHISQUARE);
    /** Tests whose weighted form sums moments (means, variances): equal to replication up to rounding. */
    private static final List<DriftTest> MOMENTS = List.of(DriftTest.T_TEST, DriftTest.WELCH_T_TEST,
            DriftTest.WASSERSTEIN);

    private static double[] replicate(double[] v, double[] w) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < (int) w[i]; k++) {
                out.add(v[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String[] replicate(String[] v, double[] w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < (int) w[i]; k++) {
                out.add(v[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    private static double[] weights(SplittableRandom r, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.nextInt(4);
        }
        w[0] = 1;
        return w;
    }

    @Property(tries = 40)
    void integerWeightsGiveTheResultsOfReplicatedRows(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int nr = 30 + r.nextInt(300);
        int nc = 30 + r.nextInt(300);
        boolean few = r.nextBoolean(); // few distinct values: Evidently bins them as categories
        double[] a = new double[nr];
        double[] b = new double[nc];
        for (int i = 0; i < nr; i++) {
            a[i] = few ? r.nextInt(8) : r.nextGaussian() * 5;
        }
        for (int i = 0; i < nc; i++) {
            b[i] = few ? r.nextInt(9) : r.nextGaussian() * 6 + 1;
        }
        double[] wa = weights(r, nr);
        double[] wb = weights(r, nc);
        FeatureSamples weighted = FeatureSamples.numeric("x", a, wa, b, wb);
        FeatureSamples replicated = FeatureSamples.numeric("x", replicate(a, wa), replicate(b, wb));
        for (DriftTest t : NUMERIC) {
            DriftResult w = t.test(weighted);
            DriftResult p = t.test(replicated);
            if (MOMENTS.contains(t)) {
                assertThat(w.value()).as(t.key()).isCloseTo(p.value(), within(1e-11 * Math.max(1e-300, Math.abs(p.value()))));
            } else {
                assertThat((Double) w.statistic()).as(t.key()).isEqualTo((Double) p.statistic());
                assertThat((Double) w.value()).as(t.key()).isEqualTo((Double) p.value());
            }
            assertThat(w.drift()).as(t.key()).isEqualTo(p.drift());
        }
        String[] labels = {"a", "b", "c", "d", "e"};
        String[] ca = Arrays.stream(a).mapToObj(x -> labels[(int) Math.abs(x) % 5]).toArray(String[]::new);
        String[] cb = Arrays.stream(b).mapToObj(x -> labels[(int) Math.abs(x * 3) % 5]).toArray(String[]::new);
        FeatureSamples cw = FeatureSamples.categorical("c", ca, wa, cb, wb);
        FeatureSamples cr = FeatureSamples.categorical("c", replicate(ca, wa), replicate(cb, wb));
        for (DriftTest t : CATEGORICAL) {
            assertThat((Double) t.test(cw).value()).as(t.key()).isEqualTo((Double) t.test(cr).value());
        }
    }

    /**
     * scipy 1.10.1 {@code wasserstein_distance(u, v, u_weights, v_weights)} and {@code energy_distance}
     * on the same arguments; the script is benchmarks/python/weighted_drift_scipy.py.
     */
    @Test
    void weightedDistancesEqualScipys() {
        double[][][] cases = {
            {{0.0, 1.0, 3.0}, {5.0, 6.0, 8.0}, {1.0, 2.0, 3.0}, {3.0, 1.0, 0.5}},
            {{3.4, 3.9, 7.5, 7.8}, {4.5, 1.4}, {1.4, 0.9, 3.1, 7.2}, {3.2, 3.5}},
            {{-2.5, 0.0, 0.0, 1.25, 10.0}, {0.0, 0.5, 1.25, 1.25}, {0.1, 2.0, 0.3, 4.0, 0.25}, {1.0, 1.0, 2.5, 0.5}},
        };
        double[][] scipy = {
            {3.7222222222222228, 2.308064230871221},
            {4.078133143804786, 2.3674181638546394},
            {0.4763157894736847, 0.232477993149645},
        };
        for (int i = 0; i < cases.length; i++) {
            FeatureSamples s = FeatureSamples.numeric("x", cases[i][0], cases[i][2], cases[i][1], cases[i][3]);
            assertThat(WeightedStatistics.cdfDistance(s.pooled(), 1)).isCloseTo(scipy[i][0], within(1e-12 * scipy[i][0]));
            DriftResult ed = DriftTest.ED.test(s);
            assertThat(ed.value()).isCloseTo(scipy[i][1], within(1e-12 * scipy[i][1]));
        }
    }

    @Test
    void equalNonIntegerWeightsGiveKishSizesEqualToTheRowCounts() {
        SplittableRandom r = new SplittableRandom(11);
        double[] a = r.doubles(400).toArray();
        double[] b = r.doubles(350).map(x -> x * 1.1).toArray();
        double[] wa = new double[a.length];
        double[] wb = new double[b.length];
        Arrays.fill(wa, 0.25);
        Arrays.fill(wb, 0.25);
        DriftResult w = DriftTest.KS.test(FeatureSamples.numeric("x", a, wa, b, wb));
        RankStatistics.Ks asymptotic = RankStatistics.ks(FeatureSamples.numeric("x", a, b).pooled(), true);
        assertThat(w.statistic()).isEqualTo(asymptotic.d());
        assertThat(w.pValue()).isCloseTo(asymptotic.p(), within(1e-12 * asymptotic.p()));
        assertThat(w.warnings()).singleElement().asString().contains("Kish effective sample sizes (reference 400");
        assertThat(WeightedStatistics.effectiveSize(new double[] {1, 1, 2})).isEqualTo(16.0 / 6);
    }

    @Test
    void badWeightsNameTheFeatureSideAndRowAndRankTestsAreUndefined() {
        double[] v = {1, 2, 3};
        assertThatThrownBy(() -> FeatureSamples.numeric("age", v, new double[] {1, -1, 1}, v, new double[] {1, 1, 1}))
                .hasMessageContaining("feature 'age', reference row 1: weight -1.0 is negative");
        assertThatThrownBy(() -> FeatureSamples.numeric("age", v, new double[] {1, 1, 1}, v,
                new double[] {1, 1, Double.NaN})).hasMessageContaining("feature 'age', current row 2: weight NaN is NaN");
        assertThatThrownBy(() -> FeatureSamples.categorical("sex", new String[] {"a"}, new double[] {1},
                new String[] {"b"}, new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("feature 'sex', current row 0: weight Infinity is not finite");
        assertThatThrownBy(() -> FeatureSamples.numeric("age", v, new double[] {0, 0, 0}, v, new double[] {1, 1, 1}))
                .hasMessageContaining("the reference sample has no non-missing value of positive weight");
        assertThatThrownBy(() -> FeatureSamples.numeric("age", v, new double[] {1, 1}, v, new double[] {1, 1, 1}))
                .hasMessageContaining("3 reference values but 2 weights");
        FeatureSamples s = FeatureSamples.numeric("age", v, new double[] {1, 2, 1}, new double[] {2, 3, 4},
                new double[] {1, 1, 1});
        assertThat(DriftTest.MANNW.test(s).undefined()).contains(UndefinedReason.WEIGHTS_NOT_SUPPORTED);
        assertThat(DriftTest.KS.test(s).defined()).isTrue();
    }
}
