package dev.candor.fairness.audit;

import dev.candor.fairness.Comparison;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of checking an {@link AuditResult} against a {@link Policy}.
 *
 * @param passed     true when there is no violation
 * @param violations the rules broken, one entry per (rule, attribute)
 * @param skipped    (rule, attribute) pairs where the metric is not computed, with why
 * @param checked    how many (rule, attribute) checks were made
 * @since 0.1.0
 */
public record PolicyResult(boolean passed, List<Violation> violations, List<Skipped> skipped, int checked) {

    public PolicyResult {
        violations = List.copyOf(violations);
        skipped = List.copyOf(skipped);
    }

    /**
     * A broken rule.
     *
     * @param attribute the attribute, or null for an {@code individual.*} metric
     * @param metric    the metric key
     * @param value     its value (NaN when undefined)
     * @param undefined why it is undefined, or null
     * @param min       the rule's lower bound, or null
     * @param max       the rule's upper bound, or null
     * @param message   a sentence saying what is wrong
     */
    public record Violation(String attribute, String metric, double value, UndefinedReason undefined, Double min,
                            Double max, String message) {
    }

    /**
     * A rule that could not be checked on an attribute.
     *
     * @param attribute the attribute
     * @param metric    the metric key
     * @param reason    why
     */
    public record Skipped(String attribute, String metric, String reason) {
    }

    /** The metric keys a rule may name. */
    public static Set<String> knownMetrics() {
        Set<String> s = new TreeSet<>();
        s.addAll(FairnessMetric.keys());
        for (FairnessMetric m : FairnessMetric.LABEL_METRICS) {
            s.add("label_metrics." + m.key());
        }
        for (String k : List.of("theil_index", "generalized_entropy_index", "coefficient_of_variation", "gini")) {
            s.add("individual." + k);
        }
        return s;
    }

    /**
     * Checks every rule.
     *
     * @param policy the policy
     * @param audit  the audit
     * @return the outcome
     * @throws IllegalArgumentException if a rule names an unknown metric or an attribute not audited
     */
    public static PolicyResult evaluate(Policy policy, AuditResult audit) {
        Set<String> known = knownMetrics();
        List<Violation> violations = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int checked = 0;
        for (Policy.Rule rule : policy.rules()) {
            if (!known.contains(rule.metric())) {
                throw new IllegalArgumentException("policy rule names unknown metric '" + rule.metric()
                        + "'; known metrics: " + known);
            }
            if (rule.isIndividual()) {
                MetricValue v = audit.individual().get(rule.metric().substring("individual.".length()));
                checked++;
                check(rule, null, v, violations);
                continue;
            }
            List<String> targets = new ArrayList<>();
            if (rule.attributes().isEmpty()) {
                audit.attributes().forEach(a -> targets.add(a.name()));
            } else {
                targets.addAll(rule.attributes());
            }
            for (String attr : targets) {
                AttributeAudit a = audit.attribute(attr);
                Comparison c;
                if (rule.metric().startsWith("label_metrics.")) {
                    c = a.metrics().labelMetrics().get(rule.metric().substring("label_metrics.".length()));
                } else {
                    c = a.metrics().metrics().get(rule.metric());
                }
                if (c == null) {
                    skipped.add(new Skipped(attr, rule.metric(), "not computed: attribute '" + attr
                            + "' has no privileged value"));
                    continue;
                }
                checked++;
                check(rule, attr, c.metricValue(), violations);
            }
        }
        return new PolicyResult(violations.isEmpty(), violations, skipped, checked);
    }

    private static void check(Policy.Rule rule, String attr, MetricValue v, List<Violation> out) {
        String where = attr == null ? rule.metric() : rule.metric() + " of " + attr;
        if (!v.isDefined()) {
            if (rule.undefinedViolates()) {
                out.add(new Violation(attr, rule.metric(), Double.NaN, v.reason(), rule.min(), rule.max(),
                        where + " is undefined (" + v.reason().key() + ")"));
            }
            return;
        }
        double x = v.value();
        if (rule.min() != null && x < rule.min()) {
            out.add(new Violation(attr, rule.metric(), x, null, rule.min(), rule.max(),
                    where + " = " + x + " is below the minimum " + rule.min()));
        } else if (rule.max() != null && x > rule.max()) {
            out.add(new Violation(attr, rule.metric(), x, null, rule.min(), rule.max(),
                    where + " = " + x + " is above the maximum " + rule.max()));
        }
    }
}
