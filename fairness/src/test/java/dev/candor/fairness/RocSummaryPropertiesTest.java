package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The class-split sweep ({@link RocCurve#of}, {@link RocCurve#summary}) against the row-index sweep it
 * replaced ({@link RocCurve#sweep} without groups, which {@link RocCurve#byGroup} still uses), bit for
 * bit, and against the pairwise definition of the AUC (the weighted Mann–Whitney statistic, ties ½),
 * on random inputs with heavy ties, zero and fractional weights and single-class samples.
 */
class RocSummaryPropertiesTest {

    private record Input(int[] y, double[] s, double[] w) {
    }

    private static Input input(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        int shape = r.nextInt(4);
        double positiveRate = r.nextInt(5) == 0 ? (r.nextBoolean() ? 0 : 1) : r.nextDouble();
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < positiveRate ? 1 : 0;
            s[i] = switch (shape) {
                case 0 -> r.nextInt(5) / 4.0;                                 // five levels: ties everywhere
                case 1 -> r.nextDouble();                                      // (almost) distinct
                case 2 -> r.nextInt(3) == 0 ? (r.nextBoolean() ? 0.0 : -0.0) : r.nextGaussian() * 1e3;
                default -> Math.rint(r.nextGaussian() * 20) + (y[i] == 1 ? 3 : 0);
            };
        }
        double[] w = null;
        int weighting = r.nextInt(3);
        if (weighting > 0) {
            w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = r.nextInt(6) == 0 ? 0.0 : weighting == 1 ? r.nextInt(1, 4) : r.nextDouble() * 3;
            }
        }
        return new Input(y, s, w);
    }

    @Property(tries = 200)
    void curveEqualsTheRowIndexSweepBitForBit(@ForAll @IntRange(min = 0, max = 5000) int n, @ForAll long seed) {
        Input in = input(n, seed);
        RocCurve fast = RocCurve.of(in.y(), in.s(), in.w());
        RocCurve old = RocCurve.sweep(in.y(), in.s(), in.w(), null, 0)[0];
        assertThat(fast.falsePositiveWeights()).containsExactly(old.falsePositiveWeights());
        assertThat(fast.truePositiveWeights()).containsExactly(old.truePositiveWeights());
        double[] a = fast.distinctScores();
        double[] b = old.distinctScores();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i] == b[i]).as("threshold %d", i).isTrue(); // -0.0 may be read as 0.0
        }
        assertThat(fast.auc()).isEqualTo(old.auc());
    }

    @Property(tries = 200)
    void summaryEqualsTheCurveAndThePairwiseDefinition(@ForAll @IntRange(min = 0, max = 1500) int n,
            @ForAll long seed) {
        Input in = input(n, seed);
        RocCurve old = RocCurve.sweep(in.y(), in.s(), in.w(), null, 0)[0];
        RocCurve.Summary sum = RocCurve.summary(in.y(), in.s(), in.w());
        assertThat(sum.auc()).isEqualTo(old.auc());
        assertThat(sum.positives()).isEqualTo(old.positives());
        assertThat(sum.negatives()).isEqualTo(old.negatives());
        // average precision as the metric computed it from the curve's arrays before
        double[] tps = old.truePositiveWeights();
        double[] fps = old.falsePositiveWeights();
        double p = tps[tps.length - 1];
        if (p == 0) {
            assertThat(sum.averagePrecision()).isNaN();
        } else {
            double ap = 0;
            for (int k = 1; k < tps.length; k++) {
                double predicted = tps[k] + fps[k];
                double precision = predicted == 0 ? 0 : tps[k] / predicted;
                ap += (tps[k] / p - tps[k - 1] / p) * precision;
            }
            assertThat(sum.averagePrecision()).isEqualTo(ap);
        }
        // pairwise: Σ_ij w_i w_j ([s_i > s_j] + [s_i = s_j] / 2) / (P N), i positive, j negative
        if (sum.auc().isDefined()) {
            double num = 0;
            double pos = 0;
            double neg = 0;
            for (int i = 0; i < n; i++) {
                double wi = in.w() == null ? 1 : in.w()[i];
                if (in.y()[i] == 1) {
                    pos += wi;
                } else {
                    neg += wi;
                }
                if (in.y()[i] != 1) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (in.y()[j] == 0) {
                        double wj = in.w() == null ? 1 : in.w()[j];
                        num += wi * wj * (in.s()[i] > in.s()[j] ? 1 : in.s()[i] == in.s()[j] ? 0.5 : 0);
                    }
                }
            }
            assertThat(sum.auc().value()).isCloseTo(num / (pos * neg), within(1e-12));
        }
    }
}
