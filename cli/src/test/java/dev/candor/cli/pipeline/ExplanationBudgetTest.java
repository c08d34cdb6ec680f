package dev.candor.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** KernelSHAP in a report stays within its documented budget of values passed to the model. */
class ExplanationBudgetTest {

    private static long perRow(int features, int background) {
        long coalitions = Math.min(1L << Math.min(features, 40), 2L * features + 2048);
        return coalitions * background + 1;
    }

    @Test
    void narrowDataExplainsEveryRequestedRow() {
        // German credit's 20 features: 200 rows fit easily
        assertThat(ExplanationSections.affordableRows(perRow(20, 50), 20)).isGreaterThanOrEqualTo(200);
    }

    @Test
    void wideDataIsReducedToFitAndTooWideDataToNothing() {
        int thousand = ExplanationSections.affordableRows(perRow(1000, 50), 1000);
        assertThat(thousand).isBetween(1, 199);
        long values = (long) thousand * perRow(1000, 50) * 1000;
        assertThat(values).isLessThanOrEqualTo(ExplanationSections.MODEL_VALUE_BUDGET);
        assertThat(ExplanationSections.affordableRows(perRow(100_000, 50), 100_000)).isZero();
    }
}
