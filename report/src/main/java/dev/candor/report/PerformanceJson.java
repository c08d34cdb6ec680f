package dev.candor.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.performance.Aggregate;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.PerformanceIntervals;
import dev.candor.fairness.performance.PerformanceMetric;
import java.util.List;
import java.util.Map;

/**
 * The {@code performance} block of {@code candor audit --json}, mirroring fairlearn's
 * {@code MetricFrame}:
 * <pre>
 * "performance": {
 *   "overall": { "count": n, ["sum_of_weights": W,] "&lt;metric&gt;": .. },
 *   "protected": { "&lt;attribute&gt;": {
 *       "groups": { "&lt;value&gt;": { "count", ["sum_of_weights",] "&lt;metric&gt;": .. } },
 *       "group_min": { "&lt;metric&gt;": .. }, "group_max": {..},
 *       "difference_between_groups": {..}, "ratio_between_groups": {..},
 *       "difference_to_overall": {..}, "ratio_to_overall": {..},
 *       ["skipped": { "&lt;metric&gt;": ["&lt;value&gt;", ..] }] } } }
 * </pre>
 * Metric keys are scikit-learn's function names without {@code _score} ({@link PerformanceMetric#key()});
 * an undefined value is {@code null} with a sibling {@code "undefined": {"<metric>": "<reason>"}};
 * {@code skipped} lists the groups an aggregate left out because their value is undefined. The
 * interval of a group with fewer than two rows is {@code {"lower": null, "upper": null, "reason":
 * "too_few_rows"}}.
 *
 * @since 0.1.0
 */
public final class PerformanceJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PerformanceJson() {
    }

    /**
     * @param frames one frame per attribute, all over the same rows and metrics
     * @return the block; {@code overall} is read from the first frame
     * @throws IllegalArgumentException if there is no frame
     */
    public static ObjectNode toTree(List<? extends PerformanceFrame<?>> frames) {
        return toTree(frames, Map.of());
    }

    /**
     * @param frames    one frame per attribute, all over the same rows and metrics
     * @param intervals bootstrap intervals by attribute ({@link PerformanceIntervals}); each object that
     *                  holds a metric with an interval gets a sibling {@code "ci": {"<metric>": {"lower",
     *                  "upper"}}}; the overall intervals come from the first attribute's result
     * @return the block
     */
    public static ObjectNode toTree(List<? extends PerformanceFrame<?>> frames,
                                    Map<String, BootstrapResult> intervals) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("the performance block needs at least one attribute");
        }
        ObjectNode root = F.objectNode();
        ObjectNode overall = root.putObject("overall");
        overall(overall, frames.get(0));
        BootstrapResult first = intervals.get(frames.get(0).attribute());
        ObjectNode prot = root.putObject("protected");
        for (PerformanceFrame<?> f : frames) {
            ObjectNode a = prot.putObject(f.attribute());
            attribute(a, f);
            BootstrapResult ci = intervals.get(f.attribute());
            if (ci != null) {
                intervals(a, f, ci);
            }
        }
        if (first != null) {
            for (PerformanceMetric<?> m : frames.get(0).metrics()) {
                interval(overall, m.key(), first, PerformanceIntervals.overallName(m));
            }
        }
        return root;
    }

    private static <S extends dev.candor.fairness.performance.PerformanceSample<S>> void overall(
            ObjectNode o, PerformanceFrame<S> f) {
        o.put("count", f.rows());
        if (f.weighted()) {
            o.put("sum_of_weights", f.totalWeight());
        }
        for (PerformanceMetric<S> m : f.metrics()) {
            put(o, m.key(), f.overall(m));
        }
    }

    private static <S extends dev.candor.fairness.performance.PerformanceSample<S>> void attribute(
            ObjectNode o, PerformanceFrame<S> f) {
        ObjectNode groups = o.putObject("groups");
        for (String g : f.groups()) {
            ObjectNode go = groups.putObject(g);
            go.put("count", f.count(g));
            if (f.weighted()) {
                go.put("sum_of_weights", f.sumOfWeights(g));
            }
            for (PerformanceMetric<S> m : f.metrics()) {
                put(go, m.key(), f.group(g, m));
            }
        }
        for (Aggregate a : Aggregate.values()) {
            ObjectNode ao = o.putObject(a.key());
            for (PerformanceMetric<S> m : f.metrics()) {
                put(ao, m.key(), f.aggregate(a, m));
            }
        }
        ObjectNode skipped = F.objectNode();
        for (PerformanceMetric<S> m : f.metrics()) {
            List<String> s = f.skipped(m);
            if (!s.isEmpty()) {
                s.forEach(skipped.putArray(m.key())::add);
            }
        }
        if (!skipped.isEmpty()) {
            o.set("skipped", skipped);
        }
    }

    /**
     * The fairness-style block of a regression audit: every aggregate under fairlearn's generated name
     * ({@code mean_absolute_error_difference}, ...), the keys a policy rule names.
     *
     * @param f the attribute's frame
     * @return {@code {"<metric>_<aggregate>": value, ...}}
     */
    public static ObjectNode derived(PerformanceFrame<?> f) {
        ObjectNode o = F.objectNode();
        f.derived().forEach((k, v) -> put(o, k, v));
        return o;
    }

    private static void intervals(ObjectNode a, PerformanceFrame<?> f, BootstrapResult ci) {
        for (PerformanceMetric<?> m : f.metrics()) {
            for (String g : f.groups()) {
                String name = PerformanceIntervals.groupName(g, m);
                ObjectNode go = (ObjectNode) a.get("groups").get(g);
                interval(go, m.key(), ci, name);
                if (f.count(g) < 2 && ci.intervals().containsKey(name) && !ci.interval(name).isDefined()) {
                    ((ObjectNode) go.get("ci").get(m.key())).put("reason",
                            PerformanceIntervals.SINGLE_ROW.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (Aggregate agg : Aggregate.values()) {
                interval((ObjectNode) a.get(agg.key()), m.key(), ci, PerformanceIntervals.aggregateName(agg, m));
            }
        }
    }

    private static void interval(ObjectNode o, String key, BootstrapResult r, String name) {
        if (!r.intervals().containsKey(name)) {
            return;
        }
        ObjectNode ci = o.has("ci") ? (ObjectNode) o.get("ci") : o.putObject("ci");
        AuditJson.putInterval(ci, key, r.interval(name));
    }

    private static void put(ObjectNode o, String key, MetricValue v) {
        AuditJson.put(o, key, v);
    }
}
