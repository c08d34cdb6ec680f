package dev.candor.fairness.audit;

import dev.candor.core.Html;

import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.fairness.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compact tables of an {@link AuditResult} for a terminal or a notebook cell: for every attribute
 * one row per group (count, selection rate with its 95% Wilson interval, base rate, true and false
 * positive rates, accuracy) and the headline comparisons (the AIF360 privileged forms when a
 * privileged group is named, fairlearn's between-groups forms always), each with the pair of groups
 * behind it and, when the audit computed them, its bootstrap interval.
 *
 * <p>Numbers are rounded to four decimals for reading; the JSON ({@link AuditJson}) keeps full
 * precision. An undefined value is shown as {@code —} followed by its reason, never as 0.
 *
 * @since 0.1.0
 */
final class AuditTables {

    /** The rates shown per group, in column order. */
    static final List<Rate> GROUP_RATES = List.of(Rate.SELECTION_RATE, Rate.BASE_RATE, Rate.TRUE_POSITIVE_RATE,
            Rate.FALSE_POSITIVE_RATE, Rate.ACCURACY);
    /** The comparisons shown per attribute, when they apply. */
    static final List<String> HEADLINE = List.of("statistical_parity_difference", "disparate_impact",
            "equal_opportunity_difference", "average_odds_difference", "demographic_parity_difference",
            "demographic_parity_ratio", "equalized_odds_difference");

    private AuditTables() {
    }

    /** One table row of cells, already formatted. */
    private record Table(String title, List<String> header, List<List<String>> rows) {
    }

    static String text(AuditResult r) {
        StringBuilder sb = new StringBuilder("AuditResult: ").append(r.rows()).append(" rows")
                .append(r.weighted() ? " (weighted)" : "").append('\n');
        List<Table> all = new ArrayList<>();
        r.attributes().forEach(a -> all.addAll(tables(a)));
        return text(sb, all);
    }

    static String text(AttributeAudit a) {
        return text(new StringBuilder("AttributeAudit: ").append(a.name()).append('\n'), tables(a));
    }

    static String html(AttributeAudit a) {
        return html(new StringBuilder("<div class=\"candor-audit\">\n"), tables(a));
    }

    private static String text(StringBuilder sb, List<Table> tables) {
        for (Table t : tables) {
            sb.append('\n').append(t.title()).append('\n');
            List<List<String>> all = new ArrayList<>();
            all.add(t.header());
            all.addAll(t.rows());
            int[] width = new int[t.header().size()];
            for (List<String> row : all) {
                for (int c = 0; c < row.size(); c++) {
                    width[c] = Math.max(width[c], row.get(c).length());
                }
            }
            for (List<String> row : all) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c);
                    line.append(c == 0 ? pad(cell, width[c], false) : "  " + pad(cell, width[c], true));
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return sb.toString();
    }

    static String html(AuditResult r) {
        StringBuilder sb = new StringBuilder("<div class=\"candor-audit\"><p><b>Fairness audit</b>: ")
                .append(r.rows()).append(" rows").append(r.weighted() ? " (weighted)" : "").append("</p>\n");
        List<Table> all = new ArrayList<>();
        r.attributes().forEach(a -> all.addAll(tables(a)));
        return html(sb, all);
    }

    private static String html(StringBuilder sb, List<Table> tables) {
        for (Table t : tables) {
            sb.append("<table><caption style=\"text-align:left\"><b>").append(Html.escape(t.title()))
                    .append("</b></caption>\n<thead><tr>");
            for (String h : t.header()) {
                sb.append("<th>").append(Html.escape(h)).append("</th>");
            }
            sb.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : t.rows()) {
                sb.append("<tr>");
                for (int c = 0; c < row.size(); c++) {
                    sb.append(c == 0 ? "<td style=\"text-align:left\">" : "<td>").append(Html.escape(row.get(c)))
                            .append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        return sb.append("</div>").toString();
    }

    private static List<Table> tables(AttributeAudit a) {
        List<Table> out = new ArrayList<>();
        GroupMetrics gm = a.metrics();
        String title = gm.attribute() + gm.privileged().map(p -> " (privileged: " + p + ")").orElse(
                " (no privileged value: between-groups forms)");
        List<String> header = new ArrayList<>(List.of("group", "count", "selection_rate (95% Wilson)"));
        GROUP_RATES.subList(1, GROUP_RATES.size()).forEach(x -> header.add(x.key()));
        List<List<String>> rows = new ArrayList<>();
        for (String g : gm.counts().groups()) {
            ConfusionCounts c = gm.counts().counts(g);
            List<String> row = new ArrayList<>();
            row.add(g + (gm.privileged().filter(g::equals).isPresent() ? " *" : ""));
            row.add(Long.toString(c.rows()));
            MetricValue sel = Rate.SELECTION_RATE.of(c);
            ConfidenceInterval ci = WilsonInterval.of(Rate.SELECTION_RATE, c, 0.95);
            row.add(format(sel) + (ci.isDefined() ? " [" + num(ci.lower()) + ", " + num(ci.upper()) + "]" : ""));
            for (Rate rate : GROUP_RATES.subList(1, GROUP_RATES.size())) {
                row.add(format(rate.of(c)));
            }
            rows.add(row);
        }
        out.add(new Table(title, header, rows));
        Map<String, Comparison> metrics = gm.metrics();
        BootstrapResult boot = a.bootstrap();
        List<String> mh = new ArrayList<>(List.of("metric", "value", "group", "reference"));
        if (boot != null) {
            mh.add(Math.round(boot.level() * 100) + "% bootstrap CI");
        }
        List<List<String>> mrows = new ArrayList<>();
        for (String k : HEADLINE) {
            Comparison c = metrics.get(k);
            if (c == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(k, format(c.metricValue()),
                    c.group() == null ? "" : c.group(), c.reference() == null ? "" : c.reference()));
            if (boot != null) {
                ConfidenceInterval ci = boot.intervals().get(k);
                row.add(ci == null || !ci.isDefined() ? "—" : "[" + num(ci.lower()) + ", " + num(ci.upper()) + "]");
            }
            mrows.add(row);
        }
        out.add(new Table(gm.attribute() + ": comparisons", mh, mrows));
        return out;
    }

    private static String format(MetricValue v) {
        return v.isDefined() ? num(v.value()) : "— (" + v.reason().key() + ")";
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

}
