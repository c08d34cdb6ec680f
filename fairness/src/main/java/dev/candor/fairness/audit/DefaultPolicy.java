package dev.candor.fairness.audit;

import dev.candor.fairness.Band;
import dev.candor.fairness.FairnessMetric;
import java.util.List;

/**
 * The policy a report checks when none is given: each of these metrics must lie in its
 * {@link FairnessMetric#band() band} from the registry:
 * <ul>
 *   <li>the <b>four-fifths rule</b> on disparate impact, read both ways: 0.8 &le; DI &le; 1.25
 *       (EEOC Uniform Guidelines, 29 CFR 1607.4(D); the upper bound is 1 / 0.8, the same rule
 *       with the groups swapped), {@link Band#FOUR_FIFTHS};</li>
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

    /** The metrics the default policy bounds, in rule order. */
    public static final List<FairnessMetric> METRICS = List.of(FairnessMetric.DISPARATE_IMPACT,
            FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE);

    /** The policy's name as the report prints it, e.g. {@code default (four-fifths rule, |SPD| <= 0.1, EOD <= 0.1)}. */
    public static final String NAME = "default (four-fifths rule, |SPD| <= "
            + bound(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE.band().upper()) + ", EOD <= "
            + bound(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE.band().upper()) + ")";

    private DefaultPolicy() {
    }

    /** @return the default policy */
    public static Policy get() {
        return new Policy(METRICS.stream().map(DefaultPolicy::rule).toList(), true);
    }

    /**
     * @param metric a metric with a bounded band
     * @return the rule that keeps it in its band on every attribute, undefined values violating it
     */
    public static Policy.Rule rule(FairnessMetric metric) {
        Band b = metric.band();
        return new Policy.Rule(metric.key(), b.lowerOrNull(), b.upperOrNull(), List.of(), true);
    }

    private static String bound(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
