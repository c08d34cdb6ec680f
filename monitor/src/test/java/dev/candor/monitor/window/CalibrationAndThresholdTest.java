package dev.candor.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The isotonic calibrator against scikit-learn, thresholds and CBPE estimates against closed forms. */
class CalibrationAndThresholdTest {

    @Test
    void isotonicCalibratorEqualsScikitLearn() {
        // from sklearn.isotonic import IsotonicRegression  (scikit-learn 1.2.1)
        // x=[.1,.1,.2,.3,.35,.4,.5,.5,.6,.9]; y=[0,1,0,1,0,0,1,1,0,1]
        // ir=IsotonicRegression(out_of_bounds='clip', increasing=True).fit(x, y)
        // ir.X_thresholds_ -> [0.1, 0.4, 0.5, 0.6, 0.9]; ir.y_thresholds_ -> [1/3, 1/3, 2/3, 2/3, 1.0]
        // ir.predict([0, .1, .15, .32, .45, .55, .95]) -> [1/3, 1/3, 1/3, 1/3, 0.5, 2/3, 1.0]
        double[] x = {0.1, 0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.5, 0.6, 0.9};
        int[] y = {0, 1, 0, 1, 0, 0, 1, 1, 0, 1};
        IsotonicCalibrator c = IsotonicCalibrator.fit(x, y, null);
        assertThat(c.xThresholds()).containsExactly(0.1, 0.4, 0.5, 0.6, 0.9);
        assertThat(c.yThresholds()).containsExactly(1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0);
        double[] q = {0.0, 0.1, 0.15, 0.32, 0.45, 0.55, 0.95};
        double[] expected = {1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5, 2.0 / 3, 1.0};
        for (int i = 0; i < q.length; i++) {
            assertThat(c.calibrate(q[i])).as("x = " + q[i]).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void referenceBandIsMeanPlusMinusKPopulationSdClippedToTheLimits() {
        // two chunks: mean 0.8275, sd |a - b| / 2 = 0.0919; lower 0.5518; upper 1.1032 clipped to 1
        Threshold t = Threshold.fromReference("accuracy", new double[] {0.9194, 0.7356}, 3, 0, 1);
        assertThat(t.mean()).isCloseTo(0.8275, within(1e-15));
        assertThat(t.std()).isCloseTo(0.0919, within(1e-15));
        assertThat(t.lower()).isCloseTo(0.5518, within(1e-12));
        assertThat(t.upper()).isEqualTo(1.0);
        assertThat(t.breached(0.5517)).isTrue();
        assertThat(t.breached(t.lower())).isFalse();
        assertThat(t.breached(Double.NaN)).isFalse();
        Threshold nanChunk = Threshold.fromReference("precision", new double[] {Double.NaN, 0.2}, 3, 0, 1);
        assertThat(nanChunk.lower()).isEqualTo(0.2);
        assertThat(nanChunk.upper()).isEqualTo(0.2);
        assertThat(nanChunk.breached(0.2)).isFalse();
        assertThat(Threshold.fixed("drift_share", Double.NaN, 0.5).breached(0.5)).isFalse();
    }

    @Test
    void cbpeEstimatesAreExpectedConfusionCounts() {
        // p = [.9, .2, .6, .1], pred = [1, 0, 1, 0]: TP = 1.5, FP = .5, FN = .3, TN = 1.7
        double[] p = {0.9, 0.2, 0.6, 0.1};
        int[] pred = {1, 0, 1, 0};
        var e = Cbpe.estimate(p, pred, p);
        assertThat(e.get("accuracy")).isCloseTo(3.2 / 4, within(1e-15));
        assertThat(e.get("precision")).isCloseTo(1.5 / 2.0, within(1e-15));
        assertThat(e.get("recall")).isCloseTo(1.5 / 1.8, within(1e-15));
        assertThat(e.get("f1")).isCloseTo(1.5 / (1.5 + 0.4), within(1e-15));
        // ROC sweep by descending score: tps 0,.9,1.5,1.7,1.8 ; fps 0,.1,.5,1.3,2.2
        double[] tps = {0, 0.9, 1.5, 1.7, 1.8};
        double[] fps = {0, 0.1, 0.5, 1.3, 2.2};
        double auc = 0;
        for (int k = 1; k < 5; k++) {
            auc += (fps[k] - fps[k - 1]) / 2.2 * (tps[k] + tps[k - 1]) / 1.8 / 2;
        }
        assertThat(e.get("roc_auc")).isCloseTo(auc, within(1e-12));
    }

    @Test
    void calendarWindowsAreAlignedKeyedAndFlagTheLastIncomplete() {
        List<String> ts = List.of("2014-03-30", "2014-03-31T23:59:00", "2014-04-01", "2014-06-30", "2014-07-02");
        List<Windowing.Span> q = Windowing.byPeriod(CalendarPeriod.QUARTER).split(100, ts.size(), ts);
        assertThat(q).extracting(s -> s.window().key()).containsExactly("2014Q1", "2014Q2", "2014Q3");
        assertThat(q.get(1).window().rows()).isEqualTo(2);
        assertThat(q.get(1).window().start()).isEqualTo(102);
        assertThat(q.get(2).window().complete()).isFalse();
        List<Windowing.Span> w = Windowing.byPeriod(CalendarPeriod.WEEK).split(0, 2, List.of("2014-03-02", "2014-03-03"));
        assertThat(w).extracting(s -> s.window().key()).containsExactly("2014-W09", "2014-W10");
        assertThat(Windowing.byPeriod(CalendarPeriod.MONTH).split(0, 1, List.of("2014-03-31")).get(0).window())
                .isEqualTo(new Window("2014-03", 0, 0, 1, true));
        assertThat(Windowing.byPeriod(CalendarPeriod.DAY).split(0, 1, List.of("2014-03-02")).get(0).window().key())
                .isEqualTo("2014-03-02");
        List<Windowing.Span> s = Windowing.bySize(5000).split(10000, 35211, null);
        assertThat(s).hasSize(8);
        assertThat(s.get(7).window()).isEqualTo(new Window("[45000:45210]", 45000, 45210, 211, false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Windowing.byPeriod(CalendarPeriod.DAY)
                .split(7, 2, List.of("2014-03-02", "03/03/2014"))).hasMessageContaining("row 8")
                .hasMessageContaining("03/03/2014");
    }
}
