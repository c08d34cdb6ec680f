package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.explain.Background;
import dev.candor.explain.Model;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Distinct-row evaluation gives the plain evaluation's values bit for bit whatever the number of
 * players where x differs from a background row: none, few (the direct table of compressed keys),
 * more than its 16 bits (the hash table), all, and up to 40 players (keys of five bytes), under both
 * sampling schemes.
 */
class DistinctRowsPropertiesTest {

    @Property(tries = 40)
    void distinctRowsGiveThePlainValuesBitForBit(@ForAll @IntRange(min = 2, max = 40) int d,
                                                 @ForAll @IntRange(min = 1, max = 12) int n,
                                                 @ForAll @IntRange(min = 0, max = 100) int shareEqual,
                                                 @ForAll boolean leverage, @ForAll @LongRange long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = r.nextInt(3);
        }
        double[][] bg = new double[n][d];
        for (double[] z : bg) {
            for (int j = 0; j < d; j++) {
                // equal to x with the given share, so background rows differ from x in few or many players
                z[j] = r.nextInt(100) < shareEqual ? x[j] : x[j] + 1 + r.nextInt(2);
            }
        }
        Model model = ShapleyPropertiesTest.randomModel(d, seed ^ 0x5DEECE66DL);
        AtomicLong rowsSeen = new AtomicLong();
        Model counting = rows -> {
            rowsSeen.addAndGet(rows.length);
            return model.predict(rows);
        };
        CoalitionSampling s = leverage ? CoalitionSampling.LEVERAGE : CoalitionSampling.SHAP;
        int ns = Math.max(2 * d, 300);
        Background b = Background.of(bg);
        ShapExplanation plain = KernelShap.builder(counting, b).nsamples(ns).seed(seed).sampling(s).threads(1)
                .deduplicateRows(false).build().explain(x);
        long plainRows = rowsSeen.getAndSet(0);
        ShapExplanation distinct = KernelShap.builder(counting, b).nsamples(ns).seed(seed).sampling(s).threads(1)
                .maxBatchRows(997).build().explain(x);
        assertThat(distinct.values()).containsExactly(plain.values());
        assertThat(distinct.prediction()).isEqualTo(plain.prediction());
        assertThat(rowsSeen.get()).isLessThanOrEqualTo(plainRows);
    }
}
