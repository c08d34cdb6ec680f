package dev.candor.report;

import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.PolicyResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.Provenance;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ComparisonMethod;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.fairness.TwoByTwoTable;
import dev.candor.fairness.WilsonInterval;
import dev.candor.fairness.performance.PerformanceFrame;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@link AuditResult} (and an optional {@link PolicyResult}) to the {@code candor audit} JSON.
 *
 * <p>Shape (keys are the AIF360 / fairlearn names; see the project's design brief):
 * <pre>
 * { "rows": n, "weighted": false,
 *   "overall": { "count", "tp", "fp", "tn", "fn", &lt;every rate&gt;, ["roc_auc", "log_loss"] },
 *   "protected": { "&lt;attribute&gt;": {
 *       "privileged": "male" | null, "unprivileged": [..],
 *       "groups": { "&lt;value&gt;": { "count", "rows", "tp", "fp", "tn", "fn", &lt;every rate&gt;, ["roc_auc", "log_loss"] } },
 *       "metrics": { "statistical_parity_difference": .., "disparate_impact": .., ... },   (every FairnessMetric key)
 *       "compared_groups": { "&lt;metric&gt;": { "group": .., "reference": .., "skipped": [..] } },
 *       "label_metrics": { "statistical_parity_difference": .., "disparate_impact": .. },
 *       "between_groups": { "&lt;rate&gt;": { "difference", "ratio", "max_group", "min_group" } },
 *       "to_overall": { "&lt;rate&gt;": { "difference", "ratio", "difference_group", "ratio_group" } },
 *       ["significance": { "&lt;rate&gt;": { "group", "reference", "chi_square", "chi_square_p", "fisher_p" } }] } },
 *   "individual": { "theil_index", "generalized_entropy_index", "coefficient_of_variation", "gini" },
 *   "policy": { "passed": true, "violations": [..], "skipped": [..] },
 *   ["performance": { "overall", "protected" }],   (see PerformanceJson)
 *   ["bootstrap": { "resamples", "level", "seed", "method" }],
 *   "provenance": { .. } }
 * </pre>
 * <b>Counts</b>: {@code count}, {@code tp}, {@code fp}, {@code tn}, {@code fn} are sums of weights
 * (integers without weights); {@code rows} is always the number of rows.
 * <b>Undefined values</b> are written as {@code null}, and every object that holds one also holds a
 * sibling map {@code "undefined": {"<key>": "<reason>"}} (reasons are {@code UndefinedReason} keys such
 * as {@code no_positives}, {@code zero_reference_rate}). <b>Intervals</b> (with {@code --ci}): every
 * object holding rates or metrics gets a sibling {@code "ci": {"<key>": {"lower", "upper"}}} — Wilson
 * intervals for group rates, bootstrap percentile intervals for metrics and individual indices.
 *
 * @since 0.1.0
 */
public final class AuditJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    /**
     * @param audit  the audit
     * @param policy the policy outcome, or null (then {@code "policy": {"passed": true, "violations": []}})
     * @return the JSON text, indented
     */
    public static String toJson(AuditResult audit, PolicyResult policy) {
        return toJson(audit, policy, List.of());
    }

    /**
     * @param audit       the audit
     * @param policy      the policy outcome, or null
     * @param performance performance frames, one per attribute (the {@code performance} block, see
     *                    {@link PerformanceJson}); empty for none
     * @return the JSON text, indented
     */
    public static String toJson(AuditResult audit, PolicyResult policy,
                                List<? extends PerformanceFrame<?>> performance) {
        return toJson(audit, policy, performance, Map.of());
    }

    /**
     * @param audit       the audit
     * @param policy      the policy outcome, or null
     * @param performance performance frames, one per attribute; empty for none
     * @param intervals   bootstrap intervals of the performance label metrics by attribute (see
     *                    {@link PerformanceJson}); empty for none
     * @return the JSON text, indented
     */
    public static String toJson(AuditResult audit, PolicyResult policy,
                                List<? extends PerformanceFrame<?>> performance,
                                Map<String, BootstrapResult> intervals) {
        try {
            return MAPPER.writeValueAsString(toTree(audit, policy, performance, intervals)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit as JSON", e);
        }
    }

    /**
     * @param audit  the audit
     * @param policy the policy outcome, or null
     * @return the JSON tree
     */
    public static ObjectNode toTree(AuditResult audit, PolicyResult policy) {
        return toTree(audit, policy, List.of());
    }

    /**
     * @param audit       the audit
     * @param policy      the policy outcome, or null
     * @param performance performance frames, one per attribute; empty for none
     * @return the JSON tree
     */
    public static ObjectNode toTree(AuditResult audit, PolicyResult policy,
                                    List<? extends PerformanceFrame<?>> performance) {
        return toTree(audit, policy, performance, Map.of());
    }

    /**
     * @param audit       the audit
     * @param policy      the policy outcome, or null
     * @param performance performance frames, one per attribute; empty for none
     * @param intervals   bootstrap intervals of the performance label metrics by attribute; empty for none
     * @return the JSON tree
     */
    public static ObjectNode toTree(AuditResult audit, PolicyResult policy,
                                    List<? extends PerformanceFrame<?>> performance,
                                    Map<String, BootstrapResult> intervals) {
        ObjectNode root = F.objectNode();
        root.put("rows", audit.rows());
        root.put("weighted", audit.weighted());
        ObjectNode overall = root.putObject("overall");
        putCounts(overall, audit.overall(), audit.weighted());
        putRates(overall, audit.overall(), level(audit));
        audit.overallScores().forEach((k, v) -> put(overall, k, v));

        ObjectNode prot = root.putObject("protected");
        for (AttributeAudit a : audit.attributes()) {
            prot.set(a.name(), attribute(a, audit));
        }
        ObjectNode ind = root.putObject("individual");
        audit.individual().forEach((k, v) -> put(ind, k, v));
        putBootstrap(ind, audit.individualBootstrap());

        root.set("policy", policy(policy));
        if (!performance.isEmpty()) {
            root.set("performance", PerformanceJson.toTree(performance, intervals));
        }
        BootstrapResult anyBoot = audit.individualBootstrap();
        if (anyBoot != null) {
            ObjectNode b = root.putObject("bootstrap");
            b.put("resamples", anyBoot.resamples());
            b.put("level", anyBoot.level());
            b.put("seed", anyBoot.seed());
            b.put("method", "percentile; " + anyBoot.method());
            b.put("wilson_level", anyBoot.level());
        }
        root.set("provenance", provenance(audit.provenance()));
        return root;
    }

    /** The {@code policy} block: passed, violations, skipped and checks made. */
    static ObjectNode policy(PolicyResult policy) {
        ObjectNode pol = F.objectNode();
        pol.put("passed", policy == null || policy.passed());
        ArrayNode viol = pol.putArray("violations");
        ArrayNode skip = pol.putArray("skipped");
        if (policy != null) {
            for (PolicyResult.Violation v : policy.violations()) {
                ObjectNode o = viol.addObject();
                o.put("attribute", v.attribute());
                o.put("metric", v.metric());
                putNumber(o, "value", v.value());
                if (v.undefined() != null) {
                    o.put("undefined", v.undefined().key());
                }
                putBound(o, "min", v.min());
                putBound(o, "max", v.max());
                o.put("message", v.message());
            }
            for (PolicyResult.Skipped s : policy.skipped()) {
                ObjectNode o = skip.addObject();
                o.put("attribute", s.attribute());
                o.put("metric", s.metric());
                o.put("reason", s.reason());
            }
            pol.put("checked", policy.checked());
        }
        return pol;
    }

    private static ObjectNode attribute(AttributeAudit a, AuditResult audit) {
        GroupMetrics gm = a.metrics();
        ObjectNode o = F.objectNode();
        if (gm.privileged().isPresent()) {
            o.put("privileged", gm.privileged().get());
            ArrayNode u = o.putArray("unprivileged");
            gm.unprivileged().forEach(u::add);
        } else {
            o.putNull("privileged");
        }
        ObjectNode groups = o.putObject("groups");
        for (String g : gm.counts().groups()) {
            ObjectNode go = groups.putObject(g);
            ConfusionCounts c = gm.counts().counts(g);
            putCounts(go, c, audit.weighted());
            putRates(go, c, level(audit));
            if (a.scores() != null) {
                put(go, "roc_auc", a.scores().rocAuc(g));
                put(go, "log_loss", a.scores().logLoss(g));
            }
        }
        ObjectNode metrics = o.putObject("metrics");
        ObjectNode pairs = o.putObject("compared_groups");
        Map<String, Comparison> computed = gm.metrics();
        for (FairnessMetric m : FairnessMetric.values()) {
            Comparison c = computed.get(m.key());
            if (c == null) {
                continue; // a privileged-form metric of an attribute without a privileged group
            }
            put(metrics, m.key(), c.metricValue());
            if (c.group() != null || !c.skipped().isEmpty()) {
                ObjectNode p = pairs.putObject(m.key());
                p.put("group", c.group());
                p.put("reference", c.reference());
                ArrayNode s = p.putArray("skipped");
                c.skipped().forEach(s::add);
            }
        }
        putBootstrap(metrics, a.bootstrap());
        Map<String, Comparison> label = gm.labelMetrics();
        if (!label.isEmpty()) {
            ObjectNode lm = o.putObject("label_metrics");
            label.forEach((k, v) -> put(lm, k, v.metricValue()));
        }
        ObjectNode between = o.putObject("between_groups");
        ObjectNode toOverall = o.putObject("to_overall");
        for (Rate r : Rate.values()) {
            Comparison d = gm.difference(r, ComparisonMethod.BETWEEN_GROUPS);
            Comparison q = gm.ratio(r, ComparisonMethod.BETWEEN_GROUPS);
            ObjectNode b = between.putObject(r.key());
            put(b, "difference", d.metricValue());
            put(b, "ratio", q.metricValue());
            b.put("max_group", d.group());
            b.put("min_group", d.reference());
            Comparison od = gm.difference(r, ComparisonMethod.TO_OVERALL);
            Comparison oq = gm.ratio(r, ComparisonMethod.TO_OVERALL);
            ObjectNode t = toOverall.putObject(r.key());
            put(t, "difference", od.metricValue());
            put(t, "ratio", oq.metricValue());
            t.put("difference_group", od.group());
            t.put("ratio_group", oq.group());
        }
        if (!a.significance().isEmpty()) {
            ObjectNode sig = o.putObject("significance");
            for (Map.Entry<String, TwoByTwoTable> e : a.significance().entrySet()) {
                TwoByTwoTable t = e.getValue();
                ObjectNode so = sig.putObject(e.getKey());
                if (gm.privileged().isPresent()) {
                    so.put("group", String.join("|", gm.unprivileged()));
                    so.put("reference", gm.privileged().get());
                } else {
                    Comparison d = gm.difference(Rate.fromKey(e.getKey()), ComparisonMethod.BETWEEN_GROUPS);
                    so.put("group", d.group());
                    so.put("reference", d.reference());
                }
                ArrayNode table = so.putArray("table");
                table.addArray().add(t.a()).add(t.b());
                table.addArray().add(t.c()).add(t.d());
                putNumber(so, "chi_square", t.chiSquare());
                putNumber(so, "chi_square_p", t.chiSquareP());
                putNumber(so, "fisher_p", t.fisherP());
            }
        }
        return o;
    }

    private static void putCounts(ObjectNode o, ConfusionCounts c, boolean weighted) {
        if (weighted) {
            o.put("count", c.total());
            o.put("rows", c.rows());
            o.put("tp", c.tp());
            o.put("fp", c.fp());
            o.put("tn", c.tn());
            o.put("fn", c.fn());
        } else {
            o.put("count", c.rows());
            o.put("rows", c.rows());
            o.put("tp", c.rowsTp());
            o.put("fp", c.rowsFp());
            o.put("tn", c.rowsTn());
            o.put("fn", c.rowsFn());
        }
    }

    /** The confidence level of the intervals, or NaN when none were requested. */
    private static double level(AuditResult audit) {
        return audit.intervals() && audit.individualBootstrap() != null ? audit.individualBootstrap().level() : Double.NaN;
    }

    private static void putRates(ObjectNode o, ConfusionCounts c, double level) {
        for (Rate r : Rate.values()) {
            put(o, r.key(), r.of(c));
        }
        if (!Double.isNaN(level)) {
            ObjectNode ci = o.putObject("ci");
            for (Rate r : Rate.values()) {
                if (r.isProportion()) {
                    putInterval(ci, r.key(), WilsonInterval.of(r, c, level));
                }
            }
        }
    }

    private static void putBootstrap(ObjectNode o, BootstrapResult b) {
        if (b == null) {
            return;
        }
        ObjectNode ci = o.putObject("ci");
        b.intervals().forEach((k, v) -> putInterval(ci, k, v));
    }

    static void putInterval(ObjectNode ci, String key, ConfidenceInterval v) {
        ObjectNode i = ci.putObject(key);
        putNumber(i, "lower", v.lower());
        putNumber(i, "upper", v.upper());
    }

    /** Writes a value, or null plus the reason in the sibling "undefined" map. */
    static void put(ObjectNode o, String key, MetricValue v) {
        if (v.isDefined()) {
            o.put(key, v.value());
        } else {
            o.putNull(key);
            ObjectNode u = o.has("undefined") ? (ObjectNode) o.get("undefined") : o.putObject("undefined");
            u.put(key, v.reason().key());
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static void putBound(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode o = F.objectNode();
        o.put("algorithm", p.algorithm());
        ObjectNode params = o.putObject("parameters");
        p.parameters().forEach(params::put);
        if (p.seed() == null) {
            o.putNull("seed");
        } else {
            o.put("seed", p.seed());
        }
        if (p.input() != null) {
            ObjectNode in = o.putObject("input");
            in.put("rows", p.input().rows());
            in.put("columns", p.input().columns());
            in.put("fnv1a64", p.input().hash());
        }
        o.put("candor_version", p.candorVersion());
        o.put("java_version", p.javaVersion());
        o.put("os", p.osName() + " " + p.osArch());
        o.put("created_at", p.createdAt().toString());
        return o;
    }
}
