package dev.candor.fairness.performance;

import dev.candor.fairness.MetricValue;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks policy rules that bound performance aggregates by their fairlearn-generated names (for
 * example {@code {"metric": "mean_absolute_error_difference", "max": 2}} or
 * {@code {"metric": "recall_ratio", "min": 0.8}}), attribute by attribute, in the {@link Policy} format
 * of the fairness audit. The names come from {@link PerformanceFrame#derived()}, so the rule keys a
 * frame accepts are exactly the keys it writes.
 *
 * @since 0.1.0
 */
public final class PerformancePolicy {

    private PerformancePolicy() {
    }

    /**
     * @return every rule key any performance frame can answer: each classification and regression
     *         metric with each {@link Aggregate}'s suffix (what a policy file may name before any data
     *         is read)
     */
    public static Set<String> allRuleKeys() {
        Set<String> out = new TreeSet<>();
        for (Aggregate a : Aggregate.values()) {
            for (ClassificationMetric m : ClassificationMetric.values()) {
                out.add(a.derivedName(m));
            }
            for (RegressionMetric m : RegressionMetric.values()) {
                out.add(a.derivedName(m));
            }
        }
        return out;
    }

    /**
     * @param frames the frames, one per attribute
     * @return every rule key the frames can answer
     */
    public static Set<String> knownMetrics(List<? extends PerformanceFrame<?>> frames) {
        Set<String> out = new TreeSet<>();
        frames.forEach(f -> out.addAll(f.derived().keySet()));
        return out;
    }

    /**
     * The rules of {@code policy} that name a performance aggregate of these frames.
     *
     * @param policy the policy
     * @param frames the frames
     * @return those rules, as a policy with the same default for undefined values
     */
    public static Policy performanceRules(Policy policy, List<? extends PerformanceFrame<?>> frames) {
        Set<String> known = knownMetrics(frames);
        return new Policy(policy.rules().stream().filter(r -> known.contains(r.metric())).toList(),
                policy.undefinedViolates());
    }

    /**
     * The rules of {@code policy} that do not name a performance aggregate (left to the fairness audit).
     *
     * @param policy the policy
     * @param frames the frames
     * @return the other rules
     */
    public static Policy otherRules(Policy policy, List<? extends PerformanceFrame<?>> frames) {
        Set<String> known = knownMetrics(frames);
        return new Policy(policy.rules().stream().filter(r -> !known.contains(r.metric())).toList(),
                policy.undefinedViolates());
    }

    /**
     * @param policy rules on performance aggregates
     * @param frames the frames, one per attribute
     * @return the outcome: a violation per (rule, attribute) out of bounds, or undefined when the rule
     *         says undefined values violate
     * @throws IllegalArgumentException if a rule names an unknown metric or an attribute not audited,
     *                                  listing the known ones
     */
    public static PolicyResult evaluate(Policy policy, List<? extends PerformanceFrame<?>> frames) {
        Map<String, PerformanceFrame<?>> byName = new LinkedHashMap<>();
        frames.forEach(f -> byName.put(f.attribute(), f));
        Set<String> known = knownMetrics(frames);
        List<PolicyResult.Violation> violations = new ArrayList<>();
        int checked = 0;
        for (Policy.Rule rule : policy.rules()) {
            if (!known.contains(rule.metric())) {
                throw new IllegalArgumentException("policy rule names unknown metric '" + rule.metric()
                        + "'; known performance metrics: " + known);
            }
            List<String> targets = rule.attributes().isEmpty() ? List.copyOf(byName.keySet()) : rule.attributes();
            for (String attr : targets) {
                PerformanceFrame<?> f = byName.get(attr);
                if (f == null) {
                    throw new IllegalArgumentException("policy rule for '" + rule.metric() + "' names attribute '"
                            + attr + "', which is not audited; audited: " + byName.keySet());
                }
                checked++;
                check(rule, attr, f.derived().get(rule.metric()), violations);
            }
        }
        return new PolicyResult(violations.isEmpty(), violations, List.of(), checked);
    }

    /**
     * @param a one outcome
     * @param b another
     * @return both together: passed when both passed
     */
    public static PolicyResult merge(PolicyResult a, PolicyResult b) {
        List<PolicyResult.Violation> v = new ArrayList<>(a.violations());
        v.addAll(b.violations());
        List<PolicyResult.Skipped> s = new ArrayList<>(a.skipped());
        s.addAll(b.skipped());
        return new PolicyResult(a.passed() && b.passed(), v, s, a.checked() + b.checked());
    }

    private static void check(Policy.Rule rule, String attr, MetricValue v, List<PolicyResult.Violation> out) {
        String where = rule.metric() + " of " + attr;
        if (!v.isDefined()) {
            if (rule.undefinedViolates()) {
                out.add(new PolicyResult.Violation(attr, rule.metric(), Double.NaN, v.reason(), rule.min(), rule.max(),
                        where + " is undefined (" + v.reason().key() + ")"));
            }
            return;
        }
        double x = v.value();
        if (rule.min() != null && x < rule.min()) {
            out.add(new PolicyResult.Violation(attr, rule.metric(), x, null, rule.min(), rule.max(),
                    where + " = " + x + " is below the minimum " + rule.min()));
        } else if (rule.max() != null && x > rule.max()) {
            out.add(new PolicyResult.Violation(attr, rule.metric(), x, null, rule.min(), rule.max(),
                    where + " = " + x + " is above the maximum " + rule.max()));
        }
    }
}
