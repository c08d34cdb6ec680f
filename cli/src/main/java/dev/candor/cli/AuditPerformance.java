package dev.candor.cli;

import dev.candor.core.BadInputException;
import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.datasets.PredictionsTable;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.PerformanceIntervals;
import dev.candor.fairness.performance.PerformancePolicy;
import dev.candor.fairness.performance.RegressionMetric;
import dev.candor.fairness.performance.RegressionSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The performance part of {@code candor audit}: the groups of every protected attribute (and their
 * intersection), the classification frames beside the fairness audit, and the whole regression audit.
 */
final class AuditPerformance {

    private AuditPerformance() {
    }

    /**
     * @param t              the predictions
     * @param columns        the protected columns
     * @param intersectional whether to add the intersection of all of them
     * @return one attribute per column, then the intersection ({@code a&b}), as the fairness audit names them
     */
    static List<GroupAttribute> attributes(PredictionsTable t, List<String> columns, boolean intersectional) {
        List<GroupAttribute> out = new ArrayList<>();
        for (String c : columns) {
            out.add(GroupAttribute.of(c, t.strings(c)));
        }
        if (intersectional) {
            GroupAttribute acc = out.get(0);
            for (int i = 1; i < columns.size(); i++) {
                acc = GroupAttribute.intersection(acc, out.get(i));
            }
            out.add(acc);
        }
        return out;
    }

    /** The classification metrics the columns can feed, overall and by group. */
    static List<PerformanceFrame<ClassificationSample>> classification(ClassificationSample s,
                                                                       List<GroupAttribute> attributes) {
        List<ClassificationMetric> metrics = ClassificationMetric.available(s);
        return attributes.stream().map(a -> PerformanceFrame.of(s, a, metrics)).toList();
    }

    /**
     * Bootstrap intervals of the label metrics of each frame (the fairness audit's --ci settings).
     *
     * @return attribute name to its intervals; empty without predictions
     */
    static Map<String, BootstrapResult> intervals(Bootstrap bootstrap, int[] yTrue, int[] yPred, double[] weights,
                                                  List<GroupAttribute> attributes, ClassificationSample sample) {
        Map<String, BootstrapResult> out = new LinkedHashMap<>();
        List<ClassificationMetric> label = ClassificationMetric.LABEL_METRICS;
        List<ClassificationMetric> scores = PerformanceIntervals.SCORE_DEFAULTS.stream()
                .filter(ClassificationMetric.available(sample)::contains).toList();
        for (GroupAttribute a : attributes) {
            BootstrapResult r = PerformanceIntervals.labelMetrics(bootstrap, yTrue, yPred, weights, a, label);
            if (!scores.isEmpty()) {
                r = merge(r, PerformanceIntervals.rowMetrics(bootstrap, sample, a, scores));
            }
            out.put(a.name(), r);
        }
        return out;
    }

    /**
     * Row-resampling bootstrap intervals of the main regression metrics of each attribute.
     *
     * @return attribute name to its intervals
     */
    static Map<String, BootstrapResult> regressionIntervals(Bootstrap bootstrap, RegressionSample sample,
                                                            List<GroupAttribute> attributes) {
        List<RegressionMetric> ms = PerformanceIntervals.REGRESSION_DEFAULTS.stream()
                .filter(RegressionMetric.available(sample)::contains).toList();
        Map<String, BootstrapResult> out = new LinkedHashMap<>();
        for (GroupAttribute a : attributes) {
            out.put(a.name(), PerformanceIntervals.rowMetrics(bootstrap, sample, a, ms));
        }
        return out;
    }

    private static BootstrapResult merge(BootstrapResult a, BootstrapResult b) {
        Map<String, dev.candor.fairness.ConfidenceInterval> ci = new LinkedHashMap<>(a.intervals());
        ci.putAll(b.intervals());
        Map<String, Integer> undefined = new LinkedHashMap<>(a.undefinedResamples());
        undefined.putAll(b.undefinedResamples());
        return new BootstrapResult(ci, undefined, a.resamples(), a.level(), a.seed(), a.method() + " (label metrics); "
                + b.method() + " (score metrics)");
    }

    /** Every regression metric the columns can feed, overall and by group. */
    static List<PerformanceFrame<RegressionSample>> regression(RegressionSample s, List<GroupAttribute> attributes) {
        List<RegressionMetric> metrics = RegressionMetric.available(s);
        return attributes.stream().map(a -> PerformanceFrame.of(s, a, metrics)).toList();
    }

    /**
     * Checks a policy whose rules may bound fairness metrics (left to {@code fairness}) and performance
     * aggregates such as {@code accuracy_difference} (checked on the frames).
     *
     * @param policy   the policy, or null
     * @param file     the policy file, for messages
     * @param frames   the performance frames
     * @param fairness checks the other rules; null when there is no fairness audit (every rule must
     *                 then name a performance aggregate)
     * @return the outcome, or null without a policy
     */
    static PolicyResult check(Policy policy, Path file, List<? extends PerformanceFrame<?>> frames,
                              java.util.function.Function<Policy, PolicyResult> fairness) {
        if (policy == null) {
            return null;
        }
        try {
            Policy perf = PerformancePolicy.performanceRules(policy, frames);
            Policy other = PerformancePolicy.otherRules(policy, frames);
            if (fairness == null) {
                if (!other.rules().isEmpty()) {
                    throw new IllegalArgumentException("policy rule names unknown metric '"
                            + other.rules().get(0).metric() + "'; known metrics: "
                            + PerformancePolicy.knownMetrics(frames));
                }
                return PerformancePolicy.evaluate(perf, frames);
            }
            return PerformancePolicy.merge(fairness.apply(other), PerformancePolicy.evaluate(perf, frames));
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** What made a regression audit. */
    static Provenance regressionProvenance(Path data, String label, String prediction, RegressionSample s,
                                           double[] y, double[] yHat, double[] weights,
                                           List<GroupAttribute> attributes) {
        Fingerprint.Builder fp = Fingerprint.builder().add(y).add(yHat);
        for (GroupAttribute a : attributes) {
            fp.add(a.name()).add(a.values().toArray(String[]::new)).add(a.codes());
        }
        if (weights != null) {
            fp.add(weights);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("data", data.getFileName());
        params.put("task", "regression");
        params.put("label", label);
        params.put("prediction", prediction);
        params.put("attributes", String.join(",", attributes.stream().map(GroupAttribute::name).toList()));
        params.put("weighted", s.weighted());
        return Provenance.of("candor audit", params, null,
                fp.build(s.rows(), 2 + attributes.size() + (weights == null ? 0 : 1)));
    }
}
