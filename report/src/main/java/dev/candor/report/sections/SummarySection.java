package dev.candor.report.sections;

import java.util.List;
import java.util.Objects;

/**
 * The first thing a reviewer reads: what was audited, how well the model does overall, and a
 * verdict per protected attribute against the fairness policy.
 *
 * @param title              the report's title
 * @param dataset            the dataset's name, for example {@code synthetic-credit}
 * @param datasetDescription one sentence about the dataset and its label
 * @param model              the model's name, for example {@code logistic regression}
 * @param trainRows          rows the model was trained on
 * @param testRows           rows the report evaluates (the held-out test split)
 * @param accuracy           accuracy on the test rows
 * @param auc                area under the ROC curve on the test rows (NaN if one class only)
 * @param policy             the policy's name, for example {@code default}
 * @param passed             true if every attribute passes the policy
 * @param verdicts           one verdict per protected attribute
 * @param findings           other key findings in sentences (mitigation effect, likely proxies)
 * @since 0.1.0
 */
public record SummarySection(String title, String dataset, String datasetDescription, String model, long trainRows,
                             long testRows, double accuracy, double auc, String policy, boolean passed,
                             List<Verdict> verdicts, List<String> findings) {

    public SummarySection {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
    }

    /**
     * @param newFindings the findings
     * @return a copy with these findings
     */
    public SummarySection withFindings(List<String> newFindings) {
        return new SummarySection(title, dataset, datasetDescription, model, trainRows, testRows, accuracy, auc,
                policy, passed, verdicts, newFindings);
    }

    /**
     * The policy verdict for one protected attribute.
     *
     * @param attribute    the protected attribute
     * @param privileged   its privileged (reference) group
     * @param passed       true if no policy rule is violated
     * @param failing      the keys of the violated metrics (empty when passed)
     * @param explanation  the verdict in a sentence a reviewer understands
     */
    public record Verdict(String attribute, String privileged, boolean passed, List<String> failing,
                          String explanation) {
        public Verdict {
            Objects.requireNonNull(attribute, "attribute");
            failing = List.copyOf(failing);
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
