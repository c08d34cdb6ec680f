package dev.candor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.Provenance;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.MetricValue;
import dev.candor.monitor.DatasetDrift;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.FeatureDrift;
import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.Delivery;
import dev.candor.monitor.alert.Severity;
import dev.candor.monitor.window.AttributeFairness;
import dev.candor.monitor.window.CbpeCalibration;
import dev.candor.monitor.window.CbpeResult;
import dev.candor.monitor.window.Histogram;
import dev.candor.monitor.window.LabelDrift;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.MonitoringRule;
import dev.candor.monitor.window.Threshold;
import dev.candor.monitor.window.WindowResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link MonitoringResult}, the {@code candor monitor --json} contract:
 * <pre>{@code
 * { "model": "model", "windowing": "chunk_size=5000",
 *   "reference": { "rows": 10000, "calibration": { "needs_calibration": false, "ece_before": 0.0059, ... },
 *                  "chunks": [ <window objects of the reference chunks> ] },
 *   "thresholds": { "accuracy": { "lower": 0.5518, "upper": 1.0, "method": "reference_band", "k": 3,
 *                                 "mean": 0.8275, "std": 0.0919, "lower_limit": 0, "upper_limit": 1,
 *                                 "reference_values": [0.9194, 0.7356], "rule": "performance.accuracy",
 *                                 "severity": "warning" } },
 *   "windows": [ { "key": "[10000:14999]", "start": 10000, "end": 14999, "rows": 5000, "complete": true,
 *                  "drift": <the candor drift object>, "prediction_drift": {...}, "predicted_class_drift": {...},
 *                  "label_drift": { "reference_rate", "current_rate", "default_test", "tests", "z", "chi2_contingency" },
 *                  "performance": { "counts": {tp, fp, tn, fn}, "accuracy": 0.75, ... },
 *                  "estimated_performance": { "accuracy": 0.77, ..., "mean_probability", "realized": {...},
 *                                             "by_group": { "age_group": { "lt25": {...} } }, "alerts": {...} },
 *                  "fairness": { "age_group": { "privileged": "ge25", "labelled": true, "groups": {...},
 *                                               "metrics": { "disparate_impact": 3.68, ... },
 *                                               "intervals": { "disparate_impact": { "lower", "upper", "level" } } } },
 *                  "histograms": { "age": { "labels": [...], "edges": [...], "reference": [...], "current": [...] } },
 *                  "watched": { "accuracy": 0.75, "age_group.disparate_impact": 3.68, ... },
 *                  "alerts": [ { "rule", "metric", "window", "value", "lower", "upper", "bound", "severity",
 *                                "labels", "description" } ] } ],
 *   "alerts": [ ...every window's alerts... ], "breached": true,
 *   "deliveries": [ { "channel", "target", "ok", "attempts", "error" } ], "provenance": {...} }
 * }</pre>
 * An undefined value is {@code null} (performance and fairness values add {@code "undefined": {key: reason}});
 * non-finite drift statistics are the strings {@code "Infinity"} / {@code "NaN"} as in {@link DriftJson}.
 *
 * @since 0.2.0
 */
public final class MonitorJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitorJson() {
    }

    /**
     * @param result     the monitoring result
     * @param deliveries the channel outcomes so far (possibly empty)
     * @return the JSON text, indented
     */
    public static String toJson(MonitoringResult result, List<Delivery> deliveries) {
        try {
            return MAPPER.writeValueAsString(toTree(result, deliveries)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the monitoring result as JSON", e);
        }
    }

    /**
     * @param result     the monitoring result
     * @param deliveries the channel outcomes
     * @return the JSON tree
     */
    public static ObjectNode toTree(MonitoringResult result, List<Delivery> deliveries) {
        ObjectNode root = F.objectNode();
        root.put("model", result.model());
        root.put("windowing", result.windowing());
        ObjectNode ref = root.putObject("reference");
        ref.put("rows", result.referenceRows());
        ref.set("calibration", calibration(result.calibration()));
        ArrayNode chunks = ref.putArray("chunks");
        result.referenceChunks().forEach(c -> chunks.add(window(c)));
        ObjectNode th = root.putObject("thresholds");
        Map<String, MonitoringRule> ruleOf = new java.util.HashMap<>();
        result.rules().forEach(r -> {
            for (String m : result.thresholds().keySet()) {
                if (r.watchedMetrics(protectedOf(result)).contains(m)) {
                    ruleOf.putIfAbsent(m, r);
                }
            }
        });
        result.thresholds().forEach((m, t) -> th.set(m, threshold(t, ruleOf.get(m))));
        ArrayNode windows = root.putArray("windows");
        result.windows().forEach(w -> windows.add(window(w)));
        ArrayNode alerts = root.putArray("alerts");
        result.alerts().forEach(a -> alerts.add(alert(a)));
        root.put("breached", result.breached());
        ArrayNode d = root.putArray("deliveries");
        for (Delivery x : deliveries) {
            ObjectNode o = d.addObject();
            o.put("channel", x.channel());
            o.put("target", x.target());
            o.put("ok", x.ok());
            o.put("attempts", x.attempts());
            o.put("error", x.error());
        }
        root.set("provenance", provenance(result.provenance()));
        return root;
    }

    private static List<String> protectedOf(MonitoringResult r) {
        List<WindowResult> any = r.windows().isEmpty() ? r.referenceChunks() : r.windows();
        return any.isEmpty() ? List.of() : List.copyOf(any.get(0).fairness().keySet());
    }

    private static ObjectNode calibration(CbpeCalibration c) {
        ObjectNode o = F.objectNode();
        o.put("needs_calibration", c.needsCalibration());
        num(o, "ece_before", c.eceBefore());
        num(o, "ece_after", c.eceAfter());
        num(o, "reference_roc_auc", c.referenceRocAuc());
        if (c.calibrator() != null) {
            ArrayNode x = o.putArray("isotonic_x_thresholds");
            for (double v : c.calibrator().xThresholds()) {
                x.add(v);
            }
            ArrayNode y = o.putArray("isotonic_y_thresholds");
            for (double v : c.calibrator().yThresholds()) {
                y.add(v);
            }
        }
        return o;
    }

    private static ObjectNode threshold(Threshold t, MonitoringRule rule) {
        ObjectNode o = F.objectNode();
        num(o, "lower", t.lower());
        num(o, "upper", t.upper());
        o.put("method", t.method());
        if (t.method().equals("reference_band")) {
            o.put("k", t.k());
            num(o, "mean", t.mean());
            num(o, "std", t.std());
            num(o, "lower_limit", t.lowerLimit());
            num(o, "upper_limit", t.upperLimit());
            ArrayNode v = o.putArray("reference_values");
            for (double x : t.referenceValues()) {
                if (Double.isNaN(x)) {
                    v.addNull();
                } else {
                    v.add(x);
                }
            }
        }
        if (rule != null) {
            o.put("rule", rule.key());
            o.put("severity", rule.severity().key());
        }
        return o;
    }

    /**
     * @param w a window's result
     * @return its JSON object (the element of {@code windows}, and a line of {@code candor stream})
     */
    public static ObjectNode window(WindowResult w) {
        ObjectNode o = F.objectNode();
        o.put("key", w.window().key());
        o.put("start", w.window().start());
        o.put("end", w.window().end());
        o.put("rows", w.window().rows());
        o.put("complete", w.window().complete());
        if (w.drift() != null) {
            ObjectNode drift = DriftJson.toTree(w.drift());
            drift.remove("provenance");
            o.set("drift", drift);
        }
        if (w.predictionDrift() != null) {
            o.set("prediction_drift", feature(w.predictionDrift(), w.drift()));
        }
        if (w.predictedClassDrift() != null) {
            o.set("predicted_class_drift", feature(w.predictedClassDrift(), w.drift()));
        }
        if (w.labelDrift() != null) {
            o.set("label_drift", labelDrift(w.labelDrift(), w.drift()));
        }
        ObjectNode perf = o.putObject("performance");
        ConfusionCounts c = w.counts();
        if (c != null) {
            ObjectNode counts = perf.putObject("counts");
            counts.put("n", c.rows());
            counts.put("tp", (long) c.tp());
            counts.put("fp", (long) c.fp());
            counts.put("tn", (long) c.tn());
            counts.put("fn", (long) c.fn());
        }
        ObjectNode undefined = F.objectNode();
        for (Map.Entry<String, MetricValue> e : w.performance().entrySet()) {
            num(perf, e.getKey(), e.getValue().value());
            if (e.getValue().reason() != null) {
                undefined.put(e.getKey(), e.getValue().reason().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!undefined.isEmpty()) {
            perf.set("undefined", undefined);
        }
        if (w.cbpe() != null) {
            o.set("estimated_performance", cbpe(w.cbpe()));
        }
        ObjectNode fairness = o.putObject("fairness");
        w.fairness().forEach((attr, f) -> fairness.set(attr, fairness(f)));
        ObjectNode hist = o.putObject("histograms");
        w.histograms().forEach((f, h) -> hist.set(f, histogram(h)));
        if (w.predictionHistogram() != null) {
            o.set("prediction_histogram", histogram(w.predictionHistogram()));
        }
        ObjectNode watched = o.putObject("watched");
        w.watched().forEach((k, v) -> num(watched, k, v));
        ArrayNode alerts = o.putArray("alerts");
        w.alerts().forEach(a -> alerts.add(alert(a)));
        return o;
    }

    private static JsonNode feature(FeatureDrift f, DriftReport context) {
        DriftReport one = new DriftReport(0, 0, Map.of(f.feature(), f), new DatasetDrift(0.5, 1,
                f.drifted() ? 1 : 0, f.drifted() ? 1 : 0, false, List.of()), Map.of(),
                context != null ? context.provenance() : Provenance.of("candor-monitor", Map.of(), 0L, null));
        return DriftJson.toTree(one).get("features").get(f.feature());
    }

    private static ObjectNode labelDrift(LabelDrift l, DriftReport context) {
        ObjectNode o = F.objectNode();
        num(o, "reference_rate", l.referenceRate());
        num(o, "current_rate", l.currentRate());
        JsonNode f = feature(l.drift(), context);
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            o.set(e.getKey(), e.getValue());
        }
        ObjectNode z = o.putObject("z");
        num(z, "statistic", l.z());
        num(z, "p_value", l.zPValue());
        ObjectNode chi = o.putObject("chi2_contingency");
        num(chi, "statistic", l.contingency());
        num(chi, "p_value", l.contingencyPValue());
        chi.put("dof", l.contingencyDof());
        return o;
    }

    private static ObjectNode cbpe(CbpeResult c) {
        ObjectNode o = F.objectNode();
        c.estimated().forEach((k, v) -> num(o, k, v));
        num(o, "mean_probability", c.meanProbability());
        ObjectNode realized = o.putObject("realized");
        c.realized().forEach((k, v) -> num(realized, k, v));
        ObjectNode by = o.putObject("by_group");
        c.byGroup().forEach((attr, groups) -> {
            ObjectNode a = by.putObject(attr);
            groups.forEach((g, m) -> {
                ObjectNode x = a.putObject(g);
                m.forEach((k, v) -> num(x, k, v));
            });
        });
        ObjectNode alerts = o.putObject("alerts");
        c.alerts().forEach(alerts::put);
        return o;
    }

    private static ObjectNode fairness(AttributeFairness f) {
        ObjectNode o = F.objectNode();
        o.put("privileged", f.privileged());
        o.put("labelled", f.labelled());
        ObjectNode groups = o.putObject("groups");
        for (String g : f.counts().groups()) {
            ConfusionCounts c = f.counts().counts(g);
            ObjectNode x = groups.putObject(g);
            x.put("count", c.rows());
            x.put("tp", (long) c.tp());
            x.put("fp", (long) c.fp());
            x.put("tn", (long) c.tn());
            x.put("fn", (long) c.fn());
            num(x, "selection_rate", c.total() == 0 ? Double.NaN : (c.tp() + c.fp()) / c.total());
        }
        ObjectNode metrics = o.putObject("metrics");
        ObjectNode undefined = F.objectNode();
        for (Map.Entry<String, Comparison> e : f.metrics().entrySet()) {
            num(metrics, e.getKey(), e.getValue().value());
            if (e.getValue().reason() != null) {
                undefined.put(e.getKey(), e.getValue().reason().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!undefined.isEmpty()) {
            o.set("undefined", undefined);
        }
        if (!f.intervals().isEmpty()) {
            ObjectNode iv = o.putObject("intervals");
            for (Map.Entry<String, ConfidenceInterval> e : f.intervals().entrySet()) {
                ObjectNode x = iv.putObject(e.getKey());
                num(x, "lower", e.getValue().lower());
                num(x, "upper", e.getValue().upper());
                x.put("level", e.getValue().level());
                x.put("method", e.getValue().method());
            }
        }
        return o;
    }

    private static ObjectNode histogram(Histogram h) {
        ObjectNode o = F.objectNode();
        h.labels().forEach(o.putArray("labels")::add);
        ArrayNode edges = o.putArray("edges");
        for (double e : h.edges()) {
            edges.add(e);
        }
        ArrayNode r = o.putArray("reference");
        for (long v : h.reference()) {
            r.add(v);
        }
        ArrayNode c = o.putArray("current");
        for (long v : h.current()) {
            c.add(v);
        }
        return o;
    }

    /**
     * @param a an alert
     * @return its JSON object
     */
    public static ObjectNode alert(Alert a) {
        ObjectNode o = F.objectNode();
        o.put("rule", a.rule());
        o.put("metric", a.metric());
        o.put("window", a.window());
        num(o, "value", a.value());
        num(o, "lower", a.lower());
        num(o, "upper", a.upper());
        num(o, "bound", !Double.isNaN(a.lower()) && a.value() < a.lower() ? a.lower() : a.upper());
        o.put("severity", a.severity().key());
        ObjectNode l = o.putObject("labels");
        a.labels().forEach(l::put);
        o.put("description", a.describe());
        return o;
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode o = F.objectNode();
        o.put("algorithm", p.algorithm());
        ObjectNode params = o.putObject("parameters");
        p.parameters().forEach(params::put);
        if (p.seed() != null) {
            o.put("seed", p.seed());
        }
        return o;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /**
     * Reads the monitoring rules of a policy file (the audit's format, see {@code Policy}): every rule
     * whose {@code metric} is a monitoring key ({@link MonitoringRule#isMonitoringKey}); other rules
     * are audit rules and are returned in {@code skipped}.
     *
     * <pre>{@code
     * { "rules": [ { "metric": "performance.accuracy", "reference_band": 3, "severity": "critical" },
     *              { "metric": "fairness.disparate_impact", "min": 0.8, "attributes": ["age_group"] },
     *              { "metric": "drift.share", "max": 0.5 } ] }
     * }</pre>
     *
     * @param file    the policy file
     * @param skipped receives the keys of audit rules that do not apply to monitoring
     * @return the monitoring rules
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file, the rule and the field for a bad rule
     */
    public static List<MonitoringRule> readRules(Path file, List<String> skipped) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("rules").isArray()) {
            throw new IllegalArgumentException(file + ": a policy must be a JSON object with a 'rules' array");
        }
        List<MonitoringRule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("rules")) {
            String at = file + ": rule " + i++;
            if (!r.path("metric").isTextual()) {
                throw new IllegalArgumentException(at + ": 'metric' must be a string");
            }
            String key = r.get("metric").asText();
            if (!MonitoringRule.isMonitoringKey(key)) {
                skipped.add(key);
                continue;
            }
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!List.of("metric", "min", "max", "reference_band", "attributes", "severity", "undefined")
                        .contains(f)) {
                    throw new IllegalArgumentException(at + " (" + key + "): unknown field '" + f
                            + "' (expected min, max, reference_band, attributes, severity)");
                }
            }
            List<String> attrs = new ArrayList<>();
            if (r.has("attributes")) {
                if (!r.get("attributes").isArray()) {
                    throw new IllegalArgumentException(at + " (" + key + "): 'attributes' must be an array of names");
                }
                r.get("attributes").forEach(a -> attrs.add(a.asText()));
            }
            try {
                out.add(new MonitoringRule(key, number(r, "min", at), number(r, "max", at),
                        number(r, "reference_band", at), attrs,
                        r.has("severity") ? Severity.parse(r.get("severity").asText()) : Severity.WARNING));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Double number(JsonNode r, String field, String at) {
        if (!r.has(field) || r.get(field).isNull()) {
            return null;
        }
        if (!r.get(field).isNumber()) {
            throw new IllegalArgumentException(at + ": '" + field + "' must be a number, got " + r.get(field));
        }
        return r.get(field).asDouble();
    }
}
