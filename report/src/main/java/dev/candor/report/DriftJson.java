package dev.candor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.Provenance;
import dev.candor.monitor.Correction;
import dev.candor.monitor.DatasetDrift;
import dev.candor.monitor.DriftRanking;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.DriftResult;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.FeatureDrift;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of a {@link DriftReport}, the {@code candor drift} contract:
 * <pre>{@code
 * { "reference": { "rows": 4345 }, "current": { "rows": 1827 },
 *   "features": { "age": { "kind": "numeric", "default_test": "wasserstein", "drift": true,
 *                          "tests": { "wasserstein": { "value": 0.141, "threshold": 0.1, "drift": true },
 *                                     "ks": { "value": 0.00013, "statistic": 0.08, "threshold": 0.05, "drift": true } },
 *                          "missing_share": { "reference": 0.0, "current": 0.0 } } },
 *   "dataset_drift": { "drift_share": 0.5, "number_of_columns": 9, "number_of_drifted_columns": 2,
 *                      "share_of_drifted_columns": 0.222, "dataset_drift": false, "drifted_columns": ["age", "..."] },
 *   "corrections": { "bonferroni": { "age": 0.0012 }, "fdr_bh": { "age": 0.0006 } },
 *   "provenance": { ... } }
 * }</pre>
 * Test names are Evidently's registry names and {@code value} is what Evidently reports (a p-value
 * or a distance). A test that is undefined on the data has {@code "value": null} and its reason in
 * {@code "undefined"} (for example {@code "constant_reference"}, with the sentence in
 * {@code "undefined_description"});
 * {@code statistic} and {@code p_value} appear where the test has them; {@code warnings} where the
 * test noted something about its value.
 *
 * @since 0.1.0
 */
public final class DriftJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DriftJson() {
    }

    /**
     * @param report the drift report
     * @return the JSON text, indented
     */
    public static String toJson(DriftReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the drift report as JSON", e);
        }
    }

    /**
     * The report with the drifted features ranked by drift × importance: a {@code ranking} array of
     * {@code {"feature", "effect_test", "effect", "importance", "score"}}, highest score first (see
     * {@link DriftReport#rankByImportance}).
     *
     * @param report  the drift report
     * @param ranking the ranking
     * @return the JSON text, indented
     */
    public static String toJson(DriftReport report, List<DriftRanking> ranking) {
        ObjectNode root = toTree(report);
        ArrayNode a = F.arrayNode();
        for (DriftRanking r : ranking) {
            ObjectNode o = a.addObject();
            o.put("feature", r.feature());
            o.put("effect_test", r.effectTest().key());
            o.put("effect", r.effect());
            o.put("importance", r.importance());
            o.put("score", r.score());
        }
        root.set("ranking", a);
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the drift report as JSON", e);
        }
    }

    /**
     * @param report the drift report
     * @return the JSON tree
     */
    public static ObjectNode toTree(DriftReport report) {
        ObjectNode root = F.objectNode();
        root.putObject("reference").put("rows", report.referenceRows());
        root.putObject("current").put("rows", report.currentRows());
        ObjectNode features = root.putObject("features");
        for (FeatureDrift f : report.features().values()) {
            features.set(f.feature(), feature(f));
        }
        DatasetDrift d = report.dataset();
        ObjectNode ds = root.putObject("dataset_drift");
        ds.put("drift_share", d.driftShare());
        ds.put("number_of_columns", d.numberOfColumns());
        ds.put("number_of_drifted_columns", d.numberOfDriftedColumns());
        ds.put("share_of_drifted_columns", d.shareOfDriftedColumns());
        ds.put("dataset_drift", d.datasetDrift());
        d.driftedColumns().forEach(ds.putArray("drifted_columns")::add);
        ObjectNode corr = root.putObject("corrections");
        for (Map.Entry<Correction, Map<String, Double>> e : report.corrections().entrySet()) {
            ObjectNode c = corr.putObject(e.getKey().key());
            e.getValue().forEach((k, v) -> putNumber(c, k, v));
        }
        root.set("provenance", provenance(report.provenance()));
        return root;
    }

    private static ObjectNode feature(FeatureDrift f) {
        ObjectNode o = F.objectNode();
        o.put("kind", f.kind().key());
        o.put("default_test", f.defaultTest().key());
        o.put("drift", f.drifted());
        ObjectNode tests = o.putObject("tests");
        for (Map.Entry<DriftTest, DriftResult> e : f.tests().entrySet()) {
            tests.set(e.getKey().key(), result(e.getValue()));
        }
        ObjectNode missing = o.putObject("missing_share");
        putNumber(missing, "reference", f.missingShareReference());
        putNumber(missing, "current", f.missingShareCurrent());
        return o;
    }

    private static ObjectNode result(DriftResult r) {
        ObjectNode o = F.objectNode();
        putNumber(o, "value", r.value());
        if (!Double.isNaN(r.statistic())) {
            o.put("statistic", r.statistic());
        }
        if (r.test().isPValue() && !Double.isNaN(r.pValue())) {
            o.put("p_value", r.pValue());
        }
        putNumber(o, "threshold", r.threshold());
        o.put("drift", r.drift());
        r.undefined().ifPresent(u -> {
            o.put("undefined", lower(u));
            o.put("undefined_description", u.description());
        });
        if (!r.warnings().isEmpty()) {
            r.warnings().forEach(o.putArray("warnings")::add);
        }
        return o;
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode o = F.objectNode();
        if (p == null) {
            return o;
        }
        o.put("algorithm", p.algorithm());
        o.put("candor_version", p.candorVersion());
        o.put("java_version", p.javaVersion());
        if (p.seed() != null) {
            o.put("seed", p.seed());
        }
        ObjectNode params = o.putObject("parameters");
        p.parameters().forEach((k, v) -> params.put(k, String.valueOf(v)));
        return o;
    }

    /** Infinite values (chi-square with a new category, as Evidently reports it) are written as strings. */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else if (Double.isInfinite(v)) {
            o.put(key, v > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(key, v);
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
