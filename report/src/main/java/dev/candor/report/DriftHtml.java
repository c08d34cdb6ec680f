package dev.candor.report;

import dev.candor.core.Html;
import dev.candor.monitor.DatasetDrift;
import dev.candor.monitor.DriftRanking;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.DriftResult;
import dev.candor.monitor.FeatureDrift;
import dev.candor.report.chart.Chart;
import dev.candor.report.chart.Charts;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page of a {@link DriftReport}: the dataset verdict, the test table (every
 * feature's default test, value, threshold and verdict, and every other test run), and per feature
 * the reference and current distributions side by side as inline SVG. No scripts and no network
 * fetches; everything that comes from data is escaped.
 *
 * @since 0.1.0
 */
public final class DriftHtml {

    /**
     * The distribution of one feature on both sides, as shares over the same categories or bins.
     *
     * @param feature   the feature
     * @param labels    category names or bin labels
     * @param reference share of the reference's non-missing rows in each
     * @param current   share of the current's non-missing rows in each
     */
    public record Distribution(String feature, String[] labels, double[] reference, double[] current) {
        /** Copies the arrays. */
        public Distribution {
            labels = labels.clone();
            reference = reference.clone();
            current = current.clone();
        }
    }

    private DriftHtml() {
    }

    /**
     * @param report        the drift report
     * @param title         the page title (for example the two file names)
     * @param distributions per feature, the distributions to chart (features without one get no chart)
     * @return the HTML page
     */
    public static String page(DriftReport report, String title, Map<String, Distribution> distributions) {
        return page(report, title, distributions, List.of(), "");
    }

    /**
     * The page with a table of the drifted features ranked by drift × importance.
     *
     * @param report        the drift report
     * @param title         the page title
     * @param distributions per feature, the distributions to chart
     * @param ranking       the ranking ({@link DriftReport#rankByImportance}); empty for no table
     * @param rankingNote   how the importance was measured (one sentence, shown under the table)
     * @return the HTML page
     */
    public static String page(DriftReport report, String title, Map<String, Distribution> distributions,
            List<DriftRanking> ranking, String rankingNote) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title>\n<style>")
                .append("body{font:15px/1.5 -apple-system,\"Segoe UI\",\"DejaVu Sans\",Helvetica,Arial,sans-serif;"
                        + "color:#222;max-width:1000px;margin:0 auto;padding:24px}")
                .append("table{border-collapse:collapse;margin:12px 0}th,td{border-bottom:1px solid #ddd;"
                        + "padding:4px 10px;text-align:right}th:nth-child(-n+3),td:nth-child(-n+3){text-align:left}")
                .append(".drift{color:#c2410c;font-weight:bold}.ok{color:#1a7f37}.muted{color:#666}")
                .append("svg{max-width:100%;height:auto}</style></head><body>\n");
        h.append("<h1>Data drift</h1>\n<p class=\"muted\">").append(Html.escape(title)).append("</p>\n");
        DatasetDrift d = report.dataset();
        h.append(String.format(Locale.ROOT, "<p><b>%s</b>: %d of %d features drifted (share %.3f; the dataset "
                        + "drifts at a share of %.2f or more). Reference %d rows, current %d rows.</p>%n",
                d.datasetDrift() ? "<span class=\"drift\">Dataset drift</span>" : "<span class=\"ok\">No dataset drift</span>",
                d.numberOfDriftedColumns(), d.numberOfColumns(), d.shareOfDriftedColumns(), d.driftShare(),
                report.referenceRows(), report.currentRows()));
        if (!ranking.isEmpty()) {
            h.append("<h2>Drift that matters to the model</h2>\n<table><thead><tr><th>feature</th><th>effect test</th>"
                    + "<th>effect</th><th>importance</th><th>score</th></tr></thead><tbody>\n");
            for (DriftRanking r : ranking) {
                h.append("<tr><td>").append(Html.escape(r.feature())).append("</td><td>")
                        .append(Html.escape(r.effectTest().key())).append("</td><td>").append(fmt(r.effect()))
                        .append("</td><td>").append(fmt(r.importance())).append("</td><td>").append(fmt(r.score()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n<p class=\"muted\">score = effect × importance. ")
                    .append(Html.escape(rankingNote)).append("</p>\n");
        }
        h.append("<h2>Tests</h2>\n<table><thead><tr><th>feature</th><th>kind</th><th>test</th><th>value</th>"
                + "<th>threshold</th><th>drift</th><th>missing (ref / cur)</th></tr></thead><tbody>\n");
        for (FeatureDrift f : report.features().values()) {
            for (DriftResult r : f.tests().values()) {
                boolean isDefault = r.test() == f.defaultTest();
                h.append("<tr><td>").append(isDefault ? "<b>" + Html.escape(f.feature()) + "</b>" : Html.escape(f.feature()))
                        .append("</td><td>").append(f.kind().key())
                        .append("</td><td>").append(Html.escape(r.test().key())).append(isDefault ? " (default)" : "")
                        .append("</td><td>").append(value(r))
                        .append("</td><td>").append(fmt(r.threshold()))
                        .append("</td><td>").append(r.defined() ? (r.drift() ? "<span class=\"drift\">yes</span>" : "no")
                                : "<span class=\"muted\">undefined</span>")
                        .append("</td><td>").append(fmt(f.missingShareReference())).append(" / ")
                        .append(fmt(f.missingShareCurrent())).append("</td></tr>\n");
            }
        }
        h.append("</tbody></table>\n");
        List<String> order = report.features().keySet().stream().filter(distributions::containsKey).toList();
        if (!order.isEmpty()) {
            h.append("<h2>Distributions</h2>\n");
            int i = 0;
            for (String feature : order) {
                Distribution dist = distributions.get(feature);
                Chart c = Charts.groupedBars("dist-" + i++, feature + ": reference vs current", dist.labels(),
                        new String[] {"reference", "current"}, new double[][] {dist.reference(), dist.current()},
                        "share of rows");
                h.append("<h3>").append(Html.escape(feature)).append("</h3>\n<figure>").append(c.svg()).append("<figcaption class=\"muted\">")
                        .append(Html.escape(c.description())).append("</figcaption></figure>\n");
            }
        }
        h.append("<p class=\"muted\">Candor ").append(Html.escape(report.provenance() == null ? ""
                : report.provenance().candorVersion())).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static String value(DriftResult r) {
        if (!r.defined()) {
            return "<span class=\"muted\" title=\"" + Html.escape(r.undefined().map(u -> u.description()).orElse(""))
                    + "\">undefined</span>";
        }
        return fmt(r.value());
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return Math.abs(v) >= 1e-3 || v == 0 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
