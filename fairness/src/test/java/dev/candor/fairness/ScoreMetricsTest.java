package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoreMetricsTest {

    /** The definition, enumerated over every (positive, negative) pair: O(n²). */
    private static double bruteAuc(int[] y, double[] s, double[] w, int[] g, int group) {
        double num = 0;
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < y.length; i++) {
            if (group >= 0 && g[i] != group) {
                continue;
            }
            double wi = w == null ? 1 : w[i];
            if (y[i] == 1) {
                pos += wi;
            } else {
                neg += wi;
            }
            for (int j = 0; j < y.length; j++) {
                if ((group >= 0 && g[j] != group) || y[i] != 1 || y[j] != 0) {
                    continue;
                }
                double wj = w == null ? 1 : w[j];
                num += wi * wj * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
            }
        }
        return num / (pos * neg);
    }

    @Test
    void weightedAucWithTiesEqualsExactPairEnumerationPerGroup() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 700;
        int[] y = new int[n];
        int[] g = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = r.nextInt(3);
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            // scores on a coarse grid so that many ties occur, within and across groups
            s[i] = Math.min(1, Math.max(0, Math.round((0.3 * y[i] + 0.7 * r.nextDouble()) * 10) / 10.0));
            w[i] = 0.25 + r.nextDouble() * 2;
        }
        GroupAttribute attr = new GroupAttribute("g", g, List.of("a", "b", "c"));
        for (double[] weights : new double[][] {null, w}) {
            GroupScores gs = ScoreMetrics.compute(y, s, weights, attr);
            for (int k = 0; k < 3; k++) {
                assertThat(gs.rocAuc().get(k).value()).isCloseTo(bruteAuc(y, s, weights, g, k), within(1e-12));
            }
            assertThat(gs.overallRocAuc().value()).isCloseTo(bruteAuc(y, s, weights, g, -1), within(1e-12));
        }
    }

    @Test
    void logLossIsTheWeightedMeanNegativeLogLikelihoodWithClipping() {
        int[] y = {1, 0, 1, 0, 1};
        double[] s = {0.9, 0.2, 1.0, 0.0, 0.5};
        double[] w = {1, 2, 1, 1, 3};
        GroupAttribute attr = new GroupAttribute("g", new int[] {0, 0, 1, 1, 1}, List.of("a", "b"));
        GroupScores gs = ScoreMetrics.compute(y, s, w, attr);
        double eps = Math.ulp(1.0);
        // group a: -(1 ln 0.9 + 2 ln 0.8) / 3; group b: -(ln(1-eps) + ln(1-eps) + 3 ln 0.5) / 5
        assertThat(gs.logLoss("a").value()).isCloseTo(-(Math.log(0.9) + 2 * Math.log(0.8)) / 3, within(1e-15));
        assertThat(gs.logLoss("b").value()).isCloseTo(-(2 * Math.log1p(-eps) + 3 * Math.log(0.5)) / 5, within(1e-15));
    }

    @Test
    void singleClassGroupHasUndefinedAucAndNanScoresAreRejected() {
        int[] y = {1, 1, 0, 1};
        GroupAttribute attr = new GroupAttribute("g", new int[] {0, 0, 1, 1}, List.of("a", "b"));
        GroupScores gs = ScoreMetrics.compute(y, new double[] {0.2, 0.4, 0.1, 0.9}, null, attr);
        assertThat(gs.rocAuc("a").reason()).isEqualTo(UndefinedReason.NO_NEGATIVES);
        assertThat(gs.rocAuc("b").value()).isEqualTo(1.0);
        assertThatThrownBy(() -> ScoreMetrics.compute(y, new double[] {0.2, Double.NaN, 0.1, 0.9}, null, attr))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores: row 1");
        GroupScores margin = ScoreMetrics.compute(y, new double[] {-2, 3, 0.1, 0.9}, null, attr);
        assertThat(margin.overallLogLoss().reason()).isEqualTo(UndefinedReason.SCORES_NOT_PROBABILITIES);
        assertThat(margin.overallRocAuc().isDefined()).isTrue();
    }

    /**
     * Reference made with numpy 2.4 on {@code german_predictions.csv} (pair enumeration, sklearn's clipping):
     * <pre>
     * def auc(y, s):
     *     pos, neg = s[y == 1], s[y == 0]
     *     return ((pos[:, None] > neg).sum() + 0.5 * (pos[:, None] == neg).sum()) / (len(pos) * len(neg))
     * p = np.clip(s, np.finfo(float).eps, 1 - np.finfo(float).eps)
     * loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))      # per sex group: mask first
     * </pre>
     * overall 0.7917333333333333 / 0.4967409555181756, female 0.7948788169245515 / 0.5208762927546997,
     * male 0.7865574080097367 / 0.4858975431365489.
     */
    @Test
    void germanCreditAucAndLogLossMatchNumpy() {
        GoldenCsv csv = GoldenCsv.read(dev.candor.core.SharedData.golden("fairness/german_predictions.csv"));
        GroupScores gs = ScoreMetrics.compute(csv.ints("credit"), csv.doubles("score"), null,
                GroupAttribute.of("sex", csv.strings("sex")));
        assertThat(gs.overallRocAuc().value()).isCloseTo(0.7917333333333333, within(1e-12));
        assertThat(gs.overallLogLoss().value()).isCloseTo(0.4967409555181756, within(1e-12));
        assertThat(gs.rocAuc("female").value()).isCloseTo(0.7948788169245515, within(1e-12));
        assertThat(gs.logLoss("female").value()).isCloseTo(0.5208762927546997, within(1e-12));
        assertThat(gs.rocAuc("male").value()).isCloseTo(0.7865574080097367, within(1e-12));
        assertThat(gs.logLoss("male").value()).isCloseTo(0.4858975431365489, within(1e-12));
    }
}
