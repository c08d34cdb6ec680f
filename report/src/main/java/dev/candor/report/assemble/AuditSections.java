package dev.candor.report.assemble;

import dev.candor.core.Provenance;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricKind;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.fairness.UndefinedReason;
import dev.candor.fairness.TwoByTwoTable;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.report.sections.DataSection;
import dev.candor.report.sections.FairnessSection;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.ScoreCurves;
import dev.candor.report.sections.SummarySection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a fairness audit of the test predictions, and the policy check of it, into the report's
 * data, performance, fairness and summary sections.
 *
 * @since 0.1.0
 */
public final class AuditSections {

    /** Calibration bins with fewer rows than this are not drawn (their observed rate is noise). */
    public static final int MIN_CALIBRATION_BIN_ROWS = 10;

    /** Bins of the score histograms and calibration curves. */
    public static final int SCORE_BINS = 10;
    /** Points kept on a ROC curve. */
    public static final int ROC_POINTS = 101;

    private AuditSections() {
    }

    /**
     * The performance section of an audit without per-row scores or curves (an audit of a
     * predictions file): counts and rates per group, AUC where the audit had scores.
     */
    public static PerformanceSection performanceFromAudit(AuditResult audit, double threshold) {
        List<PerformanceSection.AttributePerformance> out = new ArrayList<>();
        PerformanceSection.Curve none = new PerformanceSection.Curve(new double[0], new double[0]);
        for (AttributeAudit aa : audit.attributes()) {
            GroupMetrics gm = aa.metrics();
            List<PerformanceSection.GroupPerformance> groups = new ArrayList<>();
            for (String g : gm.counts().groups()) {
                groups.add(groupPerformance(aa, g, none, new double[0], none));
            }
            out.add(new PerformanceSection.AttributePerformance(aa.name(), groups));
        }
        return new PerformanceSection(threshold, new double[0], out);
    }

    /**
     * One group's row of the performance section: counts, rates and AUC from the audit (undefined
     * values named with their reason; {@code NO_SCORES} when the audit had no scores), with the
     * curves the caller computed from the group's rows (empty curves when it has none).
     */
    public static PerformanceSection.GroupPerformance groupPerformance(AttributeAudit aa, String g,
            PerformanceSection.Curve roc, double[] density, PerformanceSection.Curve calibration) {
        GroupMetrics gm = aa.metrics();
        ConfusionCounts c = gm.counts().counts(g);
        Map<String, String> undefined = new LinkedHashMap<>();
        double acc = rate(gm, g, Rate.ACCURACY, undefined);
        double sr = rate(gm, g, Rate.SELECTION_RATE, undefined);
        double tpr = rate(gm, g, Rate.TRUE_POSITIVE_RATE, undefined);
        double fpr = rate(gm, g, Rate.FALSE_POSITIVE_RATE, undefined);
        double ppv = rate(gm, g, Rate.POSITIVE_PREDICTIVE_VALUE, undefined);
        double auc = Double.NaN;
        if (aa.scores() != null) {
            MetricValue a = aa.scores().rocAuc(g);
            auc = a.value();
            if (!a.isDefined() && a.reason() != null) {
                undefined.put("auc", a.reason().name());
            }
        } else {
            undefined.put("auc", "NO_SCORES");
        }
        return new PerformanceSection.GroupPerformance(g, c.rows(), Math.round(c.tp()), Math.round(c.fp()),
                Math.round(c.tn()), Math.round(c.fn()), acc, sr, tpr, fpr, ppv, auc, undefined, roc, density,
                calibration);
    }

    /** The data section of an audit: group sizes and label base rates from the confusion counts. */
    public static DataSection dataFromAudit(AuditResult audit, String label, String favorable) {
        List<DataSection.AttributeGroups> attrs = new ArrayList<>();
        ConfusionCounts all = audit.overall();
        for (AttributeAudit aa : audit.attributes()) {
            GroupMetrics gm = aa.metrics();
            List<DataSection.GroupRow> rows = new ArrayList<>();
            for (String g : gm.counts().groups()) {
                ConfusionCounts c = gm.counts().counts(g);
                rows.add(new DataSection.GroupRow(g, c.rows(), c.total() / all.total(),
                        c.total() == 0 ? Double.NaN : c.positives() / c.total()));
            }
            attrs.add(new DataSection.AttributeGroups(aa.name(), gm.privileged().orElse(null), rows));
        }
        return new DataSection(audit.rows(), label, favorable, all.positives() / all.total(), attrs);
    }

    private static double rate(GroupMetrics gm, String g, Rate r, Map<String, String> undefined) {
        MetricValue v = gm.rate(g, r);
        if (!v.isDefined() && v.reason() != null) {
            undefined.put(r.key(), v.reason().name());
        }
        return v.value();
    }

    public static FairnessSection fairness(AuditResult audit, Policy policy, PolicyResult check, double level) {
        List<FairnessSection.AttributeFairness> attrs = new ArrayList<>();
        Map<String, PolicyResult.Violation> violated = new HashMap<>();
        for (PolicyResult.Violation v : check.violations()) {
            violated.put(v.attribute() + "\u0000" + v.metric(), v);
        }
        for (AttributeAudit aa : audit.attributes()) {
            GroupMetrics gm = aa.metrics();
            List<FairnessSection.MetricRow> rows = new ArrayList<>();
            for (Map.Entry<String, Comparison> e : gm.metrics().entrySet()) {
                String key = e.getKey();
                FairnessMetric metric = FairnessMetric.fromKey(key);
                Comparison c = e.getValue();
                double[] bounds = bounds(policy, aa.name(), key);
                ConfidenceInterval ci = interval(aa.bootstrap(), key);
                // The 2×2 test of the one rate the metric compares; composites have no single test.
                TwoByTwoTable t = metric.rate().map(r -> aa.significance().get(r.key())).orElse(null);
                String status;
                if (!c.isDefined()) {
                    status = "undefined";
                } else if (violated.containsKey(aa.name() + "\u0000" + key)) {
                    status = "fail";
                } else if (Double.isFinite(bounds[0]) || Double.isFinite(bounds[1])) {
                    status = "pass";
                } else {
                    status = "info";
                }
                rows.add(new FairnessSection.MetricRow(key, metric.displayName(), metric.kind().key(), c.value(),
                        ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper(),
                        t == null ? Double.NaN : t.fisherP(), bounds[0], bounds[1], status,
                        c.reason() == null ? null : c.reason().name()));
            }
            // The metrics the policy bounds first, then the others, each in the audit's order.
            rows.sort(java.util.Comparator.comparingInt(r -> Double.isFinite(r.boundLow())
                    || Double.isFinite(r.boundHigh()) ? 0 : 1));
            attrs.add(new FairnessSection.AttributeFairness(aa.name(), gm.privileged().orElse(null),
                    gm.privileged().isPresent() ? gm.unprivileged() : List.of(), rows));
        }
        List<FairnessSection.MetricRow> individual = new ArrayList<>();
        for (Map.Entry<String, MetricValue> e : audit.individual().entrySet()) {
            ConfidenceInterval ci = interval(audit.individualBootstrap(), e.getKey());
            MetricValue v = e.getValue();
            double[] bounds = bounds(policy, null, "individual." + e.getKey());
            boolean failed = check.violations().stream()
                    .anyMatch(x -> x.attribute() == null && ("individual." + e.getKey()).equals(x.metric()));
            String status = !v.isDefined() ? "undefined" : failed ? "fail"
                    : Double.isFinite(bounds[0]) || Double.isFinite(bounds[1]) ? "pass" : "info";
            individual.add(new FairnessSection.MetricRow(e.getKey(), MetricDefinitions.name(e.getKey()),
                    MetricKind.INDEX.key(), v.value(), ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper(), Double.NaN,
                    bounds[0], bounds[1], status, v.reason() == null ? null : v.reason().name()));
        }
        return new FairnessSection(level, attrs, individual);
    }

    private static ConfidenceInterval interval(BootstrapResult b, String key) {
        if (b == null) {
            return null;
        }
        ConfidenceInterval ci = b.intervals().get(key);
        return ci == null || !ci.isDefined() ? null : ci;
    }

    /** The tightest bounds the policy puts on a metric of an attribute (NaN where there is none). */
    public static double[] bounds(Policy policy, String attribute, String metric) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (Policy.Rule r : policy.rules()) {
            if (!r.metric().equals(metric)) {
                continue;
            }
            if (attribute != null && !r.attributes().isEmpty() && !r.attributes().contains(attribute)) {
                continue;
            }
            if (r.min() != null) {
                lo = Double.isNaN(lo) ? r.min() : Math.max(lo, r.min());
            }
            if (r.max() != null) {
                hi = Double.isNaN(hi) ? r.max() : Math.min(hi, r.max());
            }
        }
        return new double[] {lo, hi};
    }

    public static SummarySection.Verdict verdict(AttributeAudit aa, Policy policy, PolicyResult check) {
        List<PolicyResult.Violation> mine = check.violations().stream()
                .filter(v -> aa.name().equals(v.attribute())).toList();
        String privileged = aa.metrics().privileged().orElse(null);
        if (!mine.isEmpty()) {
            List<String> failing = mine.stream().map(PolicyResult.Violation::metric).distinct().toList();
            StringBuilder sb = new StringBuilder("fails the policy: ");
            for (int i = 0; i < mine.size(); i++) {
                PolicyResult.Violation v = mine.get(i);
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append(describeViolation(v));
            }
            sb.append('.');
            sb.append(selectionSentence(aa));
            return new SummarySection.Verdict(aa.name(), privileged, false, failing, sb.toString());
        }
        List<String> checked = new ArrayList<>();
        for (Policy.Rule r : policy.rules()) {
            if (r.isIndividual() || (!r.attributes().isEmpty() && !r.attributes().contains(aa.name()))) {
                continue;
            }
            Comparison c = aa.metrics().metrics().get(r.metric());
            if (c != null && c.isDefined()) {
                checked.add(String.format(Locale.ROOT, "%s %.3f", MetricDefinitions.name(r.metric())
                        .toLowerCase(Locale.ROOT), c.value()));
            }
        }
        if (checked.isEmpty() && check.checked() == 0) {
            return new SummarySection.Verdict(aa.name(), privileged, false, List.of(), "fails: no rule of the policy "
                    + "could be evaluated on it, and a policy that checks nothing does not pass." + selectionSentence(aa));
        }
        String text = checked.isEmpty() ? "not checked: no rule of the policy applies to it."
                : "passes the policy: " + String.join(", ", checked) + " are within their bounds.";
        return new SummarySection.Verdict(aa.name(), privileged, true, List.of(), text + selectionSentence(aa));
    }

    /** " The model selects 58.9% of the female rows and 70.5% of the male rows." (empty without a privileged group) */
    private static String selectionSentence(AttributeAudit aa) {
        GroupMetrics gm = aa.metrics();
        if (gm.privileged().isEmpty()) {
            return "";
        }
        MetricValue u = Rate.SELECTION_RATE.of(gm.unprivilegedCounts());
        MetricValue p = Rate.SELECTION_RATE.of(gm.privilegedCounts());
        if (!u.isDefined() || !p.isDefined()) {
            return "";
        }
        return String.format(Locale.ROOT, " The model gives the favorable outcome to %.1f%% of the %s rows and "
                + "%.1f%% of the %s rows.", 100 * u.value(), String.join(" or ", gm.unprivileged()), 100 * p.value(),
                gm.privileged().get());
    }

    private static String describeViolation(PolicyResult.Violation v) {
        String name = MetricDefinitions.name(v.metric()).toLowerCase(Locale.ROOT);
        if (v.undefined() != null || !Double.isFinite(v.value())) {
            if (v.undefined() == UndefinedReason.NO_PRIVILEGED_GROUP) {
                return name + " cannot be evaluated (no privileged group)";
            }
            return name + " is undefined (" + (v.undefined() == null ? "not finite" : v.undefined().words()) + ")";
        }
        if (v.min() != null && v.value() < v.min()) {
            return String.format(Locale.ROOT, "%s is %.3f, below the minimum %s", name, v.value(), trim(v.min()));
        }
        if (v.max() != null && v.value() > v.max()) {
            return String.format(Locale.ROOT, "%s is %.3f, above the maximum %s", name, v.value(), trim(v.max()));
        }
        return v.message();
    }

    private static String trim(double d) {
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** One row of the methods section's provenance table. */
    public static MethodsSection.ProvenanceRow provenanceRow(String what, Provenance p) {
        if (p == null) {
            return new MethodsSection.ProvenanceRow(what, "unknown", null, null, null, null);
        }
        return new MethodsSection.ProvenanceRow(what, p.algorithm(), p.parameters().toString(), p.seed(),
                p.input() == null ? null : p.input().toString(),
                "candor " + p.candorVersion() + ", java " + p.javaVersion() + ", " + p.osName() + "/" + p.osArch());
    }
}
