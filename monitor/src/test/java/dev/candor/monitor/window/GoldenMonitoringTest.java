package dev.candor.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.MetricValue;
import dev.candor.monitor.DriftResult;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.UndefinedReason;
import dev.candor.monitor.FeatureDrift;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces {@code shared/golden/monitoring/bank_monitoring.json} (UCI Bank marketing in time order,
 * reference rows 0..9999, windows of 5,000 rows; scipy 1.10.1 / scikit-learn 1.2.1 / AIF360 0.6.1 /
 * fairlearn 0.14.0 values with Evidently 0.7.21 and NannyML 0.13.1 semantics) through
 * {@code Monitor.builder(reference)...build().run(current)}, at that README's tolerances: closed forms
 * {@code 1e-9·max(1,|v|)}; p-values 1e-9 relative (1e-15 absolute below 1e-15); ECEs 1e-12 (the
 * stable-sort values, given sklearn's recorded folds); counts, flags, test names and alerts exactly.
 */
class GoldenMonitoringTest {

    private static JsonNode golden;
    private static MonitoringResult result;
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void run() throws IOException {
        golden = new ObjectMapper().readTree(SharedData.golden("monitoring/bank_monitoring.json").toFile());
        List<int[]> folds = new ArrayList<>();
        for (JsonNode f : golden.get("cbpe").get("calibration").get("folds_test_positions")) {
            int[] t = new int[f.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = f.get(i).asInt();
            }
            folds.add(t);
        }
        result = Monitor.builder(BankMonitoring.reference())
                .windowing(Windowing.bySize(5000))
                .privileged("age_group", "ge25")
                .calibrationFolds(folds)
                .bootstrap(0)
                .build()
                .run(BankMonitoring.current());
    }

    @Test
    void windowsAreNannyMlSizeChunksWithTheIncompleteLastKept() {
        JsonNode ws = golden.get("windows");
        assertThat(result.windows()).hasSize(ws.size());
        for (int i = 0; i < ws.size(); i++) {
            Window w = result.windows().get(i).window();
            assertThat(w.key()).isEqualTo(ws.get(i).get("key").asText());
            assertThat(w.rows()).isEqualTo(ws.get(i).get("n").asLong());
            assertThat(w.complete()).isEqualTo(ws.get(i).get("complete").asBoolean());
            assertThat(w.start()).isEqualTo(ws.get(i).get("start_row").asLong());
            assertThat(w.end()).isEqualTo(ws.get(i).get("end_row").asLong());
        }
    }

    @Test
    void featureDriftAndDatasetDriftMatchEveryWindow() {
        for (int i = 0; i < result.windows().size(); i++) {
            WindowResult w = result.windows().get(i);
            JsonNode g = golden.get("windows").get(i);
            String at = w.window().key() + " ";
            for (Iterator<Map.Entry<String, JsonNode>> it = g.get("feature_drift").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                FeatureDrift f = w.drift().features().get(e.getKey());
                JsonNode fg = e.getValue();
                String where = at + e.getKey() + " ";
                JsonNode def = fg.get("evidently_default_test");
                eq(where + "default test", def.get("name").asText(), f.defaultTest().key());
                close(where + "default value", num(def.get("value")), f.defaultResult().value());
                eq(where + "drift", def.get("drift").asBoolean(), f.drifted());
                close(where + "psi", num(fg.get("psi")), f.tests().get(DriftTest.PSI).value());
                close(where + "js", num(fg.get("jensenshannon")), f.tests().get(DriftTest.JENSENSHANNON).value());
                if (fg.get("type").asText().equals("num")) {
                    close(where + "ks stat", num(fg.get("ks").get("statistic")), f.tests().get(DriftTest.KS).statistic());
                    pclose(where + "ks p", num(fg.get("ks").get("pvalue")), f.tests().get(DriftTest.KS).pValue());
                    close(where + "wasserstein", num(fg.get("wasserstein_norm")),
                            f.tests().get(DriftTest.WASSERSTEIN).value());
                } else {
                    JsonNode chi = fg.get("chisquare_evidently");
                    DriftResult cs = f.tests().get(DriftTest.CHISQUARE);
                    if (Double.isNaN(num(chi.get("pvalue")))) {
                        // one category on both sides: scipy's statistic 0 with dof 0 and p NaN; undefined here
                        eq(where + "chisquare undefined", UndefinedReason.SINGLE_CATEGORY, cs.reason());
                    } else {
                        close(where + "chisquare stat", num(chi.get("statistic")), cs.statistic());
                        pclose(where + "chisquare p", num(chi.get("pvalue")), cs.pValue());
                    }
                }
                Histogram b = w.histograms().get(e.getKey());
                JsonNode bg = fg.get("binning");
                eq(where + "reference counts", bg.get("reference_counts").toString(), json(b.reference()));
                eq(where + "current counts", bg.get("current_counts").toString(), json(b.current()));
            }
            JsonNode dd = g.get("dataset_drift");
            eq(at + "drifted", dd.get("number_of_drifted_columns").asInt(), w.drift().dataset().numberOfDriftedColumns());
            eq(at + "dataset drift", dd.get("dataset_drift").asBoolean(), w.drift().dataset().datasetDrift());
            eq(at + "drifted columns", dd.get("drifted_columns").toString(),
                    new ObjectMapper().valueToTree(w.drift().dataset().driftedColumns()).toString());
        }
        assertThat(failures).as("golden mismatches").isEmpty();
    }

    @Test
    void predictionAndLabelDriftMatchEveryWindow() {
        for (int i = 0; i < result.windows().size(); i++) {
            WindowResult w = result.windows().get(i);
            JsonNode g = golden.get("windows").get(i);
            String at = w.window().key() + " ";
            JsonNode pd = g.get("prediction_drift");
            FeatureDrift p = w.predictionDrift();
            eq(at + "score test", pd.get("evidently_default_test").get("name").asText(), p.defaultTest().key());
            close(at + "score value", num(pd.get("evidently_default_test").get("value")), p.defaultResult().value());
            eq(at + "score drift", pd.get("evidently_default_test").get("drift").asBoolean(), p.drifted());
            close(at + "score ks", num(pd.get("ks").get("statistic")), p.tests().get(DriftTest.KS).statistic());
            pclose(at + "score ks p", num(pd.get("ks").get("pvalue")), p.tests().get(DriftTest.KS).pValue());
            close(at + "score psi", num(pd.get("psi")), p.tests().get(DriftTest.PSI).value());
            close(at + "score js", num(pd.get("jensenshannon")), p.tests().get(DriftTest.JENSENSHANNON).value());
            JsonNode ld = g.get("label_drift");
            LabelDrift l = w.labelDrift();
            close(at + "reference rate", num(ld.get("reference_rate")), l.referenceRate());
            close(at + "current rate", num(ld.get("current_rate")), l.currentRate());
            eq(at + "label test", ld.get("evidently_default_test").get("name").asText(), l.drift().defaultTest().key());
            close(at + "label value", num(ld.get("evidently_default_test").get("value")), l.drift().defaultResult().value());
            eq(at + "label drift", ld.get("evidently_default_test").get("drift").asBoolean(), l.drift().drifted());
            close(at + "z", num(ld.get("z_evidently").get("z")), l.z());
            pclose(at + "z p", num(ld.get("z_evidently").get("pvalue")), l.zPValue());
            close(at + "chisquare", num(ld.get("chisquare_evidently").get("statistic")), l.chiSquare());
            pclose(at + "chisquare p", num(ld.get("chisquare_evidently").get("pvalue")), l.chiSquarePValue());
            close(at + "chi2 contingency", num(ld.get("chi2_contingency").get("statistic")), l.contingency());
            pclose(at + "chi2 contingency p", num(ld.get("chi2_contingency").get("p")), l.contingencyPValue());
            eq(at + "dof", ld.get("chi2_contingency").get("dof").asInt(), l.contingencyDof());
        }
        assertThat(failures).as("golden mismatches").isEmpty();
    }

    @Test
    void performanceAndFairnessMatchEveryWindow() {
        for (int i = 0; i < result.windows().size(); i++) {
            WindowResult w = result.windows().get(i);
            JsonNode g = golden.get("windows").get(i);
            String at = w.window().key() + " ";
            JsonNode perf = g.get("performance");
            ConfusionCounts c = w.counts();
            eq(at + "counts", perf.get("counts").get("tp").asLong() + "/" + perf.get("counts").get("fp").asLong() + "/"
                    + perf.get("counts").get("tn").asLong() + "/" + perf.get("counts").get("fn").asLong(),
                    (long) c.tp() + "/" + (long) c.fp() + "/" + (long) c.tn() + "/" + (long) c.fn());
            for (String m : MonitorReference.PERFORMANCE) {
                MetricValue v = w.performance().get(m);
                close(at + m, num(perf.get(m)), v.value());
            }
            JsonNode age = g.get("fairness").get("age_group");
            Map<String, Comparison> am = w.fairness().get("age_group").metrics();
            for (String m : MonitorReference.AIF360) {
                close(at + "age_group aif360 " + m, num(age.get("aif360").get(m)), am.get(m).value());
            }
            for (String attr : List.of("age_group", "marital")) {
                JsonNode fl = g.get("fairness").get(attr).get("fairlearn");
                Map<String, Comparison> fm = w.fairness().get(attr).metrics();
                for (String m : MonitorReference.FAIRLEARN) {
                    close(at + attr + " fairlearn " + m, num(fl.get(m)), fm.get(m).value());
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = g.get("fairness").get(attr).get("groups").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ConfusionCounts gc = w.fairness().get(attr).counts().counts(e.getKey());
                    eq(at + attr + " " + e.getKey() + " tp/fp/tn/fn", e.getValue().get("tp").asLong() + "/"
                            + e.getValue().get("fp").asLong() + "/" + e.getValue().get("tn").asLong() + "/"
                            + e.getValue().get("fn").asLong(),
                            (long) gc.tp() + "/" + (long) gc.fp() + "/" + (long) gc.tn() + "/" + (long) gc.fn());
                }
            }
        }
        assertThat(failures).as("golden mismatches").isEmpty();
    }

    @Test
    void thresholdsAndThresholdAlertsMatch() {
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.get("thresholds").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Threshold t = result.thresholds().get(metricName(e.getKey()));
            String at = "threshold " + e.getKey() + " ";
            close(at + "mean", num(e.getValue().get("mean")), t.mean());
            close(at + "std", num(e.getValue().get("std")), t.std());
            close(at + "lower", num(e.getValue().get("lower")), t.lower());
            close(at + "upper", num(e.getValue().get("upper")), t.upper());
        }
        for (int i = 0; i < result.windows().size(); i++) {
            WindowResult w = result.windows().get(i);
            JsonNode g = golden.get("windows").get(i);
            for (Iterator<Map.Entry<String, JsonNode>> it = g.get("threshold_alerts").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String m = metricName(e.getKey());
                String at = w.window().key() + " " + e.getKey() + " ";
                close(at + "value", num(e.getValue().get("value")), w.watched().get(m));
                boolean alerted = w.alerts().stream().anyMatch(a -> a.metric().equals(m));
                eq(at + "alert", e.getValue().get("alert").asBoolean(), alerted);
            }
        }
        assertThat(failures).as("golden mismatches").isEmpty();
    }

    @Test
    void cbpeCalibrationEstimatesAndAlertsMatch() {
        JsonNode cal = golden.get("cbpe").get("calibration");
        CbpeCalibration c = result.calibration();
        assertThat(Math.abs(c.eceBefore() - cal.get("ece_before_stable_sort").asDouble())).isLessThanOrEqualTo(1e-12);
        assertThat(Math.abs(c.eceAfter() - cal.get("ece_after_stable_sort").asDouble())).isLessThanOrEqualTo(1e-12);
        assertThat(c.needsCalibration()).isEqualTo(cal.get("needs_calibration").asBoolean());
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.get("cbpe").get("thresholds").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Threshold t = result.thresholds().get("estimated." + e.getKey());
            close("cbpe threshold " + e.getKey() + " lower", num(e.getValue().get("lower")), t.lower());
            close("cbpe threshold " + e.getKey() + " upper", num(e.getValue().get("upper")), t.upper());
        }
        for (int i = 0; i < result.windows().size(); i++) {
            WindowResult w = result.windows().get(i);
            JsonNode g = golden.get("windows").get(i).get("cbpe");
            String at = w.window().key() + " cbpe ";
            close(at + "mean", num(g.get("mean_calibrated_score")), w.cbpe().meanProbability());
            for (String m : Cbpe.METRICS) {
                close(at + "estimated " + m, num(g.get("estimated").get(m)), w.cbpe().estimated().get(m));
                close(at + "realized " + m, num(g.get("realized").get(m)), w.cbpe().realized().get(m));
                eq(at + "alert " + m, g.get("alert").get(m).asBoolean(), w.cbpe().alerts().get(m));
            }
        }
        assertThat(failures).as("golden mismatches").isEmpty();
    }

    static String metricName(String golden) {
        return golden.replace(".fairlearn_", ".");
    }

    private static String json(long[] v) {
        return new ObjectMapper().valueToTree(v).toString();
    }

    static double num(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    private void eq(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private void close(String what, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            if (Double.compare(expected, actual) != 0) {
                failures.add(what + ": expected " + expected + ", got " + actual);
            }
            return;
        }
        if (!(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private void pclose(String what, double expected, double actual) {
        if (expected < 1e-15) {
            if (!(Math.abs(expected - actual) <= 1e-15)) {
                failures.add(what + ": expected " + expected + ", got " + actual);
            }
        } else if (!(Math.abs(expected - actual) <= 1e-9 * expected)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
