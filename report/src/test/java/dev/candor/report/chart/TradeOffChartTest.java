package dev.candor.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TradeOffChartTest {

    @Test
    void paretoFrontKeepsOnlyMethodsNoOtherBeatsOnBoth() {
        // a: fairest; b: most accurate; c: dominated by a (less fair, less accurate); d: undefined.
        double[] unfair = {0.01, 0.20, 0.05, Double.NaN};
        double[] acc = {0.80, 0.85, 0.79, 0.90};
        assertThat(TradeOffChart.paretoFront(unfair, acc)).containsExactly(0, 1);
    }

    @Test
    void drawsOnePointPerMethodAndTheFront() {
        Chart c = TradeOffChart.tradeOff("tradeoff", "t", new String[] {"a", "b", "c"}, new double[] {0.01, 0.2, 0.05},
                new double[] {0.8, 0.85, 0.79}, "equalized odds difference");
        assertThat(c.svg()).contains("<svg");
        assertThat(c.marks()).isEqualTo(3 + 2);
    }
}
