package dev.candor.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The monitoring charts count exactly what they draw and never draw an undefined value. */
class MonitorChartsTest {

    private static int count(String s, String needle) {
        return s.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void windowSeriesDrawsOnePointPerDefinedValueWithThresholdsAndIntervals() {
        String[] windows = {"w1", "w2", "w3", "w4"};
        Chart c = Charts.windowSeries("acc", "accuracy", windows, new String[] {"realized", "estimated"},
                new double[][] {{0.8, Double.NaN, 0.7, 0.5}, {0.8, 0.81, 0.79, 0.8}},
                new double[][] {{0.75, Double.NaN, 0.6, 0.4}, {0.7, 0.7, 0.7, 0.7}},
                new double[][] {{0.85, Double.NaN, 0.8, 0.6}, {0.9, 0.9, 0.9, 0.9}},
                0.6, 1.0, new boolean[] {false, false, false, true}, "accuracy", "test");
        assertThat(c.marks()).isEqualTo(7);
        assertThat(count(c.svg(), "acc-mark-")).isEqualTo(7);
        assertThat(c.svg()).contains("lower 0.600").contains("upper 1.000").contains("breaching window")
                .contains("threshold band");
        Chart none = Charts.windowSeries("dp", "dp", windows, new String[] {"dp"},
                new double[][] {{0.1, 0.2, 0.3, 0.4}}, null, null, Double.NaN, Double.NaN, new boolean[4], "dp", "x");
        assertThat(none.svg()).doesNotContain("threshold band").doesNotContain("breaching window")
                .doesNotContain("lower ").doesNotContain("upper ");
        assertThatThrownBy(() -> Charts.windowSeries("bad", "x", windows, new String[] {"a"},
                new double[][] {{1, 2}}, null, null, 0, 1, new boolean[4], "y", "z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[0]");
    }

    @Test
    void heatMapHasACellPerFeatureAndWindowMarkedByVerdict() {
        Chart c = Charts.driftHeatMap("heat", "drift", new String[] {"age (wasserstein)", "job (jensenshannon)"},
                new String[] {"w1", "w2", "w3"}, new double[][] {{0.05, 0.2, Double.NaN}, {0.3, 0.01, 0.02}},
                new boolean[][] {{false, true, false}, {true, false, false}});
        assertThat(c.marks()).isEqualTo(6);
        assertThat(count(c.svg(), "ref='drifted'")).isEqualTo(2);
        assertThat(count(c.svg(), "ref='stable'")).isEqualTo(3);
        assertThat(count(c.svg(), "ref='undefined'")).isEqualTo(1);
        assertThat(c.description()).contains("(2 of 6)");
        assertThat(c.svg()).contains("age (wasserstein)").contains("0.200").contains("drifted").contains("not drifted");
    }
}
