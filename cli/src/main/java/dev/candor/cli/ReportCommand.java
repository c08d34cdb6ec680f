package dev.candor.cli;

import dev.candor.datasets.CsvDatasets;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.Datasets;
import dev.candor.core.AtomicFiles;
import dev.candor.report.Report;
import dev.candor.cli.pipeline.ReportAssembler;
import dev.candor.fairness.audit.Policy;
import dev.candor.models.ClassifierKind;
import dev.candor.models.RegressorKind;
import dev.candor.cli.pipeline.RegressionReportAssembler;
import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvSpec;
import dev.candor.datasets.PredictionsTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor report}: trains a model on a dataset, audits it, mitigates, explains, and writes a
 * self-contained HTML report (and optionally the JSON with the same numbers).
 *
 * <p>With no data option it uses the built-in synthetic credit data. Output files are checked
 * before any work starts and written atomically at the end, so a failure never leaves a partial
 * report. Exit codes: 0 when the report is written, 3 when it is written and a policy given with
 * {@code --policy} was violated (so a CI pipeline can fail on it, as with {@code candor audit}; the
 * default policy is checked and shown in the report but does not change the exit code), 2 for bad input (unknown dataset, a
 * missing column, a protected attribute with one group, an unwritable output path) with nothing
 * written.
 *
 * @since 0.1.0
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = CandorCli.Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:report written (the default policy's verdict is in the report)",
            "1:internal error (--verbose prints the stack trace)",
            "2:bad input (unknown dataset, missing column, single-group attribute, unwritable output); nothing written",
            "3:report written; the --policy given was violated"},
        description = {"Train a model, audit its fairness, mitigate, explain it, and write a self-contained HTML "
                + "report (and JSON).", "With no data option it runs on the built-in synthetic credit data."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    /** Where the data comes from: a built-in dataset or a CSV file, not both. */
    static final class Source {
        @Option(names = "--dataset", paramLabel = "NAME", converter = DatasetName.class,
                description = "A built-in dataset: synthetic-credit (default), german, adult or compas.")
        String dataset;

        @ArgGroup(exclusive = false)
        DataFileOptions file;
    }

    /** Checks a built-in dataset name while the command line is parsed. */
    static final class DatasetName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String name) {
            if (!Datasets.contains(name)) {
                throw new CommandLine.TypeConversionException("unknown dataset '" + name + "'; use one of "
                        + String.join(", ", Datasets.names()) + ", or --data FILE.csv");
            }
            return name;
        }
    }

    @CommandLine.Mixin
    DatasetSpecOptions csv = new DatasetSpecOptions();

    @CommandLine.Mixin
    ProtectedOptions prot = new ProtectedOptions();

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "logistic", converter = ModelChoice.Converter.class,
            completionCandidates = ModelChoice.Names.class,
            description = "The model: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; on a numeric label, "
                    + "logistic and linear train a linear regression, random-forest a regression forest).")
    ModelChoice model;

    @Option(names = "--task", paramLabel = "TASK",
            description = "classification or regression. Default: regression when the label is numeric with more "
                    + "than two distinct values (with --dataset, --label names one of its numeric features, for "
                    + "example --dataset adult --label hours-per-week), else classification.")
    String task;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
            description = "Share of rows held out for evaluation (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--policy", paramLabel = "policy.json",
            description = "A fairness policy (default: four-fifths rule 0.8 <= DI <= 1.25, |SPD| <= 0.1, "
                    + "equalized odds difference <= 0.1).")
    Path policy;

    @Option(names = "--explain-rows", paramLabel = "N",
            description = "Test rows explained with KernelSHAP; 0 skips explanations (default: 200, or 80 for "
                    + "random-forest, whose predictions cost the most).")
    Integer explainRows;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--out", paramLabel = "report.html", required = true, description = "The HTML report to write.")
    Path out;

    @Option(names = "--json", paramLabel = "report.json",
            description = "Also write the report as JSON ('-': standard output). No output may be an input file.")
    Path json;

    /**
     * Checks the output paths, loads the data, runs every step and writes the report.
     *
     * @return {@link CandorCli#EXIT_POLICY_VIOLATION} when a policy given with {@code --policy} was
     *         violated, else 0
     * @throws IOException              if a file cannot be read or written (exit code 2)
     * @throws IllegalArgumentException on bad input, naming what is wrong (exit code 2)
     */
    @Override
    public Integer call() throws IOException {
        // Check the outputs first: a typo in the path should not cost a full run.
        OutputPaths.of().input("--data", source == null || source.file == null ? null : source.file.data)
                .input("--policy", policy).fileOutput("--out", out).output("--json", json).check();
        boolean jsonToStdout = OutputPaths.isStdout(json);
        if (jsonToStdout) {
            json = null;
        }
        AtomicFiles.check(out);
        if (json != null) {
            AtomicFiles.check(json);
        }
        checkRanges();
        if (regression()) {
            return regressionReport(jsonToStdout);
        }
        ClassifierKind kind = model.kind();
        warmUpCharts();
        Dataset dataset = loadDataset();
        Policy pol = null;
        if (policy != null) {
            pol = PolicyFiles.read(policy);
            PolicyFiles.validate(policy, pol, dataset.protectedAttributes().stream().map(a -> a.name()).toList());
        }
        ReportAssembler.Builder b = ReportAssembler.builder(dataset).model(kind).seed(seed)
                .testFraction(testFraction)
                .explainRows(explainRows != null ? explainRows : kind == ClassifierKind.RANDOM_FOREST ? 80 : 200);
        if (pol != null) {
            b.policy(pol, policy.getFileName().toString());
        }
        TerminalProgress progress = TerminalProgress.forStandardError(quiet);
        b.progress(progress);
        long start = System.nanoTime();
        Report report = b.build().run();
        progress.step("writing " + out + (json == null ? "" : " and " + json));
        report.write(out, json);
        if (jsonToStdout) {
            spec.commandLine().getOut().print(report.toJson());
            spec.commandLine().getOut().flush();
        }
        progress.done();
        if (!quiet) {
            System.err.printf(Locale.ROOT, "candor: report written to %s in %.1f s; policy %s%n", out,
                    (System.nanoTime() - start) / 1e9, report.passed() ? "passed" : policy == null ? "violated"
                            : "violated (exit code " + CandorCli.EXIT_POLICY_VIOLATION + ")");
        }
        return report.passed() || policy == null ? 0 : CandorCli.EXIT_POLICY_VIOLATION;
    }

    /**
     * Loads the font and chart machinery (a one-off cost of a second or more in a fresh JVM) on a
     * background thread while the model trains, instead of at the end.
     */
    private static void warmUpCharts() {
        Thread t = new Thread(() -> dev.candor.report.chart.Charts.limeBars("warmup", "warm-up",
                new String[] {"a"}, new double[] {1}, 1), "candor-chart-warmup");
        t.setDaemon(true);
        t.start();
    }

    private void checkRanges() {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ParameterException(spec.commandLine(), "--test-fraction must be strictly between 0 and 1, got "
                    + testFraction);
        }
        if (explainRows != null && explainRows < 0) {
            throw new ParameterException(spec.commandLine(), "--explain-rows must be >= 0, got " + explainRows);
        }
    }

    /**
     * Whether to train a regressor: {@code --task regression}, or no {@code --task} and a label that is
     * numeric with more than two distinct values (said on standard error, so the choice is never silent).
     */
    private boolean regression() throws IOException {
        if (task != null && !List.of("classification", "regression").contains(task)) {
            throw new ParameterException(spec.commandLine(), "--task must be classification or regression, got '"
                    + task + "'");
        }
        if ("classification".equals(task) || csv.label == null) {
            return false;
        }
        boolean builtIn = source == null || source.file == null;
        if ("regression".equals(task)) {
            return true;
        }
        double[] y;
        String where;
        if (builtIn) {
            Dataset d = Datasets.load(source == null ? "synthetic-credit" : source.dataset);
            if (!d.featureNames().contains(csv.label) || d.features().get(d.featureIndex(csv.label)).isCategorical()) {
                return false;
            }
            y = d.column(csv.label);
            where = "feature '" + csv.label + "' of " + d.name();
        } else {
            PredictionsTable t = PredictionsTable.read(source.file.data, List.of(csv.label), source.file.separator);
            try {
                y = t.doubles(csv.label, "label", false);
            } catch (IllegalArgumentException e) {
                return false;
            }
            where = "label column '" + csv.label + "' of " + source.file.data;
        }
        long distinct = Arrays.stream(y).distinct().limit(3).count();
        if (distinct <= 2) {
            return false;
        }
        spec.commandLine().getErr().println("candor report: " + where + " is numeric with more than two distinct "
                + "values: training a regressor (--task regression; " + (builtIn
                ? "without --label the report is on the dataset's own binary label)"
                : "give --task classification and --favorable VALUE to treat it as a binary label instead)"));
        spec.commandLine().getErr().flush();
        return true;
    }

    /** {@code --task regression}: a regressor's errors and residuals by group, and its explanations. */
    private int regressionReport(boolean jsonToStdout) throws IOException {
        RegressorKind kind = model.regressor();
        if (kind == null) {
            throw new ParameterException(spec.commandLine(), "--model " + model + " is a classifier only; with "
                    + "--task regression use linear or random-forest");
        }
        if (csv.label == null) {
            throw new ParameterException(spec.commandLine(), "--task regression needs --label COLUMN, the numeric "
                    + "target (with --dataset, one of its numeric features, for example --label hours-per-week)");
        }
        warmUpCharts();
        Dataset features;
        double[] y;
        DataFileOptions file = source == null ? null : source.file;
        if (file == null) {
            Dataset d = Datasets.load(source == null ? "synthetic-credit" : source.dataset);
            if (!d.featureNames().contains(csv.label) || d.features().get(d.featureIndex(csv.label)).isCategorical()) {
                throw new ParameterException(spec.commandLine(), "--label " + csv.label + ": " + d.name()
                        + " has no numeric feature of that name; numeric features: " + String.join(", ",
                        d.features().stream().filter(f -> !f.isCategorical()).map(f -> f.name()).toList()));
            }
            y = d.column(csv.label);
            features = keepProtected(d.dropFeatures(csv.label));
        } else {
            prot.requireColumns();
            PredictionsTable t = PredictionsTable.read(file.data, List.of(csv.label), file.separator);
            y = t.doubles(csv.label, "target", false);
            // The target is read above as numbers; the reader's binary label is not used.
            CsvSpec.Builder sb = CsvSpec.builder().label(csv.label, t.strings(csv.label)[0]).binaryLabel(false)
                    .separator(file.separator).inferOtherColumns(true);
            Map<String, Set<String>> priv = prot.privilegedByColumn();
            for (String c : prot.columns) {
                sb.protectedAttribute(c, priv.getOrDefault(c, Set.of()).toArray(String[]::new));
            }
            sb.categorical(csv.categorical.toArray(String[]::new)).numeric(csv.numeric.toArray(String[]::new));
            features = CsvDatasets.readWithReport(file.data, sb.build()).dataset();
            if (features.rows() != y.length) {
                throw new BadInputException(file.data + ": read " + features.rows() + " rows of features but "
                        + y.length + " values of '" + csv.label + "'");
            }
        }
        Policy pol = null;
        if (policy != null) {
            pol = PolicyFiles.read(policy);
        }
        RegressionReportAssembler.Builder b = RegressionReportAssembler.builder(features, csv.label, y).model(kind)
                .seed(seed).testFraction(testFraction)
                .explainRows(explainRows != null ? explainRows : kind == RegressorKind.RANDOM_FOREST ? 40 : 200);
        if (pol != null) {
            b.policy(pol, policy.getFileName().toString());
        }
        TerminalProgress progress = TerminalProgress.forStandardError(quiet);
        b.progress(progress);
        long start = System.nanoTime();
        Report report;
        try {
            report = b.build().run();
        } catch (IllegalArgumentException e) {
            throw e instanceof BadInputException ? e : new BadInputException((policy == null ? "" : policy + ": ")
                    + e.getMessage(), e);
        }
        progress.step("writing " + out + (json == null ? "" : " and " + json));
        report.write(out, json);
        if (jsonToStdout) {
            spec.commandLine().getOut().print(report.toJson());
            spec.commandLine().getOut().flush();
        }
        progress.done();
        if (!quiet) {
            System.err.printf(Locale.ROOT, "candor: regression report written to %s in %.1f s; policy %s%n", out,
                    (System.nanoTime() - start) / 1e9, policy == null ? "none given" : report.passed() ? "passed"
                            : "violated (exit code " + CandorCli.EXIT_POLICY_VIOLATION + ")");
        }
        return report.passed() ? 0 : CandorCli.EXIT_POLICY_VIOLATION;
    }

    /** With --dataset and --protected, keeps only the named protected attributes of the dataset. */
    private Dataset keepProtected(Dataset d) {
        if (prot.columns.isEmpty()) {
            return d;
        }
        List<String> have = d.protectedAttributes().stream().map(a -> a.name()).toList();
        for (String c : prot.columns) {
            if (!have.contains(c)) {
                throw new ParameterException(spec.commandLine(), "--protected " + c + ": " + d.name()
                        + " has the protected attributes " + have);
            }
        }
        Dataset.Builder b = Dataset.builder(d.name()).features(d.features(), d.x())
                .labels(d.labelName(), d.favorableValue(), d.labels());
        for (var pa : d.protectedAttributes()) {
            if (prot.columns.contains(pa.name())) {
                b.protectedAttribute(pa);
            }
        }
        return b.build();
    }

    private Dataset loadDataset() throws IOException {
        DataFileOptions file = source == null ? null : source.file;
        if (file != null) {
            if (csv.label == null) {
                throw new ParameterException(spec.commandLine(), "--data needs --label COLUMN (and --protected COLUMN)");
            }
            prot.requireColumns();
            CsvDatasets.Result r = CsvDatasets.readWithReport(file.data, csv.toSpec(prot, null, file.separator));
            for (CsvDatasets.ColumnReport c : r.columns()) {
                if (c.inferred() && c.role().equals("ignored")) {
                    spec.commandLine().getErr().println("candor report: " + file.data + ": column '" + c.column()
                            + "' is not used: " + c.reason());
                }
            }
            spec.commandLine().getErr().flush();
            return r.dataset();
        }
        if (csv.anyGiven() || prot.anyGiven()) {
            throw new ParameterException(spec.commandLine(), "--label, --protected, --privileged, --categorical and "
                    + "--numeric describe a CSV file; use them with --data FILE.csv");
        }
        return Datasets.load(source == null ? "synthetic-credit" : source.dataset);
    }
}
