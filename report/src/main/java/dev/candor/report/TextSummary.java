package dev.candor.report;

import dev.candor.report.sections.SummarySection;
import java.util.Locale;

/** The plain-text rendering of a report's summary. */
final class TextSummary {

    private TextSummary() {
    }

    static String of(Report r) {
        SummarySection s = r.summary();
        StringBuilder sb = new StringBuilder();
        sb.append(s.title()).append('\n');
        sb.append(String.format(Locale.ROOT, "dataset %s, model %s, %d training rows, %d test rows%n", s.dataset(),
                s.model(), s.trainRows(), s.testRows()));
        sb.append(String.format(Locale.ROOT, "accuracy %s, AUC %s%n", num(s.accuracy()), num(s.auc())));
        sb.append("policy ").append(s.policy()).append(": ").append(s.passed() ? "PASSED" : "FAILED").append('\n');
        for (SummarySection.Verdict v : s.verdicts()) {
            sb.append("  ").append(v.passed() ? "pass " : "FAIL ").append(v.attribute()).append(": ")
                    .append(v.explanation()).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "undefined";
    }
}
