package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvTable;
import dev.candor.monitor.DatasetProfile;
import dev.candor.cli.pipeline.DriftImportance;
import dev.candor.monitor.DriftAnalysis;
import dev.candor.monitor.DriftRanking;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.FeatureDrift;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ProfileDrift;
import dev.candor.report.DriftHtml;
import dev.candor.report.DriftJson;
import dev.candor.report.ProfileJson;
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
 * <p>With {@code --reference-profile} (a file written by {@code candor profile}) the raw reference
 * is not needed: the features are the profile's (a different {@code --numeric}/{@code --categorical}
 * list is refused, naming the profile's schema fingerprint), the current file is profiled over the
 * profile's bins, and the tests run as {@link dev.candor.monitor.ProfileDrift} describes.
 *
 * <p>With {@code --streaming} both files are read as streams by {@link FeatureStream} (gzip accepted),
 * in memory that does not grow with them: the reference is profiled in two passes (kinds and ranges,
 * then bins, moments, sketches and categories), the current in one over the reference's bins (a
 * first pass too when kinds are inferred), and the profiles are compared as with
 * {@code --reference-profile}: count-based tests exact, {@code ks} from the sketches within the rank
 * bound its warning states, tests that need every value undefined ({@code needs_raw_values}).
 * Streaming is never chosen automatically: without the flag the exact tests read both files whole.
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

    @Option(names = "--reference", paramLabel = "FILE", description = "The reference CSV file.")
    Path reference;

    @Option(names = "--reference-profile", paramLabel = "FILE",
            description = "A reference profile written by 'candor profile', instead of --reference: count-based "
                    + "tests are exact over its bins, ks is approximate from its sketch, tests that need every "
                    + "value are undefined.")
    Path referenceProfile;

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

    @Option(names = "--weight", paramLabel = "COLUMN",
            description = "A column of sample weights (finite, >= 0) in both files; tests without a weighted form "
                    + "are reported undefined. Integer weights act as repeated rows.")
    String weight;

    @Option(names = "--explain-label", paramLabel = "COLUMN",
            description = "Rank the drifted features by drift x importance: train a logistic regression on the "
                    + "reference to predict this column (not a drift feature then), take each feature's mean |SHAP| "
                    + "(KernelSHAP on a seeded sample of reference rows) as its importance, and add 'ranking' to the "
                    + "JSON and a table to the HTML. Also runs jensenshannon on every feature, so each has an effect size.")
    String explainLabel;

    @Option(names = "--favorable", paramLabel = "VALUE", defaultValue = "1",
            description = "The label value of the positive class for --explain-label (default: ${DEFAULT-VALUE}).")
    String favorable;

    @Option(names = "--explain-rows", paramLabel = "N", defaultValue = "100",
            description = "Reference rows explained for --explain-label (default: ${DEFAULT-VALUE}).")
    int explainRows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the model, background and explained rows of --explain-label (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON ('-': standard output).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = "--streaming",
            description = "Read both files as streams in constant memory: the reference is profiled in two passes "
                    + "(ranges, then bins, moments, sketches, categories), the current in one over its bins, and they "
                    + "are compared as with --reference-profile.")
    boolean streaming;

    @Option(names = "--quiet", description = "Print no progress on standard error while --streaming reads a file.")
    boolean quiet;

    @Option(names = "--fail-on-drift", description = "Exit with code 3 when the dataset drifts.")
    boolean failOnDrift;

    @Override
    public Integer call() throws IOException {
        if ((reference == null) == (referenceProfile == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --reference and --reference-profile");
        }
        Path referenceInput = reference != null ? reference : referenceProfile;
        OutputPaths.of().input(reference != null ? "--reference" : "--reference-profile", referenceInput)
                .input("--current", current).output("--json", json).fileOutput("--html", html).check();
        if (streaming) {
            return streamed();
        }
        CsvTable cur = CsvTable.read(current, separator);
        if (cur.rows() == 0) {
            throw new BadInputException(current + ": no data rows");
        }
        if (referenceProfile != null) {
            if (weight != null) {
                throw new ParameterException(spec.commandLine(), "--weight needs the raw reference (--reference): "
                        + "a profile holds unweighted counts");
            }
            if (explainLabel != null) {
                throw new ParameterException(spec.commandLine(), "--explain-label needs the raw reference "
                        + "(--reference) to train a model on");
            }
            return againstProfile(cur);
        }
        CsvTable ref = CsvTable.read(reference, separator);
        if (ref.rows() == 0) {
            throw new BadInputException(reference + ": no data rows");
        }
        Map<String, Boolean> features = FeatureColumns.select(numeric, categorical, List.of(ref, cur));
        double[] refWeights = null;
        double[] curWeights = null;
        if (weight != null) {
            if (features.containsKey(weight) && (numeric.contains(weight) || categorical.contains(weight))) {
                throw new ParameterException(spec.commandLine(), "--weight column '" + weight
                        + "' is also named as a feature");
            }
            features.remove(weight);
            refWeights = weights(ref, weight);
            curWeights = weights(cur, weight);
        }
        if (explainLabel != null) {
            FeatureColumns.requireColumn(ref, reference, explainLabel);
            if (numeric.contains(explainLabel) || categorical.contains(explainLabel)) {
                throw new ParameterException(spec.commandLine(), "--explain-label column '" + explainLabel
                        + "' is also named as a feature");
            }
            features.remove(explainLabel);
            if (features.isEmpty()) {
                throw new BadInputException(reference + ": no feature besides the label '" + explainLabel + "'");
            }
            if (explainRows < 1) {
                throw new ParameterException(spec.commandLine(), "--explain-rows must be >= 1, got " + explainRows);
            }
        }
        DriftAnalysis.Builder b = DriftAnalysis.builder().driftShare(driftShare);
        Map<String, DriftHtml.Distribution> distributions = new LinkedHashMap<>();
        Map<String, double[]> refNumbers = new LinkedHashMap<>();
        Map<String, String[]> refLabels = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> f : features.entrySet()) {
            String name = f.getKey();
            if (f.getValue()) {
                double[] r = FeatureColumns.numbers(ref, name);
                double[] c = FeatureColumns.numbers(cur, name);
                if (refWeights != null) {
                    b.numeric(name, r, refWeights, c, curWeights);
                } else {
                    b.numeric(name, r, c);
                }
                distributions.put(name, Distributions.numeric(name, r, c));
                refNumbers.put(name, r);
            } else {
                String[] r = FeatureColumns.strings(ref, name);
                String[] c = FeatureColumns.strings(cur, name);
                if (refWeights != null) {
                    b.categorical(name, r, refWeights, c, curWeights);
                } else {
                    b.categorical(name, r, c);
                }
                distributions.put(name, Distributions.categorical(name, r, c));
                refLabels.put(name, r);
            }
        }
        applyTests(b);
        if (explainLabel != null) {
            b.tests(EnumSet.of(DriftTest.JENSENSHANNON));
        }
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
        if (explainLabel == null) {
            return write(report, distributions, null, "");
        }
        DriftImportance.Result imp = DriftImportance.compute(List.copyOf(features.keySet()), refNumbers, refLabels,
                explainLabel, FeatureColumns.strings(ref, explainLabel), favorable, explainRows, 100, seed);
        String note = String.format(Locale.ROOT, "importance = mean |SHAP| (KernelSHAP, seed %d) of a %s trained on "
                + "%d reference rows to predict %s = %s, over %d explained reference rows%s.", seed, imp.model(),
                imp.trainedRows(), explainLabel, favorable, imp.explainedRows(),
                imp.skippedRows() > 0 ? "; " + imp.skippedRows() + " rows with a missing value left out" : "");
        return write(report, distributions, report.rankByImportance(imp.importance()), note);
    }

    /**
     * {@code --streaming}: the reference (a file, profiled in two passes, or a profile) and the current
     * file read by {@link FeatureStream}, compared as {@link ProfileDrift} compares profiles.
     */
    private int streamed() throws IOException {
        if (weight != null) {
            throw new ParameterException(spec.commandLine(), "--weight is not available with --streaming: "
                    + "a profile holds unweighted counts");
        }
        if (explainLabel != null) {
            throw new ParameterException(spec.commandLine(), "--explain-label is not available with --streaming: "
                    + "it trains a model on the raw reference");
        }
        if (!correction.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--correction needs the raw reference (--reference "
                    + "without --streaming): its p-value source, ks, is approximate from a profile");
        }
        FeatureStream stream = new FeatureStream(separator, quiet ? null : spec.commandLine().getErr(), "drift");
        DatasetProfile profile;
        if (referenceProfile != null) {
            profile = ProfileJson.read(referenceProfile);
        } else {
            Map<String, FeatureStream.ColumnScan> scans = new LinkedHashMap<>();
            Map<String, Boolean> features = stream.select(numeric, categorical, List.of(reference, current), scans);
            profile = stream.profile(reference, features, scans, new long[1]);
        }
        return againstProfile(profile, window -> {
            stream.requireColumns(current, window.features().keySet());
            stream.fill(current, window);
        });
    }

    /** Fills the current side's empty profile. */
    @FunctionalInterface
    private interface CurrentFiller {
        void fill(DatasetProfile window) throws IOException;
    }

    /** The features of the profile, the current file profiled over its bins, compared count by count. */
    private int againstProfile(CsvTable cur) throws IOException {
        return againstProfile(ProfileJson.read(referenceProfile), window -> {
            for (FeatureProfile f : window.features().values()) {
                FeatureColumns.requireColumn(cur, current, f.feature());
                if (f.kind() == FeatureKind.NUMERIC) {
                    for (double v : FeatureColumns.numbers(cur, f.feature())) {
                        f.add(v);
                    }
                } else {
                    for (String v : FeatureColumns.strings(cur, f.feature())) {
                        f.add(v);
                    }
                }
            }
        });
    }

    private int againstProfile(DatasetProfile profile, CurrentFiller filler) throws IOException {
        Path source = referenceProfile != null ? referenceProfile : reference;
        if (!numeric.isEmpty() || !categorical.isEmpty()) {
            Map<String, Boolean> asked = new LinkedHashMap<>();
            numeric.forEach(n -> asked.put(n, true));
            categorical.forEach(c -> asked.put(c, false));
            Map<String, Boolean> profiled = new LinkedHashMap<>();
            profile.features().forEach((k, v) -> profiled.put(k, v.kind() == FeatureKind.NUMERIC));
            if (!asked.equals(profiled)) {
                throw new BadInputException(source + ": the profile's schema (fingerprint "
                        + profile.schemaFingerprint().hash() + ") has the features " + kinds(profiled)
                        + ", but --numeric/--categorical ask for " + kinds(asked)
                        + "; profile the reference again with these features");
            }
        }
        ProfileDrift.Builder b = DriftAnalysis.againstProfile(profile).driftShare(driftShare);
        EnumSet<DriftTest> chosen = chosenTests();
        if (chosen == null) {
            b.allTests();
        } else {
            b.tests(chosen);
        }
        if (!correction.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--correction needs the raw reference (--reference): "
                    + "its p-value source, ks, is approximate from a profile");
        }
        ProfileDrift drift = b.build();
        DatasetProfile window = drift.emptyCurrent();
        filler.fill(window);
        DriftReport report;
        try {
            report = drift.compare(window);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + " vs " + current + ": " + e.getMessage(), e);
        }
        Map<String, DriftHtml.Distribution> distributions = new LinkedHashMap<>();
        for (FeatureProfile f : profile.features().values()) {
            distributions.put(f.feature(), Distributions.ofProfiles(f, window.feature(f.feature())));
        }
        return write(report, distributions, null, "");
    }

    /** The weight column: every value a finite number >= 0, else bad input naming file, line and column. */
    private static double[] weights(CsvTable t, String column) {
        FeatureColumns.requireColumn(t, t.file(), column);
        double[] w = FeatureColumns.numbers(t, column);
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0)) {
                throw t.error(i, column, Double.isNaN(w[i]) ? "the weight is missing" : "weight " + w[i]
                        + " is negative; weights must be finite and >= 0");
            }
        }
        return w;
    }

    private static String kinds(Map<String, Boolean> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + " (" + (v ? "numeric" : "categorical") + ")"));
        return out.toString();
    }

    private int write(DriftReport report, Map<String, DriftHtml.Distribution> distributions,
            List<DriftRanking> ranking, String rankingNote) throws IOException {
        boolean jsonToStdout = OutputPaths.isStdout(json);
        PrintWriter out = spec.commandLine().getOut();
        String text = ranking == null ? DriftJson.toJson(report) : DriftJson.toJson(report, ranking);
        Path refPath = reference != null ? reference : referenceProfile;
        if (html != null) {
            AtomicFiles.writeString(html, DriftHtml.page(report, refPath.getFileName() + " (reference) vs "
                    + current.getFileName() + " (current)", distributions,
                    ranking == null ? List.of() : ranking, rankingNote));
        }
        if (jsonToStdout) {
            out.print(text);
        } else {
            if (json != null) {
                AtomicFiles.writeString(json, text);
            }
            summary(out, report);
            if (ranking != null) {
                out.println("drifted features by drift x importance:");
                for (DriftRanking r : ranking) {
                    out.printf(Locale.ROOT, "  %-24s score %.4g (effect %.4g by %s, importance %.4g)%n", r.feature(),
                            r.score(), r.effect(), r.effectTest().key(), r.importance());
                }
            }
        }
        out.flush();
        return failOnDrift && report.dataset().datasetDrift() ? CandorCli.EXIT_POLICY_VIOLATION : CandorCli.EXIT_OK;
    }

    private void applyTests(DriftAnalysis.Builder b) {
        EnumSet<DriftTest> chosen = chosenTests();
        if (chosen == null) {
            b.allTests();
        } else {
            b.tests(chosen);
        }
    }

    /** @return the tests named by --tests, or {@code null} for all */
    private EnumSet<DriftTest> chosenTests() {
        switch (tests) {
            case "default" -> {
                return EnumSet.noneOf(DriftTest.class);
            }
            case "all" -> {
                return null;
            }
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
                return chosen;
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
