package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.ScoreCurves;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScoreCurvesTest {

    @Test
    void rocMatchesAHandComputedCurveWithTies() {
        // y = 1 1 0 1 0 0 with scores .9 .8 .8 .7 .3 .1; positives 3, negatives 3.
        // Thresholds: .9 -> (0, 1/3); .8 (one pos, one neg tied) -> (1/3, 2/3); .7 -> (1/3, 1);
        // .3 -> (2/3, 1); .1 -> (1, 1). As sklearn.metrics.roc_curve(drop_intermediate=False).
        PerformanceSection.Curve c = ScoreCurves.roc(new int[] {1, 1, 0, 1, 0, 0},
                new double[] {0.9, 0.8, 0.8, 0.7, 0.3, 0.1}, 100);
        assertThat(c.x()).containsExactly(0, 0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1);
        assertThat(c.y()).containsExactly(0, 1.0 / 3, 2.0 / 3, 1, 1, 1);
        // Trapezoid area = the Mann-Whitney AUC: pairs (pos > neg) 7 plus half of the 1 tie, over 9 pairs.
        assertThat(area(c)).isCloseTo(7.5 / 9, within(1e-12));
    }

    @Test
    void rocWithOneClassIsEmpty() {
        assertThat(ScoreCurves.roc(new int[] {1, 1}, new double[] {0.2, 0.4}, 10).x()).isEmpty();
    }

    @Property(tries = 50)
    void thinningKeepsTheEndsAndTheArea(@ForAll @IntRange(min = 50, max = 400) int n) {
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = ((i * 7919L) % 1000) / 1000.0;
            y[i] = (i * 31 % 7) < 3 ? 1 : 0;
        }
        PerformanceSection.Curve full = ScoreCurves.roc(y, s, 100_000);
        PerformanceSection.Curve thin = ScoreCurves.roc(y, s, 40);
        assertThat(thin.x().length).isLessThanOrEqualTo(40);
        assertThat(thin.x()[0]).isZero();
        assertThat(thin.x()[thin.x().length - 1]).isEqualTo(1.0);
        assertThat(thin.y()[thin.y().length - 1]).isEqualTo(1.0);
        assertThat(area(thin)).isCloseTo(area(full), within(0.05));
    }

    @Test
    void densityIntegratesToOneAndCalibrationAveragesEachBin() {
        double[] edges = ScoreCurves.uniformEdges(4);
        double[] d = ScoreCurves.density(new double[] {0.1, 0.2, 0.6, 1.0}, edges);
        // Two scores in [0, .25), one in [.5, .75), one (1.0) in the closed last bin; width .25, n = 4.
        assertThat(d).containsExactly(2.0, 0.0, 1.0, 1.0);
        PerformanceSection.Curve cal = ScoreCurves.calibration(new int[] {0, 1, 1, 1}, new double[] {0.1, 0.2, 0.6,
                1.0}, 4);
        assertThat(cal.x()[0]).isCloseTo(0.15, within(1e-15));
        assertThat(cal.y()[0]).isEqualTo(0.5);
        assertThat(cal.x()[1]).isNaN();
        assertThat(cal.y()[3]).isEqualTo(1.0);
        assertThat(cal.rows()).containsExactly(2, 0, 1, 1);
        // With at least two rows per drawn bin, the single-row bins are hidden but still counted.
        PerformanceSection.Curve shown = ScoreCurves.calibration(new int[] {0, 1, 1, 1}, new double[] {0.1, 0.2, 0.6,
                1.0}, 4, 2);
        assertThat(shown.y()[0]).isEqualTo(0.5);
        assertThat(shown.y()[2]).isNaN();
        assertThat(shown.y()[3]).isNaN();
        assertThat(shown.rows()).containsExactly(2, 0, 1, 1);
    }

    static double area(PerformanceSection.Curve c) {
        double a = 0;
        for (int i = 1; i < c.x().length; i++) {
            a += (c.x()[i] - c.x()[i - 1]) * (c.y()[i] + c.y()[i - 1]) / 2;
        }
        return a;
    }
}
