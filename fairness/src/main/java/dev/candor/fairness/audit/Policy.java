package dev.candor.fairness.audit;

import java.util.List;
import java.util.Objects;

/**
 * A fairness policy: bounds on audit metrics that a CI pipeline can enforce. The JSON form below is
 * read by {@code dev.candor.report.PolicyJson}.
 *
 * <p>Format (JSON):
 * <pre>{@code
 * { "undefined": "violation",
 *   "rules": [
 *     { "metric": "disparate_impact", "min": 0.8 },
 *     { "metric": "equalized_odds_difference", "max": 0.1, "attributes": ["race"] },
 *     { "metric": "individual.theil_index", "max": 0.2 },
 *     { "metric": "label_metrics.disparate_impact", "min": 0.8, "undefined": "pass" } ] }
 * }</pre>
 * <ul>
 *   <li>{@code metric} (required): a key of an attribute's {@code metrics} block (e.g.
 *       {@code disparate_impact}, {@code demographic_parity_ratio}), {@code label_metrics.<key>}, or
 *       {@code individual.<key>} for the population-wide indices.</li>
 *   <li>{@code min} / {@code max}: inclusive bounds; at least one is required.</li>
 *   <li>{@code attributes}: the attributes (or intersections such as {@code sex&race}) the rule
 *       applies to; all audited ones by default. Attributes for which the metric is not computed
 *       (privileged-only metrics on an attribute without a privileged value) are listed as skipped.</li>
 *   <li>{@code undefined}: what an undefined value (null with a reason) means, {@code violation}
 *       (default) or {@code pass}; set for all rules at the top level, or per rule.</li>
 * </ul>
 *
 * @param rules            the rules
 * @param undefinedViolates the default for rules that do not set {@code undefined}
 * @since 0.1.0
 */
public record Policy(List<Rule> rules, boolean undefinedViolates) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /**
     * One bound.
     *
     * @param metric            the metric key (see {@link Policy})
     * @param min               inclusive lower bound, or null
     * @param max               inclusive upper bound, or null
     * @param attributes        the attributes it applies to; empty for all
     * @param undefinedViolates whether an undefined value violates the rule
     */
    public record Rule(String metric, Double min, Double max, List<String> attributes, boolean undefinedViolates) {
        public Rule {
            Objects.requireNonNull(metric, "metric");
            if (min == null && max == null) {
                throw new IllegalArgumentException("policy rule for '" + metric + "' needs 'min' or 'max'");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("policy rule for '" + metric + "' has min " + min + " > max " + max);
            }
            attributes = List.copyOf(attributes);
        }

        /** @return true for a population-wide {@code individual.*} metric */
        public boolean isIndividual() {
            return metric.startsWith("individual.");
        }
    }
}
