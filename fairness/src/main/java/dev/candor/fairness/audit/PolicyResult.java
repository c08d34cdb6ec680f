package dev.candor.fairness.audit;

import dev.candor.core.BadInputException;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;
import dev.candor.fairness.performance.PerformancePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of checking an {@link AuditResult} against a {@link Policy}.
 *
 * @param passed     true when there is no violation and at least one check was made
 * @param violations the rules broken, one entry per (rule, attribute)
 * @param skipped    (rule, attribute) pairs where the metric is not computed and the rule lets an
 *                   undefined value pass, with why
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
     * Checks, before any work, that every rule can apply to the audit that will be run: its metric is
     * known and every attribute it names is among those audited.
     *
     * @param policy  the policy
     * @param audited the attributes (and intersections such as {@code sex&race}) that will be audited
     * @throws BadInputException naming the rule ({@code rules[i]}, as in the policy file) and the problem
     */
    public static void validate(Policy policy, Collection<String> audited) {
        Set<String> known = knownMetrics();
        // Rules may also bound performance aggregates by group (recall_ratio, mean_absolute_error_difference);
        // the audit command checks those against its performance frames.
        known.addAll(PerformancePolicy.allRuleKeys());
        for (int i = 0; i < policy.rules().size(); i++) {
            Policy.Rule rule = policy.rules().get(i);
            if (!known.contains(rule.metric())) {
                throw new BadInputException("rules[" + i + "] names unknown metric '" + rule.metric()
                        + "'; known metrics: " + known);
            }
            if (rule.isIndividual() && !rule.attributes().isEmpty()) {
                throw new BadInputException("rules[" + i + "] (" + rule.metric() + ") is population-wide; "
                        + "'attributes' does not apply to it");
            }
            for (String a : rule.attributes()) {
                if (!audited.contains(a)) {
                    throw new BadInputException("rules[" + i + "] (" + rule.metric() + ") names attribute '" + a
                            + "', which is not audited (audited: " + String.join(", ", audited)
                            + "); audit it with --protected or remove it from the rule");
                }
            }
        }
    }

    /**
     * Checks every rule. A rule that cannot be evaluated on an audited attribute (a metric that needs
     * a privileged value on an attribute without one) is a violation, like an undefined value, unless
     * the rule says {@code "undefined": "pass"}, in which case it is listed as skipped. A policy that
     * checked nothing (no rule could be evaluated, or no rules) does not pass.
     *
     * @param policy the policy
     * @param audit  the audit
     * @return the outcome
     * @throws BadInputException if a rule names an unknown metric or an attribute not audited
     */
    public static PolicyResult evaluate(Policy policy, AuditResult audit) {
        validate(policy, audit.attributes().stream().map(AttributeAudit::name).toList());
        List<Violation> violations = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int checked = 0;
        for (Policy.Rule rule : policy.rules()) {
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
                    String why = "attribute '" + attr + "' has no privileged value";
                    if (rule.undefinedViolates()) {
                        violations.add(new Violation(attr, rule.metric(), Double.NaN,
                                UndefinedReason.NO_PRIVILEGED_GROUP, rule.min(), rule.max(),
                                rule.metric() + " of " + attr + " cannot be evaluated: " + why
                                        + " (name one with --privileged " + attr + "=VALUE, or let the rule say "
                                        + "\"undefined\": \"pass\")"));
                    } else {
                        skipped.add(new Skipped(attr, rule.metric(), "not computed: " + why));
                    }
                    continue;
                }
                checked++;
                check(rule, attr, c.metricValue(), violations);
            }
        }
        if (checked == 0 && violations.isEmpty()) {
            violations.add(new Violation(null, null, Double.NaN, null, null, null,
                    "the policy checked nothing (0 checks): " + (policy.rules().isEmpty() ? "it has no rules"
                            : "no rule could be evaluated on this audit") + "; a policy that checks nothing does not pass"));
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
