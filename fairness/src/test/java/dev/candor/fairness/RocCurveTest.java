package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void tiedScoresAreOneStepAsInScikitLearn() {
        // >>> from sklearn.metrics import roc_curve, roc_auc_score
        // >>> y = [1, 1, 0, 1, 0, 0]; s = [.9, .8, .8, .7, .3, .1]
        // >>> roc_curve(y, s, drop_intermediate=False)
        // fpr [0, 0, 1/3, 1/3, 2/3, 1], tpr [0, 1/3, 2/3, 1, 1, 1], thresholds [inf, .9, .8, .7, .3, .1]
        // >>> roc_auc_score(y, s)  # trapezoids: 1/3·(1/3+2/3)/2 + 1/3·1 + 1/3·1 = 5/6 = 0.8333333333333334
        RocCurve c = RocCurve.of(new int[] {1, 1, 0, 1, 0, 0}, new double[] {0.9, 0.8, 0.8, 0.7, 0.3, 0.1}, null);
        assertThat(c.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.3, 0.1);
        assertThat(c.falsePositiveRates()).containsExactly(0, 0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1);
        assertThat(c.truePositiveRates()).containsExactly(0, 1.0 / 3, 2.0 / 3, 1, 1, 1);
        assertThat(c.auc().value()).isEqualTo(5.0 / 6);
        assertThat(c.positives()).isEqualTo(3.0);
        assertThat(c.negatives()).isEqualTo(3.0);
    }

    @Test
    void weightsScaleTheStepsAsSampleWeightDoes() {
        // >>> roc_curve([1, 0, 1, 0], [.8, .8, .4, .2], sample_weight=[2, 1, 1, 3], drop_intermediate=False)
        // P = 3, N = 4: fpr [0, 1/4, 1/4, 1], tpr [0, 2/3, 1, 1]
        // >>> roc_auc_score([1, 0, 1, 0], [.8, .8, .4, .2], sample_weight=[2, 1, 1, 3])
        // 0.8333333333333334: 1/4·(2/3)/2 + 3/4·1 = 10/12; pairs: tie 2·1·½ + 2·3 + 1·3 = 10 over 3·4
        RocCurve c = RocCurve.of(new int[] {1, 0, 1, 0}, new double[] {0.8, 0.8, 0.4, 0.2}, new double[] {2, 1, 1, 3});
        assertThat(c.falsePositiveRates()).containsExactly(0, 0.25, 0.25, 1);
        assertThat(c.truePositiveRates()).containsExactly(0, 2.0 / 3, 1, 1);
        assertThat(c.auc().value()).isCloseTo(10.0 / 12, within(1e-15));
    }

    @Test
    void aSingleClassOrNoRowsIsUndefinedWithItsReason() {
        RocCurve onlyPositives = RocCurve.of(new int[] {1, 1}, new double[] {0.2, 0.4}, null);
        assertThat(onlyPositives.auc().isDefined()).isFalse();
        assertThat(onlyPositives.auc().reason()).isEqualTo(UndefinedReason.NO_NEGATIVES);
        assertThat(onlyPositives.falsePositiveRates()).isEmpty();
        assertThat(RocCurve.of(new int[] {0, 0}, new double[] {0.2, 0.4}, null).auc().reason())
                .isEqualTo(UndefinedReason.NO_POSITIVES);
        assertThat(RocCurve.of(new int[0], new double[0], null).auc().reason()).isEqualTo(UndefinedReason.EMPTY_GROUP);
        // Negatives of weight zero do not count as negatives.
        assertThat(RocCurve.of(new int[] {1, 0}, new double[] {0.2, 0.4}, new double[] {1, 0}).auc().reason())
                .isEqualTo(UndefinedReason.NO_NEGATIVES);
    }

    @Test
    void badInputNamesTheRow() {
        assertThatThrownBy(() -> RocCurve.of(new int[] {1, 0}, new double[] {0.1, Double.NaN}, null))
                .hasMessageContaining("scores: row 1");
        assertThatThrownBy(() -> RocCurve.of(new int[] {1, 2}, new double[] {0.1, 0.2}, null))
                .hasMessageContaining("yTrue: row 1 has label 2");
        assertThatThrownBy(() -> RocCurve.of(new int[] {1, 0}, new double[] {0.1, 0.2}, new double[] {1, -1}))
                .hasMessageContaining("weights: row 1");
        assertThatThrownBy(() -> RocCurve.byGroup(new int[] {1, 0}, new double[] {0.1, 0.2}, null, new int[] {0, 2}, 2))
                .hasMessageContaining("groups: row 1 has group code 2");
    }

    private static double pairAuc(int[] y, double[] s, double[] w) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    double ww = w[i] * w[j];
                    den += ww;
                    num += ww * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
                }
            }
        }
        return num / den;
    }

    @Property(tries = 60)
    void aucIsTheWeightedShareOfOrderedPairsAndGroupsMatchTheirOwnCurves(@ForAll long seed,
                                                                         @ForAll @IntRange(min = 4, max = 120) int n) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < 2 ? i : r.nextInt(2);
            s[i] = r.nextInt(8) / 8.0; // many ties
            w[i] = r.nextInt(4) == 0 ? 0.0 : r.nextDouble(0.1, 3);
            g[i] = r.nextInt(3);
        }
        w[0] = 1;
        w[1] = 1;
        RocCurve all = RocCurve.of(y, s, w);
        assertThat(all.auc().value()).isCloseTo(pairAuc(y, s, w), within(1e-12));
        RocCurve[] by = RocCurve.byGroup(y, s, w, g, 3);
        assertThat(by[3].auc()).isEqualTo(all.auc());
        assertThat(by[3].truePositiveRates()).containsExactly(all.truePositiveRates());
        for (int k = 0; k < 3; k++) {
            final int gk = k;
            int[] idx = java.util.stream.IntStream.range(0, n).filter(i -> g[i] == gk).toArray();
            RocCurve own = RocCurve.of(Arrays.stream(idx).map(i -> y[i]).toArray(),
                    Arrays.stream(idx).mapToDouble(i -> s[i]).toArray(), Arrays.stream(idx).mapToDouble(i -> w[i]).toArray());
            assertThat(by[k].auc()).isEqualTo(own.auc());
            assertThat(by[k].falsePositiveRates()).containsExactly(own.falsePositiveRates());
        }
    }

    @Property(tries = 40)
    void integerWeightsEqualDuplicatedRows(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 30;
        int[] y = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            y[i] = i < 2 ? i : r.nextInt(2);
            s[i] = r.nextInt(10) / 10.0;
            w[i] = 1 + r.nextInt(3);
            total += (int) w[i];
        }
        int[] yd = new int[total];
        double[] sd = new double[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++) {
                yd[k] = y[i];
                sd[k++] = s[i];
            }
        }
        RocCurve weighted = RocCurve.of(y, s, w);
        RocCurve duplicated = RocCurve.of(yd, sd, null);
        // Integer sums are exact, so the two agree to the last bit.
        assertThat(weighted.auc()).isEqualTo(duplicated.auc());
        assertThat(weighted.falsePositiveRates()).containsExactly(duplicated.falsePositiveRates());
        assertThat(weighted.truePositiveRates()).containsExactly(duplicated.truePositiveRates());
    }
}
