package dev.candor.cli;

import dev.candor.core.BadInputException;
import dev.candor.datasets.DataFormatException;
import dev.candor.fairness.UndefinedMetricException;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.core.AtomicFiles;
import dev.candor.report.assemble.AuditReports;
import dev.candor.fairness.audit.DefaultPolicy;
import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.StreamingAudit;
import dev.candor.report.AuditJson;
import dev.candor.report.RegressionAuditJson;
import dev.candor.report.assemble.RegressionSections;
import dev.candor.report.sections.RegressionSection;
import dev.candor.core.Provenance;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.RegressionSample;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.datasets.PredictionsTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code candor audit}: group fairness audit of a predictions CSV, written as JSON, optionally
 * checked against a policy (exit code 3 on a violation).
 *
 * @since 0.1.0
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audits predictions for group fairness and writes JSON.",
            "Every AIF360 and fairlearn group metric per protected attribute (and",
            "intersection), individual inequality indices and, with --ci, Wilson and",
            "bootstrap intervals and chi-square / Fisher tests of rate gaps. The JSON",
            "goes to --json, or to standard output.",
            "",
            "A classification file is audited in one streaming pass in constant memory",
            "(gzip accepted: FILE.csv.gz), with progress on standard error every two",
            "seconds (--quiet silences it); --in-memory reads it whole instead, as do",
            "--task regression, and --ci with --weights or --score (row-resampled score",
            "intervals). Both give the same JSON.",
            "",
            "Policy file (--policy), JSON:",
            "  {\"undefined\": \"violation\",",
            "   \"rules\": [",
            "     {\"metric\": \"disparate_impact\", \"min\": 0.8},",
            "     {\"metric\": \"equalized_odds_difference\", \"max\": 0.1,",
            "      \"attributes\": [\"race\"]},",
            "     {\"metric\": \"individual.theil_index\", \"max\": 0.2}]}",
            "  metric: a key of an attribute's \"metrics\" block,",
            "          label_metrics.<key> or individual.<key>",
            "  min, max: inclusive bounds; attributes: default all",
            "  undefined: \"violation\" (default) or \"pass\" for null metrics",
            "Violations are listed in the JSON's \"policy\" block and give exit code 3.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, policy passed",
            "1:internal error (--verbose prints the stack trace)",
            "2:bad input (the message names file, line and column)",
            "3:a fairness policy was violated"})
public final class AuditCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DataFileOptions file = new DataFileOptions();

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Column of true labels.")
    String label;

    @Option(names = "--prediction", required = true, paramLabel = "COLUMN",
            description = "Column of predicted labels (with --task regression: numeric predictions).")
    String prediction;

    @Option(names = "--task", defaultValue = "classification", paramLabel = "TASK",
            description = "classification (default): fairness metrics plus a performance block; regression: "
                    + "--label and --prediction are numbers, and error metrics (mean_absolute_error, r2, ...) are "
                    + "reported overall and by group with fairlearn's aggregates (policy keys such as "
                    + "mean_absolute_error_difference).")
    String task;

    @Option(names = "--score", paramLabel = "COLUMN",
            description = "Column of scores (probability of the favorable label) for ROC AUC and log loss.")
    String score;

    /** Without a privileged value, only the between-groups forms are reported for that attribute. */
    @CommandLine.Mixin
    ProtectedOptions prot = new ProtectedOptions();

    @Option(names = "--favorable", defaultValue = "1", paramLabel = "VALUE",
            description = "The favorable label, for labels and predictions alike (default: ${DEFAULT-VALUE}). "
                    + "Given explicitly, every other value is unfavorable; by default a column with more than two "
                    + "values is refused.")
    String favorable;

    @Option(names = "--intersectional",
            description = "Also audit the intersection of all protected attributes (values joined with '&').")
    boolean intersectional;

    @Option(names = "--weights", paramLabel = "COLUMN", description = "Column of non-negative instance weights.")
    String weights;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the JSON here; '-' or no --json: standard output. No output may be an input file.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report of the audit (checked against --policy, "
                    + "or against the default policy: four-fifths rule, |SPD| <= 0.1, EOD <= 0.1, reported only; "
                    + "with --task regression: errors and residual plots by group, checked against --policy).")
    Path html;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON with metric bounds (see above).")
    Path policy;

    @Option(names = "--ci", description = "Add Wilson intervals of group rates, bootstrap intervals of metrics and "
            + "chi-square / Fisher tests of rate gaps (with --score also of roc_auc, average_precision, log_loss and "
            + "brier_score_loss; with --task regression, bootstrap intervals of the error metrics).")
    boolean ci;

    @Option(names = "--resamples", defaultValue = "1000", paramLabel = "N",
            description = "Bootstrap resamples with --ci (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "P",
            description = "Confidence level with --ci (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", defaultValue = "12345", paramLabel = "SEED",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "Print no progress on standard error while a long file is read.")
    boolean quiet;

    @Option(names = "--in-memory",
            description = "Read the whole file into memory before auditing (the array path) instead of auditing it in "
                    + "one streaming pass in constant memory, the default. Intervals with --weights or --score, and "
                    + "--task regression, always read in memory.")
    boolean inMemory;

    @Option(names = "--strict", description = "Fail (exit 2) when any metric is undefined instead of writing null.")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Reads the CSV, runs the audit, writes the JSON and checks the policy.
     *
     * @return 0, or {@link CandorCli#EXIT_POLICY_VIOLATION} when the policy is violated
     * @throws IOException if a file cannot be read or written (exit code 2)
     * @throws IllegalArgumentException on bad input, naming file, line and column (exit code 2)
     */
    @Override
    public Integer call() throws IOException {
        Path data = file.data;
        List<String> protectedColumns = prot.requireColumns();
        OutputPaths.of().input("--data", data).input("--policy", policy)
                .output("--json", json).fileOutput("--html", html).check();
        if (OutputPaths.isStdout(json)) {
            json = null;
        }
        if (json != null) {
            AtomicFiles.check(json);
        }
        if (html != null) {
            AtomicFiles.check(html);
        }
        Policy pol = policy == null ? null : PolicyFiles.read(policy);
        if (pol != null) {
            List<String> audited = new ArrayList<>(protectedColumns);
            if (intersectional) {
                audited.add(String.join("&", protectedColumns));
            }
            PolicyFiles.validate(policy, pol, audited);
        }
        Map<String, String> priv = prot.singlePrivilegedByColumn();
        List<String> needed = new ArrayList<>(List.of(label, prediction));
        for (String p : protectedColumns) {
            if (needed.contains(p)) {
                throw new ParameterException(spec.commandLine(), "--protected " + p
                        + " is given twice or is the label/prediction column");
            }
            needed.add(p);
        }
        if (score != null) {
            needed.add(score);
        }
        if (weights != null) {
            needed.add(weights);
        }
        if (needed.stream().distinct().count() != needed.size()) {
            throw new ParameterException(spec.commandLine(),
                    "the label, prediction, score, weight and protected columns must differ: " + needed);
        }
        if (!List.of("classification", "regression").contains(task)) {
            throw new ParameterException(spec.commandLine(), "--task must be classification or regression, got '"
                    + task + "'");
        }
        if (task.equals("regression") && score != null) {
            throw new ParameterException(spec.commandLine(), "--score is not available with --task regression");
        }
        if (task.equals("classification") && !inMemory && !(ci && (weights != null || score != null))) {
            return streamed(data, protectedColumns, priv, pol);
        }
        PredictionsTable t = PredictionsTable.read(data, needed, file.separator);
        if (task.equals("regression")) {
            return regression(t, protectedColumns, pol);
        }
        int[][] y = t.binaryLabels(label, prediction, favorable, favorableGiven(spec));
        Audit.Builder b = Audit.builder(y[0], y[1])
                .parameter("data", data.getFileName())
                .parameter("label", label)
                .parameter("prediction", prediction)
                .parameter("favorable", favorable);
        for (String p : protectedColumns) {
            String[] values = t.strings(p);
            String pv = priv.get(p);
            if (pv != null && java.util.Arrays.stream(values).noneMatch(pv::equals)) {
                throw new DataFormatException(data, 0, p, "the privileged value '" + pv + "' does not occur; values are "
                        + new java.util.TreeSet<>(Arrays.asList(values)) + " (--privileged " + p + "=" + pv + ")");
            }
            b.attribute(p, values, pv);
        }
        if (intersectional) {
            if (protectedColumns.size() < 2) {
                throw new ParameterException(spec.commandLine(),
                        "--intersectional needs at least two --protected attributes");
            }
            b.intersection(protectedColumns.toArray(String[]::new));
        }
        double[] w = weights == null ? null : t.doubles(weights, "weight", true);
        double[] s = score == null ? null : t.doubles(score, "score", false);
        if (w != null) {
            b.weights(w);
        }
        MeasuredNothing.check(data, protectedColumns.stream().map(t::strings).toList(), protectedColumns, w, weights);
        if (s != null) {
            b.scores(s);
        }
        if (ci) {
            b.intervals(Bootstrap.builder().resamples(resamples).level(level).seed(seed).build());
        }
        b.strict(strict);
        AuditResult result;
        try {
            result = b.build().run();
        } catch (UndefinedMetricException e) {
            // --strict asked for undefined values to be refused: on this data that is bad input.
            throw new BadInputException(data + ": --strict: " + e.getMessage(), e);
        }
        ClassificationSample sample = ClassificationSample.of(y[0], y[1], s, w,
                new ClassificationSample.Columns(label, prediction, score, weights));
        List<GroupAttribute> groups = AuditPerformance.attributes(t, protectedColumns, intersectional);
        List<PerformanceFrame<ClassificationSample>> performance = AuditPerformance.classification(sample, groups);
        Map<String, BootstrapResult> performanceCi = !ci ? Map.of() : AuditPerformance.intervals(
                Bootstrap.builder().resamples(resamples).level(level).seed(seed).build(), y[0], y[1], w, groups,
                sample);
        return report(result, performance, performanceCi, pol);
    }

    /**
     * The audit of a classification file in one pass ({@link AuditStream}), in memory that does not
     * grow with the file: the default for files. Same result, JSON and checks as the in-memory path.
     */
    private int streamed(Path data, List<String> protectedColumns, Map<String, String> priv, Policy pol)
            throws IOException {
        if (intersectional && protectedColumns.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--intersectional needs at least two --protected attributes");
        }
        StreamingAudit.Builder b = StreamingAudit.builder(protectedColumns).intersectional(intersectional)
                .parameter("data", data.getFileName())
                .parameter("label", label)
                .parameter("prediction", prediction)
                .parameter("favorable", favorable)
                .strict(strict);
        Map<String, String> privileged = new java.util.LinkedHashMap<>();
        for (String p : protectedColumns) {
            if (priv.get(p) != null) {
                b.privileged(p, priv.get(p));
                privileged.put(p, priv.get(p));
            }
        }
        if (ci) {
            b.intervals(Bootstrap.builder().resamples(resamples).level(level).seed(seed).build());
        }
        AuditStream.Outcome o;
        try {
            o = new AuditStream(data, file.separator, label, prediction, score, weights, protectedColumns, privileged,
                    favorable, favorableGiven(spec), quiet ? null
                    : AuditStream.printer(spec.commandLine().getErr(), 2_000_000_000L)).run(b);
        } catch (UndefinedMetricException e) {
            throw new BadInputException(data + ": --strict: " + e.getMessage(), e);
        }
        return report(o.result(), o.performance(), o.performanceIntervals(), pol);
    }

    /** Checks the policy and writes the JSON (and HTML): the same for both ways of reading. */
    private int report(AuditResult result, List<PerformanceFrame<ClassificationSample>> performance,
                       Map<String, BootstrapResult> performanceCi, Policy pol) throws IOException {
        Path data = file.data;
        PolicyResult outcome = AuditPerformance.check(pol, policy, performance,
                fairnessRules -> PolicyResult.evaluate(fairnessRules, result));
        String text = AuditJson.toJson(result, outcome, performance, performanceCi);
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            Policy shown = pol == null ? DefaultPolicy.get() : pol;
            String shownName = pol == null ? DefaultPolicy.NAME : policy.getFileName().toString();
            PolicyResult shownCheck = pol == null ? PolicyResult.evaluate(shown, result) : outcome;
            AtomicFiles.writeString(html, AuditReports.of(result, shown, shownName, shownCheck,
                    data.getFileName().toString(), label, favorable).toHtml());
        }
        return finish(text, outcome, () -> summary(out, result, outcome));
    }

    /** Writes the JSON (to --json or standard output) and reports a policy violation by exit code. */
    private int finish(String text, PolicyResult outcome, Runnable summary) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json == null) {
            out.print(text);
        } else {
            AtomicFiles.writeString(json, text);
            summary.run();
        }
        out.flush();
        if (outcome != null && !outcome.passed()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("candor audit: fairness policy violated:");
            outcome.violations().forEach(v -> err.println("  " + v.message()));
            err.flush();
            return CandorCli.EXIT_POLICY_VIOLATION;
        }
        return 0;
    }

    /** {@code --task regression}: error metrics overall and by group, and policy rules on their aggregates. */
    private int regression(PredictionsTable t, List<String> protectedColumns, Policy pol) throws IOException {
        double[] yTrue = t.doubles(label, "target", false);
        double[] yHat = t.doubles(prediction, "prediction", false);
        double[] w = weights == null ? null : t.doubles(weights, "weight", true);
        RegressionSample sample = RegressionSample.of(yTrue, yHat, w,
                new RegressionSample.Columns(label, prediction, weights));
        List<GroupAttribute> attributes = AuditPerformance.attributes(t, protectedColumns, intersectional);
        List<PerformanceFrame<RegressionSample>> frames = AuditPerformance.regression(sample, attributes);
        PolicyResult outcome = AuditPerformance.check(pol, policy, frames, null);
        Map<String, BootstrapResult> intervals = !ci ? Map.of() : AuditPerformance.regressionIntervals(
                Bootstrap.builder().resamples(resamples).level(level).seed(seed).build(), sample, attributes);
        Provenance provenance = AuditPerformance.regressionProvenance(file.data, label, prediction, sample, yTrue,
                yHat, w, attributes);
        String text = RegressionAuditJson.toJson(frames, intervals, outcome, provenance);
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            RegressionSection section = RegressionSections.of(label, sample.rows() + " predictions of " + label
                    + " from column " + prediction + (w == null ? "" : ", weighted by " + weights) + ".", frames,
                    intervals, yTrue, yHat, attributes, seed);
            AtomicFiles.writeString(html, RegressionSections.auditReport(section, outcome,
                    policy == null ? null : policy.getFileName().toString(), file.data.getFileName().toString(),
                    prediction, provenance).toHtml());
        }
        return finish(text, outcome, () -> {
            out.printf("candor audit --task regression: %d rows, %d attribute(s) -> %s%n", sample.rows(),
                    frames.size(), json);
            for (PerformanceFrame<RegressionSample> f : frames) {
                var d = f.derived();
                out.printf(java.util.Locale.ROOT, "  %s: mean_absolute_error_difference=%s r2_difference=%s%n",
                        f.attribute(), d.get("mean_absolute_error_difference"), d.get("r2_difference"));
            }
            if (outcome != null) {
                out.println("  policy: " + (outcome.passed() ? "passed" : outcome.violations().size()
                        + " violation(s)") + " (" + outcome.checked() + " checks)");
            }
        });
    }

    /** @return whether {@code --favorable} was given on the command line (not left to its default) */
    static boolean favorableGiven(CommandLine.Model.CommandSpec spec) {
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        return pr != null && pr.hasMatchedOption("--favorable");
    }

    private void summary(PrintWriter out, AuditResult r, PolicyResult outcome) {
        out.printf("candor audit: %d rows, %d attribute(s) -> %s%n", r.rows(), r.attributes().size(), json);
        for (AttributeAudit a : r.attributes()) {
            var m = a.metrics().metrics();
            StringBuilder sb = new StringBuilder("  ").append(a.name()).append(':');
            for (String k : List.of("disparate_impact", "statistical_parity_difference", "demographic_parity_ratio",
                    "equalized_odds_difference")) {
                if (m.containsKey(k)) {
                    sb.append(' ').append(k).append('=').append(m.get(k).isDefined()
                            ? String.format(java.util.Locale.ROOT, "%.4f", m.get(k).value()) : "undefined");
                }
            }
            out.println(sb);
        }
        if (outcome != null) {
            out.println("  policy: " + (outcome.passed() ? "passed" : outcome.violations().size() + " violation(s)")
                    + " (" + outcome.checked() + " checks)");
        }
    }
}
