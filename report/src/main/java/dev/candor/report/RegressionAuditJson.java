package dev.candor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.Provenance;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.RegressionSample;
import java.util.List;

/**
 * The JSON of {@code candor audit --task regression}: error metrics overall and by group, and the
 * fairness question a regressor raises (do its errors fall harder on one group?) as fairlearn's
 * generated aggregates per attribute.
 * <pre>
 * { "rows": n, "task": "regression", "weighted": false,
 *   "performance": { .. },                                   (see PerformanceJson)
 *   "protected": { "&lt;attribute&gt;": { "metrics": { "mean_absolute_error_difference": .., "r2_ratio": .., .. } } },
 *   "policy": { "passed", "violations", "skipped", "checked" },
 *   "provenance": { .. } }
 * </pre>
 * The {@code metrics} keys are {@code <metric>_<aggregate>} with aggregate {@code group_min},
 * {@code group_max}, {@code difference}, {@code ratio} (between groups), {@code difference_to_overall}
 * and {@code ratio_to_overall}: the names a policy rule bounds.
 *
 * @since 0.1.0
 */
public final class RegressionAuditJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegressionAuditJson() {
    }

    /**
     * @param frames     one frame per protected attribute, over the same rows
     * @param policy     the policy outcome, or null
     * @param provenance what made the result
     * @return the JSON text, indented
     */
    public static String toJson(List<PerformanceFrame<RegressionSample>> frames, PolicyResult policy,
                                Provenance provenance) {
        try {
            return MAPPER.writeValueAsString(toTree(frames, policy, provenance)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the regression audit as JSON", e);
        }
    }

    /**
     * @param frames     one frame per protected attribute
     * @param policy     the policy outcome, or null
     * @param provenance what made the result
     * @return the JSON tree
     */
    public static ObjectNode toTree(List<PerformanceFrame<RegressionSample>> frames, PolicyResult policy,
                                    Provenance provenance) {
        return toTree(frames, java.util.Map.of(), policy, provenance);
    }

    /**
     * @param frames     one frame per protected attribute, over the same rows
     * @param intervals  bootstrap intervals by attribute (see {@link PerformanceJson#toTree(List, java.util.Map)})
     * @param policy     the policy outcome, or null
     * @param provenance what made the result
     * @return the JSON text, indented
     */
    public static String toJson(List<PerformanceFrame<RegressionSample>> frames,
                                java.util.Map<String, dev.candor.fairness.BootstrapResult> intervals,
                                PolicyResult policy, Provenance provenance) {
        try {
            return MAPPER.writeValueAsString(toTree(frames, intervals, policy, provenance)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the regression audit as JSON", e);
        }
    }

    /**
     * @param frames     one frame per protected attribute
     * @param intervals  bootstrap intervals by attribute, possibly empty
     * @param policy     the policy outcome, or null
     * @param provenance what made the result
     * @return the JSON tree
     */
    public static ObjectNode toTree(List<PerformanceFrame<RegressionSample>> frames,
                                    java.util.Map<String, dev.candor.fairness.BootstrapResult> intervals,
                                    PolicyResult policy, Provenance provenance) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        PerformanceFrame<RegressionSample> first = frames.get(0);
        root.put("rows", first.rows());
        root.put("task", "regression");
        root.put("weighted", first.weighted());
        root.set("performance", PerformanceJson.toTree(frames, intervals));
        ObjectNode prot = root.putObject("protected");
        for (PerformanceFrame<RegressionSample> f : frames) {
            prot.putObject(f.attribute()).set("metrics", PerformanceJson.derived(f));
        }
        root.set("policy", AuditJson.policy(policy));
        root.set("provenance", AuditJson.provenance(provenance));
        return root;
    }
}
