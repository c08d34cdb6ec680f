package dev.candor.monitor.window;

import dev.candor.core.Html;
import dev.candor.fairness.MetricValue;
import dev.candor.monitor.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact tables of a {@link MonitoringResult} for a terminal or a notebook cell: one row per
 * window (rows, completeness, drifted features and share, realized and estimated accuracy, alerts)
 * and one row per alert (rule, metric, window, value, bound, severity). Charts are the monitoring
 * report's job (the report module's {@code MonitorHtml}); these tables need nothing but the result.
 *
 * <p>Numbers are rounded to four decimals for reading; undefined values show as {@code —}. Every
 * string from data is escaped in the HTML form.
 *
 * @since 0.2.0
 */
final class MonitoringTables {

    private static final List<String> WINDOW_HEADER = List.of("window", "rows", "complete", "drifted", "drift share",
            "accuracy", "estimated accuracy", "alerts");
    private static final List<String> ALERT_HEADER = List.of("rule", "metric", "window", "value", "bound", "severity");

    private MonitoringTables() {
    }

    private static List<List<String>> windowRows(MonitoringResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (WindowResult w : r.windows()) {
            MetricValue acc = w.performance().get("accuracy");
            double est = w.cbpe() == null ? Double.NaN : w.cbpe().estimated().getOrDefault("accuracy", Double.NaN);
            rows.add(List.of(w.window().key(), Long.toString(w.window().rows()), w.window().complete() ? "yes" : "no",
                    Integer.toString(w.drift().dataset().numberOfDriftedColumns()),
                    fmt(w.drift().dataset().shareOfDriftedColumns()), fmt(acc == null ? Double.NaN : acc.value()),
                    fmt(est), Integer.toString(w.alerts().size())));
        }
        return rows;
    }

    private static List<List<String>> alertRows(MonitoringResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Alert a : r.alerts()) {
            boolean below = !Double.isNaN(a.lower()) && a.value() < a.lower();
            rows.add(List.of(a.rule(), a.metric(), a.window(), fmt(a.value()),
                    below ? "below " + fmt(a.lower()) : "above " + fmt(a.upper()), a.severity().key()));
        }
        return rows;
    }

    private static String headline(MonitoringResult r) {
        return "MonitoringResult: model " + r.model() + ", reference " + r.referenceRows() + " rows, "
                + r.windows().size() + " windows (" + r.windowing() + "), " + r.alerts().size() + " alerts"
                + (r.breached() ? " — a rule breached (exit 3)" : " — no breach");
    }

    static String html(MonitoringResult r) {
        StringBuilder sb = new StringBuilder("<div class=\"candor-monitoring\"><p><b>")
                .append(Html.escape(headline(r))).append("</b></p>\n");
        table(sb, WINDOW_HEADER, windowRows(r));
        List<List<String>> alerts = alertRows(r);
        if (!alerts.isEmpty()) {
            table(sb, ALERT_HEADER, alerts);
        }
        return sb.append("</div>\n").toString();
    }

    private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
        sb.append("<table><thead><tr>");
        header.forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        sb.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "<td>" : "<td style=\"text-align:right\">").append(Html.escape(row.get(i)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    static String text(MonitoringResult r) {
        StringBuilder sb = new StringBuilder(headline(r)).append('\n');
        text(sb, WINDOW_HEADER, windowRows(r));
        List<List<String>> alerts = alertRows(r);
        if (!alerts.isEmpty()) {
            sb.append('\n');
            text(sb, ALERT_HEADER, alerts);
        }
        return sb.toString();
    }

    private static void text(StringBuilder sb, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        line(sb, header, width);
        for (List<String> row : rows) {
            line(sb, row, width);
        }
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(i == 0 ? String.format(Locale.ROOT, "%-" + width[i] + "s", c)
                    : String.format(Locale.ROOT, "  %" + width[i] + "s", c));
        }
        sb.append('\n');
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
