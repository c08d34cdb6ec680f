package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.explain.Background;
import dev.candor.explain.Model;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Distinct-row evaluation gives the plain evaluation's values bit for bit whatever the number of
 * players where x differs from a background row: none, few (the direct table of compressed keys),
 * more than its 16 bits (the hash table), all, and up to 40 players (keys of five bytes), under both
 * sampling schemes; also with signed zeros that a model tells apart, columns that never vary (dummy
 * players), single-column players in shuffled order, players of several columns and batches of any
 * size (down to one row, so that x sometimes is a batch of its own).
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

    @Property(tries = 40)
    void signedZerosDummyColumnsAndShuffledPlayersKeepTheValuesBitForBit(
            @ForAll @IntRange(min = 2, max = 30) int d, @ForAll @IntRange(min = 1, max = 10) int n,
            @ForAll boolean grouped, @ForAll boolean leverage, @ForAll @IntRange(min = 1, max = 64) int batch,
            @ForAll @LongRange long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[d];
        boolean[] dummy = new boolean[d];
        for (int j = 0; j < d; j++) {
            x[j] = r.nextInt(4) == 0 ? -0.0 : r.nextInt(3);
            dummy[j] = r.nextInt(4) == 0;
        }
        double[][] bg = new double[n][d];
        for (double[] z : bg) {
            for (int j = 0; j < d; j++) {
                int pick = r.nextInt(3);
                if (dummy[j] || pick == 0) {
                    // equal to x, but with the other sign where x is a zero
                    z[j] = x[j] == 0 && r.nextBoolean() ? -x[j] : x[j];
                } else {
                    z[j] = pick == 1 ? x[j] + 1 : -0.0;
                }
            }
        }
        // players: every column alone in shuffled order, or neighbouring columns in pairs
        List<int[]> players = new ArrayList<>();
        int[] order = new int[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        for (int j = d - 1; j > 0; j--) {
            int k = r.nextInt(j + 1);
            int t = order[j];
            order[j] = order[k];
            order[k] = t;
        }
        for (int j = 0; j < d; j++) {
            if (grouped && j + 1 < d) {
                players.add(new int[] {order[j], order[j + 1]});
                j++;
            } else {
                players.add(new int[] {order[j]});
            }
        }
        FeatureGroups groups = FeatureGroups.of(d, players.toArray(new int[0][]), null);
        Model base = ShapleyPropertiesTest.randomModel(d, seed ^ 0x5DEECE66DL);
        Model signSensitive = rows -> {
            double[] out = base.predict(rows);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < d; j++) {
                    // 1 / -0.0 is -Infinity: the model sees the sign of a zero
                    out[i] += rows[i][j] == 0 && 1 / rows[i][j] < 0 ? 0.01 * (j + 1) : 0;
                }
            }
            return out;
        };
        CoalitionSampling s = leverage ? CoalitionSampling.LEVERAGE : CoalitionSampling.SHAP;
        Background b = Background.of(bg);
        ShapExplanation plain = KernelShap.builder(signSensitive, b).groups(groups).nsamples(300).seed(seed)
                .sampling(s).threads(1).deduplicateRows(false).build().explain(x);
        ShapExplanation distinct = KernelShap.builder(signSensitive, b).groups(groups).nsamples(300).seed(seed)
                .sampling(s).threads(1).maxBatchRows(batch).build().explain(x);
        assertThat(distinct.values()).containsExactly(plain.values());
        assertThat(distinct.prediction()).isEqualTo(plain.prediction());
    }
}
