package dev.candor.fairness.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.BadInputException;
import dev.candor.fairness.MetricValue;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The score metrics computed from one sort (ROC AUC, average precision) and one pass (log loss, Brier,
 * calibration bins) equal, bit for bit, the separate loops and the curve-based sums they replaced,
 * written out here as the naive reference; random inputs with ties, zero weights and one class.
 */
class ScoreMetricsOnePassTest {

    private static final double[] EDGES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private static int naiveBin(double s) {
        int b = 0;
        while (b < EDGES.length && s >= EDGES[b]) {
            b++;
        }
        return b;
    }

    @Property(tries = 150)
    void probabilityMetricsEqualTheirOwnLoops(@ForAll @IntRange(min = 1, max = 3000) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        int[] p = new int[n];
        double[] s = new double[n];
        double[] w = r.nextBoolean() ? null : new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(3) == 0 ? 1 : 0;
            s[i] = r.nextInt(4) == 0 ? r.nextInt(11) / 10.0 : r.nextDouble();
            p[i] = s[i] >= 0.5 ? 1 : 0;
            if (w != null) {
                w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble() * 2;
            }
        }
        ClassificationSample sample = ClassificationSample.of(y, p, s, w);
        double loss = 0;
        double brier = 0;
        double total = 0;
        double[] bw = new double[10];
        double[] by = new double[10];
        double[] bs = new double[10];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            double c = Math.min(Math.max(s[i], ClassificationMetric.EPSILON), 1 - ClassificationMetric.EPSILON);
            loss -= wi * (y[i] == 1 ? Math.log(c) : Math.log(1 - c));
            brier += wi * (y[i] - s[i]) * (y[i] - s[i]);
            total += wi;
            int b = naiveBin(s[i]);
            bw[b] += wi;
            by[b] += wi * y[i];
            bs[b] += wi * s[i];
        }
        assertThat(ClassificationMetric.LOG_LOSS.compute(sample)).isEqualTo(MetricValue.ratio(loss, total,
                dev.candor.fairness.UndefinedReason.EMPTY_GROUP));
        assertThat(ClassificationMetric.BRIER_SCORE_LOSS.compute(sample)).isEqualTo(MetricValue.ratio(brier, total,
                dev.candor.fairness.UndefinedReason.EMPTY_GROUP));
        double binTotal = 0;
        for (double x : bw) {
            binTotal += x;
        }
        if (binTotal > 0) {
            double ece = 0;
            for (int b = 0; b < 10; b++) {
                if (bw[b] > 0) {
                    ece += bw[b] / binTotal * Math.abs(by[b] / bw[b] - bs[b] / bw[b]);
                }
            }
            assertThat(ClassificationMetric.EXPECTED_CALIBRATION_ERROR.compute(sample).value()).isEqualTo(ece);
        }
    }

    @Property(tries = 100)
    void binIsTheCountOfEdgesAtOrBelow(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 1000; k++) {
            double s = switch (r.nextInt(4)) {
                case 0 -> r.nextDouble();
                case 1 -> Math.nextUp(r.nextInt(11) / 10.0);
                case 2 -> Math.nextDown(r.nextInt(1, 11) / 10.0);
                default -> r.nextInt(11) / 10.0;
            };
            assertThat(CalibrationBins.bin(s)).as("score %s", s).isEqualTo(naiveBin(s));
        }
        assertThat(CalibrationBins.bin(0.8999999999999999)).isEqualTo(8);
        assertThat(CalibrationBins.bin(0.3)).isEqualTo(3);
        assertThat(CalibrationBins.bin(1.0)).isEqualTo(9);
        assertThat(CalibrationBins.bin(0.0)).isEqualTo(0);
    }

    @Test
    void theFirstScoreOutsideTheUnitIntervalIsNamedByEveryProbabilityMetric() {
        ClassificationSample s = ClassificationSample.of(new int[] {0, 1, 1}, null, new double[] {0.2, 1.5, -1}, null);
        for (ClassificationMetric m : new ClassificationMetric[] {ClassificationMetric.LOG_LOSS,
            ClassificationMetric.BRIER_SCORE_LOSS, ClassificationMetric.EXPECTED_CALIBRATION_ERROR}) {
            assertThatThrownBy(() -> m.compute(s)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("row 1").hasMessageContaining(m.key());
        }
        assertThat(ClassificationMetric.ROC_AUC.compute(s).value()).isEqualTo(0.5);
    }
}
