package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every item of "edge cases and bad input": a defined value with a reason, or a clear exception. */
class EdgeCasesTest {

    private static GroupCounts counts(int[] y, int[] p, int[] g, String... names) {
        return GroupCounter.count(y, p, new GroupAttribute("a", g, List.of(names)));
    }

    @Test
    void emptyGroupGivesEmptyGroupReasonAndIsSkippedButDisclosedByBetweenGroups() {
        GroupCounts c = counts(new int[] {1, 0, 1, 0}, new int[] {1, 0, 0, 1}, new int[] {0, 0, 1, 1}, "a", "b", "empty");
        GroupMetrics m = GroupMetrics.of(c);
        assertThat(m.rate("empty", Rate.SELECTION_RATE).reason()).isEqualTo(UndefinedReason.EMPTY_GROUP);
        Comparison d = m.metric("demographic_parity_difference");
        assertThat(d.value()).isEqualTo(0.0); // a: 1/2, b: 1/2
        assertThat(d.skipped()).containsExactly("empty");
        assertThat(m.withPrivileged("empty").metric("statistical_parity_difference").reason())
                .isEqualTo(UndefinedReason.EMPTY_GROUP);
    }

    @Test
    void groupWithoutPositivesHasUndefinedTprAndEqualOpportunity() {
        GroupCounts c = counts(new int[] {1, 0, 0, 0}, new int[] {1, 0, 1, 0}, new int[] {0, 0, 1, 1}, "p", "u");
        GroupMetrics m = GroupMetrics.of(c).withPrivileged("p");
        assertThat(m.rate("u", Rate.TRUE_POSITIVE_RATE).reason()).isEqualTo(UndefinedReason.NO_POSITIVES);
        assertThat(m.metric("equal_opportunity_difference").reason()).isEqualTo(UndefinedReason.NO_POSITIVES);
        assertThat(m.metric("average_odds_difference").isDefined()).isFalse();
        // fairlearn's form skips the undefined group: one defined group left
        assertThat(m.metric("fairlearn_equal_opportunity_difference").reason()).isEqualTo(UndefinedReason.SINGLE_GROUP);
        assertThat(m.metric("fairlearn_equal_opportunity_difference").skipped()).containsExactly("u");
        assertThatThrownBy(() -> m.withStrict(true).metric("equal_opportunity_difference"))
                .isInstanceOf(UndefinedMetricException.class).hasMessageContaining("no_positives");
    }

    @Test
    void zeroSelectionRateOfThePrivilegedGroupMakesDisparateImpactUndefined() {
        GroupCounts c = counts(new int[] {1, 0, 1, 0}, new int[] {0, 0, 1, 0}, new int[] {0, 0, 1, 1}, "p", "u");
        GroupMetrics m = GroupMetrics.of(c).withPrivileged("p");
        assertThat(m.metric("disparate_impact").reason()).isEqualTo(UndefinedReason.ZERO_REFERENCE_RATE);
        assertThat(m.metric("statistical_parity_difference").value()).isEqualTo(0.5);
        assertThat(m.metric("demographic_parity_ratio").value()).isEqualTo(0.0);
    }

    @Test
    void singleGroupHasNoBetweenGroupsComparison() {
        GroupCounts c = counts(new int[] {1, 0}, new int[] {1, 1}, new int[] {0, 0}, "only");
        GroupMetrics m = GroupMetrics.of(c);
        assertThat(m.metric("demographic_parity_difference").reason()).isEqualTo(UndefinedReason.SINGLE_GROUP);
        assertThat(m.metric("max_min_contrast_selection_rate").reason()).isEqualTo(UndefinedReason.SINGLE_GROUP);
        assertThat(m.withPrivileged("only").metric("disparate_impact").reason()).isEqualTo(UndefinedReason.EMPTY_GROUP);
        assertThat(m.metric("disparate_impact").reason()).isEqualTo(UndefinedReason.NO_PRIVILEGED_GROUP);
    }

    @Test
    void allEqualPredictionsLeaveThePredictedNegativeRatesUndefined() {
        GroupCounts c = counts(new int[] {1, 0, 1, 0}, new int[] {1, 1, 1, 1}, new int[] {0, 0, 1, 1}, "p", "u");
        GroupMetrics m = GroupMetrics.of(c).withPrivileged("p");
        assertThat(m.overall(Rate.NEGATIVE_PREDICTIVE_VALUE).reason()).isEqualTo(UndefinedReason.NO_PREDICTED_NEGATIVES);
        assertThat(m.metric("false_omission_rate_difference").reason()).isEqualTo(UndefinedReason.NO_PREDICTED_NEGATIVES);
        assertThat(m.metric("disparate_impact").value()).isEqualTo(1.0);
        assertThat(m.metric("demographic_parity_difference").value()).isEqualTo(0.0);
        // all selection rates equal 1: the spreads are 0, not undefined
        assertThat(m.metric("gini_selection_rate").value()).isEqualTo(0.0);
        GroupCounts none = counts(new int[] {1, 0, 1, 0}, new int[] {0, 0, 0, 0}, new int[] {0, 0, 1, 1}, "p", "u");
        assertThat(GroupMetrics.of(none).metric("demographic_parity_ratio").reason())
                .isEqualTo(UndefinedReason.ZERO_REFERENCE_RATE);
        assertThat(GroupMetrics.of(none).metric("gini_selection_rate").reason()).isEqualTo(UndefinedReason.ZERO_MEAN);
    }

    @Test
    void badArraysAreRejectedNamingArgumentRowAndValue() {
        GroupAttribute g = new GroupAttribute("sex", new int[] {0, 1, 0}, List.of("f", "m"));
        assertThatThrownBy(() -> GroupCounter.count(new int[] {1, 2, 0}, new int[] {1, 0, 0}, g))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yTrue: row 1 has label 2");
        assertThatThrownBy(() -> GroupCounter.count(new int[] {1, 0, 0}, new int[] {1, 0, -1}, g))
                .hasMessageContaining("yPred: row 2 has prediction -1");
        assertThatThrownBy(() -> GroupCounter.count(new int[] {1, 0}, new int[] {1, 0, 0}, g))
                .hasMessageContaining("yPred has length 3 but yTrue has length 2");
        assertThatThrownBy(() -> GroupCounter.count(new int[] {1, 0, 0}, new int[] {1, 0, 0}, new double[] {1, -1, 1}, g))
                .hasMessageContaining("weights: row 1 has weight -1.0");
        assertThatThrownBy(() -> GroupCounter.count(new int[] {1, 0, 0}, new int[] {1, 0, 0}, new double[] {1, 1, Double.NaN}, g))
                .hasMessageContaining("weights: row 2 has weight NaN");
        assertThatThrownBy(() -> GroupCounter.count(new int[] {1, 0, 0}, new int[] {1, 0, 0},
                new GroupAttribute("sex", new int[] {0, 5, 0}, List.of("f", "m"))))
                .hasMessageContaining("groups of 'sex': row 1 has group code 5");
        assertThatThrownBy(() -> GroupAttribute.of("sex", new String[] {"f", null}))
                .hasMessageContaining("missing value at row 1");
        assertThatThrownBy(() -> GroupMetrics.of(GroupCounter.count(new int[] {1}, new int[] {1},
                new GroupAttribute("sex", new int[] {0}, List.of("f")))).withPrivileged("x"))
                .hasMessageContaining("has no group 'x'");
    }

    @Test
    void badLabelsAreFoundAtAnyPositionInLargeArrays() {
        int n = 10_007;
        int[] y = new int[n];
        int[] p = new int[n];
        y[9_999] = 7;
        GroupAttribute g = new GroupAttribute("a", new int[n], List.of("x"));
        assertThatThrownBy(() -> GroupCounter.count(y, p, g)).hasMessageContaining("row 9999 has label 7");
        int[] codes = new int[n];
        codes[10_005] = -1;
        assertThatThrownBy(() -> GroupCounter.count(new int[n], p, new GroupAttribute("a", codes, List.of("x"))))
                .hasMessageContaining("row 10005 has group code -1");
        int[] three = new int[n];
        three[4_321] = 3; // k = 3: a code just past the last group
        assertThatThrownBy(() -> GroupCounter.count(new int[n], p, new GroupAttribute("a", three, List.of("x", "y", "z"))))
                .hasMessageContaining("row 4321 has group code 3");
        int[] huge = new int[n];
        huge[77] = Integer.MAX_VALUE;
        assertThatThrownBy(() -> GroupCounter.count(new int[n], p, new GroupAttribute("a", huge, List.of("x", "y", "z"))))
                .hasMessageContaining("row 77 has group code " + Integer.MAX_VALUE);
        int[] wraps = new int[n];
        wraps[5] = 1 << 28; // (code << 4) overflows to 0: must still be rejected
        assertThatThrownBy(() -> GroupCounter.count(new int[n], p, new GroupAttribute("a", wraps, List.of("x", "y", "z"))))
                .hasMessageContaining("row 5 has group code " + (1 << 28));
    }
}
