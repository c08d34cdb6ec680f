package dev.candor.report;

import dev.candor.core.Provenance;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.MetricValue;
import dev.candor.monitor.DriftResult;
import dev.candor.monitor.FeatureDrift;
import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.Delivery;
import dev.candor.monitor.window.AttributeFairness;
import dev.candor.monitor.window.Cbpe;
import dev.candor.monitor.window.CbpeCalibration;
import dev.candor.monitor.window.Histogram;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.MonitoringRule;
import dev.candor.monitor.window.Threshold;
import dev.candor.monitor.window.WindowResult;
import dev.candor.report.chart.Chart;
import dev.candor.report.chart.Charts;
import dev.candor.report.html.HtmlRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The monitoring report: one self-contained HTML page (inline CSS and SVG, no scripts, no network
 * fetches, printable) of a {@link MonitoringResult} and the deliveries of its alerts. Rendering only;
 * every number comes from the result. Everything that comes from data (feature, group, window and
 * model names) is escaped by the template's auto-escaping.
 *
 * <p>Sections:
 * <ul>
 *   <li>Summary: windows, breaching windows, alerts, exit status (3 when a rule breached, else 0),
 *       failed deliveries, and a table of the headline values per window;</li>
 *   <li>Watched metrics: one chart per watched metric not drawn in a later section (drift share,
 *       prediction drift, per-feature drift, the performance metrics CBPE does not estimate), with
 *       its lower and upper threshold and the breaching windows shaded;</li>
 *   <li>Data drift: the features × windows heat map of each feature's default test, and the
 *       reference and window distributions (over the reference binning; categories as bars) of the
 *       {@value #TOP_DRIFTED} most drifted features, each in the window where it drifted most;</li>
 *   <li>Performance: per CBPE metric, the realized value (when labels exist) and the label-free
 *       estimate on one chart, with the estimate's threshold; a caption names the windows of a
 *       <em>concept shift</em> ({@link #conceptShift}): realized performance outside its threshold
 *       while the estimate stays inside;</li>
 *   <li>Fairness over time: per protected attribute and metric, the value with its bootstrap
 *       interval and the metric's threshold when watched;</li>
 *   <li>Alerts (rule, metric, window, value, bound, severity) and deliveries (channel, target, ok,
 *       attempts, error);</li>
 *   <li>Methods: settings, every threshold with how it was derived, the CBPE calibration decision,
 *       the drift tests used, and the provenance.</li>
 * </ul>
 *
 * @since 0.2.0
 */
public final class MonitorHtml {

    /** Features whose distributions are drawn. */
    public static final int TOP_DRIFTED = 3;

    private MonitorHtml() {
    }

    /**
     * @param result     the monitoring run
     * @param deliveries the outcome of each alert channel (empty when none was configured)
     * @return the whole HTML page
     */
    public static String page(MonitoringResult result, List<Delivery> deliveries) {
        return render(result, deliveries, false);
    }

    /**
     * The report as a fragment for a notebook's output cell: one {@code <div class="candor-report">}
     * with its own style sheet, every rule of which is scoped to that class.
     *
     * @param result     the monitoring run
     * @param deliveries the outcome of each alert channel (empty when none was configured)
     * @return the HTML fragment
     */
    public static String fragment(MonitoringResult result, List<Delivery> deliveries) {
        return render(result, deliveries, true);
    }

    private static String render(MonitoringResult result, List<Delivery> deliveries, boolean fragment) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(deliveries, "deliveries");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fragment", fragment);
        model.put("m", tree(result, deliveries));
        Map<String, Object> charts = new LinkedHashMap<>();
        for (Chart c : charts(result).values()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("title", c.title());
            cm.put("description", c.description());
            cm.put("svg", c.svg());
            charts.put(c.id(), cm);
        }
        model.put("charts", charts);
        return HtmlRenderer.get().render("monitor.ftlh", model);
    }

    /**
     * The windows of a concept shift for each CBPE metric: realized performance (labels present)
     * breaches the metric's threshold while the label-free estimate does not breach its own. The
     * realized value is held to the {@code <metric>} threshold when that metric is watched, otherwise
     * to the {@code estimated.<metric>} threshold (both are derived from the same reference chunks).
     * CBPE assumes that P(y | score) does not change; a concept shift breaks exactly that, so the
     * estimate stays flat while the realized value falls.
     *
     * @param result the monitoring run
     * @return per metric (in {@link Cbpe#METRICS} order) the window keys, only metrics with at least one
     */
    public static Map<String, List<String>> conceptShift(MonitoringResult result) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String metric : Cbpe.METRICS) {
            Threshold est = result.thresholds().get("estimated." + metric);
            Threshold real = result.thresholds().getOrDefault(metric, est);
            if (real == null) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (WindowResult w : result.windows()) {
                double r = realized(w, metric);
                double e = estimated(w, metric);
                boolean estimateBreaches = est != null && est.breached(e);
                if (real.breached(r) && !estimateBreaches) {
                    keys.add(w.window().key());
                }
            }
            if (!keys.isEmpty()) {
                out.put(metric, keys);
            }
        }
        return out;
    }

    private static double realized(WindowResult w, String metric) {
        MetricValue v = w.performance().get(metric);
        if (v != null) {
            return v.value();
        }
        return w.cbpe() == null ? Double.NaN : w.cbpe().realized().getOrDefault(metric, Double.NaN);
    }

    private static double estimated(WindowResult w, String metric) {
        return w.cbpe() == null ? Double.NaN : w.cbpe().estimated().getOrDefault(metric, Double.NaN);
    }

    /**
     * The features ranked by how often their default test drifted, ties broken by the feature order;
     * only features that drifted at least once.
     *
     * @param result the monitoring run
     * @param k      at most this many
     * @return feature names, most drifted first
     */
    public static List<String> mostDrifted(MonitoringResult result, int k) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (WindowResult w : result.windows()) {
            for (FeatureDrift f : w.drift().features().values()) {
                count.merge(f.feature(), f.drifted() ? 1 : 0, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>(count.keySet());
        List<String> order = new ArrayList<>(names);
        order.sort(Comparator.comparingInt((String n) -> -count.get(n)).thenComparingInt(names::indexOf));
        return order.stream().filter(n -> count.get(n) > 0).limit(k).toList();
    }

    /**
     * Every chart of the page by id: {@code watch-<i>} (watched metrics), {@code drift-heatmap},
     * {@code dist-<i>} (distributions), {@code perf-<metric>} (realized and estimated),
     * {@code fair-<a>-<i>} (fairness over time, a-th attribute).
     *
     * @param result the monitoring run
     * @return the charts, in page order
     */
    public static Map<String, Chart> charts(MonitoringResult result) {
        Map<String, Chart> out = new LinkedHashMap<>();
        List<WindowResult> ws = result.windows();
        String[] keys = ws.stream().map(w -> w.window().key()).toArray(String[]::new);
        int i = 0;
        for (String metric : watchedOnTheirOwn(result)) {
            Threshold t = result.thresholds().get(metric);
            double[] v = series(result, metric);
            out.put("watch-" + i, Charts.windowSeries("watch-" + i, metric, keys, new String[] {metric},
                    new double[][] {v}, null, null, t.lower(), t.upper(), breaches(t, v),
                    "value", describe(t, "Value of " + metric + " per window")));
            i++;
        }
        Chart heat = heatMap(result, keys);
        if (heat != null) {
            out.put(heat.id(), heat);
        }
        int d = 0;
        for (String feature : mostDrifted(result, TOP_DRIFTED)) {
            WindowResult w = strongest(result, feature);
            Histogram h = w.histograms().get(feature);
            if (h == null) {
                continue;
            }
            out.put("dist-" + d, Charts.groupedBars("dist-" + d, feature + ": reference vs " + w.window().key(),
                    binLabels(h), new String[] {"reference", "window " + w.window().key()},
                    new double[][] {shares(h.reference()), shares(h.current())}, "share of rows"));
            d++;
        }
        for (String metric : Cbpe.METRICS) {
            double[] real = new double[ws.size()];
            double[] est = new double[ws.size()];
            for (int j = 0; j < ws.size(); j++) {
                real[j] = realized(ws.get(j), metric);
                est[j] = estimated(ws.get(j), metric);
            }
            if (allNaN(real) && allNaN(est)) {
                continue;
            }
            Threshold te = result.thresholds().get("estimated." + metric);
            Threshold tr = result.thresholds().getOrDefault(metric, te);
            boolean[] breached = new boolean[ws.size()];
            for (int j = 0; j < ws.size(); j++) {
                breached[j] = (tr != null && tr.breached(real[j])) || (te != null && te.breached(est[j]));
            }
            Threshold shown = te != null ? te : tr;
            String desc = "Realized " + metric + " (from labels) and its CBPE estimate (from scores alone) per window"
                    + (shown == null ? "" : "; the shaded band is the estimate's threshold ["
                    + fmt(shown.lower()) + ", " + fmt(shown.upper()) + "]")
                    + "; orange columns breach the realized or the estimated threshold.";
            out.put("perf-" + metric, Charts.windowSeries("perf-" + metric, metric + ": realized and estimated",
                    keys, new String[] {"realized", "estimated (CBPE)"}, new double[][] {real, est}, null, null,
                    shown == null ? Double.NaN : shown.lower(), shown == null ? Double.NaN : shown.upper(), breached,
                    metric, desc));
        }
        List<String> attributes = attributes(result);
        for (int a = 0; a < attributes.size(); a++) {
            String attr = attributes.get(a);
            int k = 0;
            for (String metric : fairnessMetrics(result, attr)) {
                double[] v = new double[ws.size()];
                double[] lo = new double[ws.size()];
                double[] hi = new double[ws.size()];
                for (int j = 0; j < ws.size(); j++) {
                    AttributeFairness af = ws.get(j).fairness().get(attr);
                    Comparison c = af == null ? null : af.metrics().get(metric);
                    ConfidenceInterval ci = af == null ? null : af.intervals().get(metric);
                    v[j] = c == null ? Double.NaN : c.value();
                    lo[j] = ci == null ? Double.NaN : ci.lower();
                    hi[j] = ci == null ? Double.NaN : ci.upper();
                }
                Threshold t = result.thresholds().get(attr + "." + metric);
                String id = "fair-" + a + "-" + k++;
                out.put(id, Charts.windowSeries(id, displayName(metric) + " by " + attr, keys,
                        new String[] {metric}, new double[][] {v}, new double[][] {lo}, new double[][] {hi},
                        t == null ? Double.NaN : t.lower(), t == null ? Double.NaN : t.upper(),
                        t == null ? new boolean[ws.size()] : breaches(t, v), metric,
                        describe(t, metric + " of " + attr + " per window with its bootstrap percentile interval")));
            }
        }
        return out;
    }

    private static String describe(Threshold t, String what) {
        if (t == null) {
            return what + " (not watched: no threshold).";
        }
        return what + "; dashed lines are the thresholds (" + t.method().replace('_', ' ') + ", lower "
                + fmt(t.lower()) + ", upper " + fmt(t.upper()) + "); orange columns breach.";
    }

    private static Chart heatMap(MonitoringResult result, String[] keys) {
        List<WindowResult> ws = result.windows();
        Set<String> features = new LinkedHashSet<>();
        ws.forEach(w -> features.addAll(w.drift().features().keySet()));
        if (features.isEmpty()) {
            return null;
        }
        List<String> f = new ArrayList<>(features);
        String[] rows = new String[f.size()];
        double[][] values = new double[f.size()][ws.size()];
        boolean[][] drifted = new boolean[f.size()][ws.size()];
        for (int i = 0; i < f.size(); i++) {
            Set<String> tests = new LinkedHashSet<>();
            for (int j = 0; j < ws.size(); j++) {
                FeatureDrift fd = ws.get(j).drift().features().get(f.get(i));
                if (fd == null) {
                    values[i][j] = Double.NaN;
                    continue;
                }
                DriftResult r = fd.defaultResult();
                values[i][j] = r.defined() ? r.value() : Double.NaN;
                drifted[i][j] = fd.drifted();
                tests.add(fd.defaultTest().key());
            }
            rows[i] = f.get(i) + " (" + String.join(", ", tests) + ")";
        }
        return Charts.driftHeatMap("drift-heatmap", "Drift of each feature per window", rows, keys, values, drifted);
    }

    /** The window where the feature's default test shows the strongest drift. */
    private static WindowResult strongest(MonitoringResult result, String feature) {
        WindowResult best = result.windows().get(result.windows().size() - 1);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (WindowResult w : result.windows()) {
            FeatureDrift fd = w.drift().features().get(feature);
            if (fd == null || !fd.defaultResult().defined()) {
                continue;
            }
            double v = fd.defaultResult().value();
            // A p-value drifts when small, a distance when large.
            double score = fd.defaultTest().isPValue() ? -v : v;
            if (score > bestScore) {
                bestScore = score;
                best = w;
            }
        }
        return best;
    }

    /**
     * The watched metrics drawn in the watched-metrics section: all but the CBPE metrics (drawn
     * realized against estimated) and the fairness metrics (drawn with their intervals).
     */
    private static List<String> watchedOnTheirOwn(MonitoringResult result) {
        List<String> attributes = attributes(result);
        List<String> out = new ArrayList<>();
        for (String metric : result.thresholds().keySet()) {
            boolean cbpe = metric.startsWith("estimated.") || Cbpe.METRICS.contains(metric);
            boolean fairness = attributes.stream().anyMatch(a -> metric.startsWith(a + "."));
            if (!cbpe && !fairness) {
                out.add(metric);
            }
        }
        return out;
    }

    private static List<String> attributes(MonitoringResult result) {
        Set<String> a = new LinkedHashSet<>();
        result.windows().forEach(w -> a.addAll(w.fairness().keySet()));
        return new ArrayList<>(a);
    }

    private static List<String> fairnessMetrics(MonitoringResult result, String attr) {
        Set<String> m = new LinkedHashSet<>();
        for (WindowResult w : result.windows()) {
            AttributeFairness af = w.fairness().get(attr);
            if (af != null) {
                af.metrics().forEach((k, c) -> {
                    if (c.isDefined()) {
                        m.add(k);
                    }
                });
            }
        }
        return new ArrayList<>(m);
    }

    private static double[] series(MonitoringResult result, String metric) {
        return result.series(metric).values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] breaches(Threshold t, double[] v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = t.breached(v[i]);
        }
        return b;
    }

    /** Category names, or the bins' intervals with four significant digits. */
    static String[] binLabels(Histogram h) {
        double[] e = h.edges();
        if (e.length != h.reference().length + 1) {
            return h.labels().toArray(String[]::new);
        }
        String[] out = new String[e.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = "[" + sig(e[i]) + ", " + sig(e[i + 1]) + (i == out.length - 1 ? "]" : ")");
        }
        return out;
    }

    private static String sig(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static double[] shares(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] s = new double[counts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = n == 0 ? Double.NaN : (double) counts[i] / n;
        }
        return s;
    }

    private static boolean allNaN(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return false;
            }
        }
        return true;
    }

    private static String displayName(String metric) {
        return FairnessMetric.find(metric).map(FairnessMetric::displayName).orElse(metric.replace('_', ' '));
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "none";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Numbers as the template shows them: {@code null} for undefined. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> tree(MonitoringResult r, List<Delivery> deliveries) {
        Map<String, Object> m = new LinkedHashMap<>();
        Provenance p = r.provenance();
        m.put("model", r.model());
        m.put("candor_version", p.candorVersion());
        m.put("created_at", p.createdAt().toString());
        m.put("reference_rows", r.referenceRows());
        m.put("windowing", r.windowing());
        List<WindowResult> ws = r.windows();
        m.put("windows", ws.size());
        m.put("incomplete", ws.stream().filter(w -> !w.window().complete()).count());
        m.put("breached_windows", ws.stream().filter(WindowResult::breached).count());
        m.put("alert_count", r.alerts().size());
        m.put("breached", r.breached());
        m.put("exit_status", r.breached() ? 3 : 0);
        m.put("failed_deliveries", deliveries.stream().filter(d -> !d.ok()).count());
        Map<String, List<String>> shift = conceptShift(r);
        List<Map<String, Object>> shifts = new ArrayList<>();
        shift.forEach((metric, keys) -> shifts.add(Map.of("metric", metric, "windows", keys)));
        m.put("concept_shift", shifts);
        m.put("most_drifted", mostDrifted(r, TOP_DRIFTED));
        boolean labels = ws.stream().anyMatch(w -> w.counts() != null);
        m.put("labels", labels);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WindowResult w : ws) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", w.window().key());
            row.put("rows", w.window().rows());
            row.put("complete", w.window().complete());
            row.put("drift_share", num(w.drift().dataset().shareOfDriftedColumns()));
            row.put("drifted", w.drift().dataset().numberOfDriftedColumns());
            row.put("prediction_drift", w.predictionDrift() == null ? null
                    : num(w.predictionDrift().defaultResult().value()));
            row.put("label_rate", w.labelDrift() == null ? null : num(w.labelDrift().currentRate()));
            row.put("accuracy", num(realized(w, "accuracy")));
            row.put("estimated_accuracy", num(estimated(w, "accuracy")));
            row.put("alerts", w.alerts().size());
            rows.add(row);
        }
        m.put("window_rows", rows);
        m.put("watched", watchedOnTheirOwn(r));
        List<Map<String, Object>> fairness = new ArrayList<>();
        List<String> attrs = attributes(r);
        for (int a = 0; a < attrs.size(); a++) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < fairnessMetrics(r, attrs.get(a)).size(); k++) {
                ids.add("fair-" + a + "-" + k);
            }
            fairness.add(Map.of("attribute", attrs.get(a), "charts", ids));
        }
        m.put("fairness", fairness);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Alert a : r.alerts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rule", a.rule());
            row.put("metric", a.metric());
            row.put("window", a.window());
            row.put("value", num(a.value()));
            boolean below = !Double.isNaN(a.lower()) && a.value() < a.lower();
            row.put("bound", below ? "below " + fmt(a.lower()) : "above " + fmt(a.upper()));
            row.put("severity", a.severity().key());
            alerts.add(row);
        }
        m.put("alerts", alerts);
        List<Map<String, Object>> dl = new ArrayList<>();
        for (Delivery d : deliveries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("channel", d.channel());
            row.put("target", d.target() == null ? "" : d.target());
            row.put("ok", d.ok());
            row.put("attempts", d.attempts());
            row.put("error", d.error() == null ? "" : d.error());
            dl.add(row);
        }
        m.put("deliveries", dl);
        List<Map<String, Object>> th = new ArrayList<>();
        for (Threshold t : r.thresholds().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", t.metric());
            row.put("method", t.method());
            row.put("k", num(t.k()));
            row.put("mean", num(t.mean()));
            row.put("std", num(t.std()));
            row.put("lower", num(t.lower()));
            row.put("upper", num(t.upper()));
            th.add(row);
        }
        m.put("thresholds", th);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (MonitoringRule rule : r.rules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", rule.key());
            row.put("bounds", rule.referenceBand() != null ? "reference band, k = " + rule.referenceBand()
                    : "min " + (rule.min() == null ? "none" : rule.min()) + ", max "
                    + (rule.max() == null ? "none" : rule.max()));
            row.put("attributes", String.join(", ", rule.attributes()));
            row.put("severity", rule.severity().key());
            rules.add(row);
        }
        m.put("rules", rules);
        CbpeCalibration cal = r.calibration();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("needs_calibration", cal.needsCalibration());
        c.put("ece_before", num(cal.eceBefore()));
        c.put("ece_after", num(cal.eceAfter()));
        c.put("reference_roc_auc", num(cal.referenceRocAuc()));
        m.put("calibration", c);
        Set<String> tests = new LinkedHashSet<>();
        for (WindowResult w : ws) {
            for (FeatureDrift f : w.drift().features().values()) {
                tests.add(f.defaultTest().key() + " — " + f.defaultTest().displayName()
                        + (f.defaultTest().isPValue() ? " (p-value; drift below the threshold)"
                        : " (distance; drift at or above the threshold)"));
            }
        }
        m.put("tests", new ArrayList<>(tests));
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("algorithm", p.algorithm());
        prov.put("parameters", p.parameters().toString());
        prov.put("seed", p.seed() == null ? "—" : p.seed().toString());
        prov.put("input", p.input() == null ? "—" : p.input().toString());
        prov.put("software", "Candor " + p.candorVersion() + ", Java " + p.javaVersion() + ", " + p.osName() + " "
                + p.osArch());
        m.put("provenance", prov);
        return m;
    }
}
