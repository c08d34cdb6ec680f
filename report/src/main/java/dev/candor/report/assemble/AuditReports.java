package dev.candor.report.assemble;


import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.report.Report;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.report.sections.FairnessSection;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.SummarySection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HTML form of a fairness audit of a predictions file ({@code candor audit --html}): the same
 * page as a full report, with the summary, data, performance-by-group (without curves, which need
 * per-row scores), fairness and methods sections.
 *
 * <pre>{@code
 * AuditResult audit = Audit.builder(yTrue, yPred).attribute("sex", sex, "male").build().run();
 * PolicyResult check = PolicyResult.evaluate(policy, audit);
 * AuditReports.of(audit, policy, "policy.json", check, "preds.csv", "y_true", "1").writeHtml(path);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AuditReports {

    private AuditReports() {
    }

    /**
     * @param audit      the audit
     * @param policy     the policy it was checked against
     * @param policyName the policy's name (for example its file name)
     * @param check      the outcome of the check
     * @param source     what was audited (for example the predictions file name)
     * @param label      the label column
     * @param favorable  the favorable value
     * @return the report
     */
    public static Report of(AuditResult audit, Policy policy, String policyName, PolicyResult check, String source,
                            String label, String favorable) {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(check, "check");
        List<SummarySection.Verdict> verdicts = new ArrayList<>();
        for (AttributeAudit aa : audit.attributes()) {
            verdicts.add(AuditSections.verdict(aa, policy, check));
        }
        GroupMetrics any = GroupMetrics.of(audit.attributes().get(0).metrics().counts());
        double accuracy = any.overall(Rate.ACCURACY).value();
        MetricValue auc = audit.overallScores().get("roc_auc");
        SummarySection summary = new SummarySection("Candor fairness audit", source,
                audit.rows() + " predictions; label " + label + " (favorable value " + favorable + ").",
                "predictions from a file", 0, audit.rows(), accuracy, auc == null ? Double.NaN : auc.value(),
                policyName, check.passed(), verdicts, List.of());
        FairnessSection fairness = AuditSections.fairness(audit, policy, check, 0.95);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", source);
        settings.put("policy", policyName);
        audit.provenance().parameters().forEach((k, v) -> settings.put("audit." + k, v));
        Set<String> keys = new LinkedHashSet<>(List.of("accuracy", "roc_auc", "selection_rate", "base_rate",
                "true_positive_rate", "false_positive_rate", "positive_predictive_value"));
        fairness.attributes().forEach(a -> a.metrics().forEach(m -> keys.add(m.key())));
        fairness.individual().forEach(m -> keys.add(m.key()));
        MethodsSection methods = new MethodsSection(settings,
                List.of(AuditSections.provenanceRow("fairness audit", audit.provenance())), MetricDefinitions.of(keys));
        return Report.builder().summary(summary).data(AuditSections.dataFromAudit(audit, label, favorable))
                .performance(AuditSections.performanceFromAudit(audit, Double.NaN)).fairness(fairness)
                .methods(methods).build();
    }
}
