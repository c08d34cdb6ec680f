package dev.candor.fairness.audit;

import dev.candor.fairness.audit.Policy;
import java.util.List;

/**
 * The policy a report checks when none is given:
 * <ul>
 *   <li>the <b>four-fifths rule</b> on disparate impact, read both ways: 0.8 &le; DI &le; 1.25
 *       (EEOC Uniform Guidelines, 29 CFR 1607.4(D); the upper bound is 1 / 0.8, the same rule
 *       with the groups swapped);</li>
 *   <li>|statistical parity difference| &le; 0.1;</li>
 *   <li>equalized odds difference (fairlearn, the larger of the TPR and FPR gaps over all groups)
 *       &le; 0.1 (Hardt, Price and Srebro 2016, arXiv:1610.02413).</li>
 * </ul>
 * An undefined value violates a rule. Give another policy with {@code --policy policy.json} (the
 * format of {@link Policy}).
 *
 * @since 0.1.0
 */
public final class DefaultPolicy {

    /** The policy's name as the report prints it. */
    public static final String NAME = "default (four-fifths rule, |SPD| <= 0.1, EOD <= 0.1)";

    private DefaultPolicy() {
    }

    /** @return the default policy */
    public static Policy get() {
        return new Policy(List.of(
                new Policy.Rule("disparate_impact", 0.8, 1.25, List.of(), true),
                new Policy.Rule("statistical_parity_difference", -0.1, 0.1, List.of(), true),
                new Policy.Rule("equalized_odds_difference", null, 0.1, List.of(), true)), true);
    }
}
