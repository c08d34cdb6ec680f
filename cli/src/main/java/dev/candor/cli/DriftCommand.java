package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvTable;
import dev.candor.monitor.DriftAnalysis;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.FeatureDrift;
import dev.candor.report.DriftHtml;
import dev.candor.report.DriftJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code candor drift}: per-feature data drift of a current sample against a reference, with
 * Evidently's default test per feature and its dataset verdict (see {@link DriftAnalysis}).
 *
 * <p>Features are the columns named by {@code --numeric} and {@code --categorical}; without either,
 * every column of the reference. A column's kind, unless named, is numeric when every non-missing
 * value in both files is a number, else categorical. Missing values are the empty field and, in
 * numeric columns, {@code NaN}, {@code NA} and {@code ?}; they are counted per side
 * ({@code missing_share}), never dropped silently. A value in a column named {@code --numeric} that
 * is not a number is bad input naming file, line and column (exit 2).
 *
 * <p>Exit codes: 0, or 3 with {@code --fail-on-drift} when the dataset drifts; 2 for bad input.
 *
 * @since 0.1.0
 */
@Command(name = "drift",
        mixinStandardHelpOptions = true,
        description = {"Data drift of a current sample against a reference, feature by feature (Evidently's tests "
                + "with scipy's semantics).",
            "Prints a summary; --json writes every test's value, threshold and verdict, --html a report page."})
public final class DriftCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "The reference CSV file.")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The current CSV file.")
    Path current;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",",
            converter = DataFileOptions.SeparatorConverter.class,
            description = "The field separator of both files (default: '${DEFAULT-VALUE}').")
    char separator = ',';

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMN", description = "Numeric features.")
    List<String> numeric = new ArrayList<>();

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN", description = "Categorical features.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--tests", paramLabel = "default|all|LIST", defaultValue = "default",
            description = "Tests besides each feature's default one: default (none), all, or Evidently names "
                    + "such as ks,psi,wasserstein (default: ${DEFAULT-VALUE}).")
    String tests;

    @Option(names = "--correction", paramLabel = "none|bonferroni|fdr_bh", defaultValue = "none",
            description = "Also report p-values adjusted across features (default: ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--drift-share", paramLabel = "S", defaultValue = "0.5",
            description = "The share of drifted features at which the dataset drifts (default: ${DEFAULT-VALUE}).")
    double driftShare;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON ('-': standard output).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = "--fail-on-drift", description = "Exit with code 3 when the dataset drifts.")
    boolean failOnDrift;

    @Override
    public Integer call() throws IOException {
        OutputPaths.of().input("--reference", reference).input("--current", current)
                .output("--json", json).fileOutput("--html", html).check();
        boolean jsonToStdout = OutputPaths.isStdout(json);
        CsvTable ref = CsvTable.read(reference, separator);
        CsvTable cur = CsvTable.read(current, separator);
        if (ref.rows() == 0) {
            throw new BadInputException(reference + ": no data rows");
        }
        if (cur.rows() == 0) {
            throw new BadInputException(current + ": no data rows");
        }
        Map<String, Boolean> features = FeatureColumns.select(numeric, categorical, List.of(ref, cur));
        DriftAnalysis.Builder b = DriftAnalysis.builder().driftShare(driftShare);
        Map<String, DriftHtml.Distribution> distributions = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> f : features.entrySet()) {
            String name = f.getKey();
            if (f.getValue()) {
                double[] r = FeatureColumns.numbers(ref, name);
                double[] c = FeatureColumns.numbers(cur, name);
                b.numeric(name, r, c);
                distributions.put(name, Distributions.numeric(name, r, c));
            } else {
                String[] r = FeatureColumns.strings(ref, name);
                String[] c = FeatureColumns.strings(cur, name);
                b.categorical(name, r, c);
                distributions.put(name, Distributions.categorical(name, r, c));
            }
        }
        applyTests(b);
        boolean corrected = !correction.equals("none");
        if (corrected) {
            if (!correction.equals("bonferroni") && !correction.equals("fdr_bh")) {
                throw new ParameterException(spec.commandLine(),
                        "--correction must be none, bonferroni or fdr_bh, got '" + correction + "'");
            }
            b.corrections();
        }
        DriftReport report = b.build().run();
        if (corrected) {
            Map<dev.candor.monitor.Correction, Map<String, Double>> kept = new TreeMap<>();
            report.corrections().forEach((k, v) -> {
                if (k.key().equals(correction)) {
                    kept.put(k, v);
                }
            });
            report = new DriftReport(report.referenceRows(), report.currentRows(), report.features(),
                    report.dataset(), kept, report.provenance());
        }
        PrintWriter out = spec.commandLine().getOut();
        String text = DriftJson.toJson(report);
        if (html != null) {
            AtomicFiles.writeString(html, DriftHtml.page(report, reference.getFileName() + " (reference) vs "
                    + current.getFileName() + " (current)", distributions));
        }
        if (jsonToStdout) {
            out.print(text);
        } else {
            if (json != null) {
                AtomicFiles.writeString(json, text);
            }
            summary(out, report);
        }
        out.flush();
        return failOnDrift && report.dataset().datasetDrift() ? CandorCli.EXIT_POLICY_VIOLATION : CandorCli.EXIT_OK;
    }

    private void applyTests(DriftAnalysis.Builder b) {
        switch (tests) {
            case "default" -> { }
            case "all" -> b.allTests();
            default -> {
                EnumSet<DriftTest> chosen = EnumSet.noneOf(DriftTest.class);
                for (String key : tests.split(",")) {
                    DriftTest t = null;
                    for (DriftTest d : DriftTest.values()) {
                        if (d.key().equalsIgnoreCase(key.trim())) {
                            t = d;
                        }
                    }
                    if (t == null) {
                        List<String> known = new ArrayList<>();
                        for (DriftTest d : DriftTest.values()) {
                            known.add(d.key());
                        }
                        throw new ParameterException(spec.commandLine(), "--tests: unknown test '" + key.trim()
                                + "'; tests are default, all or a list of " + known);
                    }
                    chosen.add(t);
                }
                b.tests(chosen);
            }
        }
    }

    private static void summary(PrintWriter out, DriftReport r) {
        out.printf(Locale.ROOT, "dataset drift: %s (%d of %d features drifted, share %.3f, threshold %.2f)%n",
                r.dataset().datasetDrift() ? "YES" : "no", r.dataset().numberOfDriftedColumns(),
                r.dataset().numberOfColumns(), r.dataset().shareOfDriftedColumns(), r.dataset().driftShare());
        for (FeatureDrift f : r.features().values()) {
            var d = f.defaultResult();
            out.printf(Locale.ROOT, "  %-24s %-11s %-18s %s%s%n", f.feature(), f.kind().key(), f.defaultTest().key(),
                    d.defined() ? String.format(Locale.ROOT, "%.4g (threshold %.4g)", d.value(), d.threshold())
                            : "undefined: " + d.undefined().map(u -> u.description()).orElse(""),
                    f.drifted() ? "  DRIFT" : "");
        }
    }
}
