package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvTable;
import dev.candor.datasets.DataFormatException;
import dev.candor.fairness.mitigation.CalibratedEqOddsPostprocessing;
import dev.candor.fairness.mitigation.CostConstraint;
import dev.candor.fairness.mitigation.EqOddsPostprocessing;
import dev.candor.fairness.mitigation.ExpectedRates;
import dev.candor.fairness.mitigation.MitigationComparison;
import dev.candor.fairness.mitigation.PostProcessor;
import dev.candor.fairness.mitigation.RejectOptionClassification;
import dev.candor.fairness.mitigation.ThresholdConstraint;
import dev.candor.fairness.mitigation.ThresholdObjective;
import dev.candor.fairness.mitigation.ThresholdOptimizer;
import dev.candor.report.MitigationJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code candor mitigate}: post-processing bias mitigation of a predictions file — fairlearn's
 * ThresholdOptimizer or AIF360's reject option classification, equalized-odds or calibrated
 * equalized-odds post-processing (see {@link PostProcessor}).
 *
 * <p>Fits on the file's labels, scores and protected attribute, then writes (with {@code --out}) every
 * input record unchanged plus two last columns: {@code favorable_probability}, each row's probability of
 * a favorable decision, and {@code decision}, a decision drawn with {@code --seed} (the same for the same
 * seed and row). With {@code --json} it writes what was learned, under the reference library's names,
 * with the expected rates on the file. A summary table of the rates before (score ≥ 0.5) and after goes
 * to standard output. Bad input — a missing column, a score outside [0, 1], a label with a third value, a
 * group with one label value, {@code --out} equal to {@code --data} — exits with code 2 and writes nothing.
 *
 * @since 0.1.0
 */
@Command(name = "mitigate",
        mixinStandardHelpOptions = true,
        description = {"Post-processing mitigation of a predictions file: group-specific (randomized) decisions "
                + "that satisfy a fairness constraint, without retraining the model.",
            "Writes the data plus favorable_probability and a seeded decision (--out) and the learned rules (--json)."})
public final class MitigateCommand implements Callable<Integer> {

    /** The name of the appended probability column. */
    static final String PROBABILITY_COLUMN = "favorable_probability";
    /** The name of the appended decision column. */
    static final String DECISION_COLUMN = "decision";

    /** The methods, by their command-line names; each knows how to fit itself from the options. */
    enum Method {
        THRESHOLD_OPTIMIZER("threshold-optimizer") {
            @Override
            PostProcessor fit(MitigateCommand c, double[] s, int[] y, String[] g) {
                return ThresholdOptimizer.builder().constraint(ThresholdConstraint.of(c.constraint))
                        .objective(ThresholdObjective.of(c.objective)).fit(s, y, g);
            }
        },
        REJECT_OPTION("reject-option") {
            @Override
            PostProcessor fit(MitigateCommand c, double[] s, int[] y, String[] g) {
                return RejectOptionClassification.builder().privileged(c.privileged()).fit(s, y, g);
            }
        },
        EQ_ODDS("eq-odds") {
            @Override
            PostProcessor fit(MitigateCommand c, double[] s, int[] y, String[] g) {
                return EqOddsPostprocessing.builder(c.privileged()).fit(s, y, g);
            }
        },
        CALIBRATED_EQ_ODDS("calibrated-eq-odds") {
            @Override
            PostProcessor fit(MitigateCommand c, double[] s, int[] y, String[] g) {
                return CalibratedEqOddsPostprocessing.builder(c.privileged())
                        .costConstraint(CostConstraint.of(c.costConstraint)).fit(s, y, g);
            }
        };

        final String key;

        Method(String key) {
            this.key = key;
        }

        abstract PostProcessor fit(MitigateCommand c, double[] scores, int[] labels, String[] groups);

        boolean needsPrivileged() {
            return this != THRESHOLD_OPTIMIZER;
        }
    }

    /** Converts {@code --method} by its hyphenated name. */
    static final class MethodConverter implements ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            for (Method m : Method.values()) {
                if (m.key.equals(value)) {
                    return m;
                }
            }
            throw new TypeConversionException("expected one of " + Arrays.stream(Method.values()).map(m -> m.key)
                    .toList() + ", got '" + value + "'");
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    DataFileOptions file = new DataFileOptions();

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "the true label column")
    String label;

    @Option(names = "--score", required = true, paramLabel = "COLUMN",
            description = "the model's score column: P(favorable), in [0, 1]")
    String score;

    @picocli.CommandLine.Mixin
    ProtectedOptions prot = new ProtectedOptions();

    @Option(names = "--favorable", defaultValue = "1", paramLabel = "VALUE",
            description = "the favorable label value (default: ${DEFAULT-VALUE})")
    String favorable;

    @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class,
            description = "threshold-optimizer (fairlearn), reject-option, eq-odds or calibrated-eq-odds (AIF360); "
                    + "required unless --compare")
    Method method;

    @Option(names = "--compare",
            description = "also compare the unmitigated model and all four methods: fit on a seeded, stratified "
                    + "part of the file and report accuracy and fairness metrics with bootstrap intervals on the "
                    + "rest (needs --privileged)")
    boolean compare;

    @Option(names = "--holdout-fraction", defaultValue = "0.5", paramLabel = "F",
            description = "--compare: the share of each (group, label) cell held out for evaluation "
                    + "(default: ${DEFAULT-VALUE})")
    double holdoutFraction;

    @Option(names = "--constraint", paramLabel = "NAME",
            description = "threshold-optimizer: demographic_parity (default), equalized_odds, "
                    + "true_positive_rate_parity, false_positive_rate_parity, true_negative_rate_parity, "
                    + "false_negative_rate_parity")
    String constraint;

    @Option(names = "--objective", paramLabel = "NAME",
            description = "threshold-optimizer: accuracy_score (default), balanced_accuracy_score, selection_rate, "
                    + "true_positive_rate, true_negative_rate")
    String objective;

    @Option(names = "--cost-constraint", paramLabel = "fnr|fpr|weighted",
            description = "calibrated-eq-odds: the cost to equalize (default weighted)")
    String costConstraint;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N",
            description = "seed of the randomized decisions (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the data with the two new columns")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "where to write the learned rules as JSON")
    Path json;

    private String[] privileged() {
        return prot.privilegedOf(prot.requireColumns().get(0));
    }

    @Override
    public Integer call() throws IOException {
        Path data = file.data;
        List<String> cols = prot.requireColumns();
        if (cols.size() != 1) {
            throw new ParameterException(spec.commandLine(), "mitigate takes one --protected column, got " + cols);
        }
        String attribute = cols.get(0);
        checkOptions();
        OutputPaths.of().input("--data", data).fileOutput("--out", out).fileOutput("--json", json).check();
        for (Path p : new Path[] {out, json}) {
            if (p != null) {
                AtomicFiles.check(p);
            }
        }
        CsvTable raw = CsvTable.read(data, file.separator);
        for (String c : new String[] {PROBABILITY_COLUMN, DECISION_COLUMN}) {
            if (out != null && raw.hasColumn(c)) {
                throw new DataFormatException(data, raw.headerLine(), c, "already has a column '" + c
                        + "', which mitigate appends");
            }
        }
        int n = raw.rows();
        int li = raw.column(label);
        int si = raw.column(score);
        int gi = raw.column(attribute);
        int[] labels = readLabels(raw, li);
        double[] scores = new double[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            String s = raw.require(i, si);
            try {
                scores[i] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw raw.error(i, score, "'" + s + "' is not a number");
            }
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw raw.error(i, score, "score " + s + " is not a probability in [0, 1]");
            }
            groups[i] = raw.require(i, gi);
        }
        MitigationComparison comparison = compare ? compareAll(data, scores, labels, groups) : null;
        if (method == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("attribute", attribute);
            body.put("data", data.toString());
            body.put("rows", n);
            body.put("comparison", comparison.asMap());
            if (json != null) {
                AtomicFiles.writeString(json, MitigationJson.toJson(body, null));
            }
            printComparison(comparison);
            return 0;
        }
        PostProcessor pp;
        double[] q;
        try {
            pp = method.fit(this, scores, labels, groups);
            q = pp.favorableProbability(scores, groups);
        } catch (BadInputException e) {
            throw new BadInputException(data + ": " + e.getMessage(), e);
        }
        int[] decisions = PostProcessor.decisions(q, seed);
        double[] before = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        List<Map.Entry<String, ExpectedRates>> rb = rates(before, labels, groups);
        List<Map.Entry<String, ExpectedRates>> ra = rates(q, labels, groups);

        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (json != null) {
            Map<String, Object> body = jsonBody(pp, attribute, data, n, ra);
            if (comparison != null) {
                body.put("comparison", comparison.asMap());
            }
            files.put(json, MitigationJson.toJson(body, pp.provenance())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (out != null) {
            files.put(out, withColumns(raw, q, decisions).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        AtomicFiles.writeAll(files);
        printSummary(pp, attribute, data, n, rb, ra);
        if (comparison != null) {
            printComparison(comparison);
        }
        return 0;
    }

    /**
     * Fits every method on a stratified part of the rows and compares them, with the unmitigated
     * model (score ≥ 0.5), on the held-out rest.
     */
    private MitigationComparison compareAll(Path data, double[] scores, int[] labels, String[] groups) {
        boolean[] held = holdOut(labels, groups);
        int h = 0;
        for (boolean b : held) {
            h += b ? 1 : 0;
        }
        int c = scores.length - h;
        double[] cs = new double[c];
        int[] cy = new int[c];
        String[] cg = new String[c];
        double[] hs = new double[h];
        int[] hy = new int[h];
        String[] hg = new String[h];
        for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
            if (held[i]) {
                hs[b] = scores[i];
                hy[b] = labels[i];
                hg[b++] = groups[i];
            } else {
                cs[a] = scores[i];
                cy[a] = labels[i];
                cg[a++] = groups[i];
            }
        }
        try {
            MitigationComparison.Builder b = MitigationComparison.builder(privileged()).seed(seed)
                    .addThreshold("unmitigated", 0.5);
            for (Method m : Method.values()) {
                b.add(m.key, m.fit(this, cs, cy, cg));
            }
            return b.compare(hs, hy, hg);
        } catch (BadInputException e) {
            throw new BadInputException(data + " (--compare, fitted on " + c + " rows, evaluated on " + h
                    + "): " + e.getMessage(), e);
        }
    }

    /** A seeded stratified hold-out: in each (group, label) cell, round(fraction · size) rows, never all. */
    private boolean[] holdOut(int[] labels, String[] groups) {
        Map<String, List<Integer>> cells = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            cells.computeIfAbsent(labels[i] + ":" + groups[i], k -> new java.util.ArrayList<>()).add(i);
        }
        boolean[] held = new boolean[labels.length];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (List<Integer> rows : cells.values()) {
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            int k = (int) Math.min(rows.size() - 1, Math.round(holdoutFraction * rows.size()));
            for (int i = 0; i < k; i++) {
                held[rows.get(i)] = true;
            }
        }
        return held;
    }

    private void printComparison(MitigationComparison c) {
        PrintWriter o = spec.commandLine().getOut();
        o.println("Comparison on held-out rows (fitted on the others):");
        o.println(c);
        if (json != null && method == null) {
            o.printf(Locale.ROOT, "wrote %s%n", json);
        }
        o.flush();
    }

    private void checkOptions() {
        if (method == null && !compare) {
            throw new ParameterException(spec.commandLine(), "give --method, --compare, or both");
        }
        if (method == null && out != null) {
            throw new ParameterException(spec.commandLine(), "--out writes the decisions of one --method");
        }
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new ParameterException(spec.commandLine(), "--holdout-fraction must be in (0, 1), got "
                    + holdoutFraction);
        }
        if (compare && privileged().length == 0) {
            throw new ParameterException(spec.commandLine(), "--compare evaluates AIF360's methods too: give "
                    + "--privileged " + prot.requireColumns().get(0) + "=VALUE");
        }
        Method m = method == null ? Method.THRESHOLD_OPTIMIZER : method;
        if (!compare && m != Method.THRESHOLD_OPTIMIZER && (constraint != null || objective != null)) {
            throw new ParameterException(spec.commandLine(), "--constraint and --objective apply to "
                    + "--method threshold-optimizer only");
        }
        if (!compare && m != Method.CALIBRATED_EQ_ODDS && costConstraint != null) {
            throw new ParameterException(spec.commandLine(), "--cost-constraint applies to --method "
                    + "calibrated-eq-odds only");
        }
        if (constraint == null) {
            constraint = ThresholdConstraint.DEMOGRAPHIC_PARITY.key();
        }
        if (objective == null) {
            objective = ThresholdObjective.ACCURACY_SCORE.key();
        }
        if (costConstraint == null) {
            costConstraint = CostConstraint.WEIGHTED.key();
        }
        if (m.needsPrivileged() && privileged().length == 0) {
            throw new ParameterException(spec.commandLine(), "--method " + m.key + " compares a privileged "
                    + "group with all others: give --privileged " + prot.requireColumns().get(0) + "=VALUE");
        }
    }

    /** Labels as 1 (favorable) or 0, refusing a third value. */
    private int[] readLabels(CsvTable raw, int li) {
        int[] y = new int[raw.rows()];
        String other = null;
        for (int i = 0; i < y.length; i++) {
            String v = raw.require(i, li);
            if (v.equals(favorable)) {
                y[i] = 1;
                continue;
            }
            if (other == null) {
                other = v;
            } else if (!other.equals(v)) {
                throw raw.error(i, label, "label '" + v + "' is a third value (favorable '" + favorable
                        + "', unfavorable '" + other + "'); mitigation needs a binary label");
            }
        }
        return y;
    }

    private Map<String, Object> jsonBody(PostProcessor pp, String attribute, Path data, int rows,
                                         List<Map.Entry<String, ExpectedRates>> after) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> d = pp.describe();
        m.put("method", d.get("method"));
        m.put("attribute", attribute);
        d.forEach((k, v) -> {
            if (!k.equals("method")) {
                m.put(k, v);
            }
        });
        m.put("data", data.toString());
        m.put("rows", rows);
        m.put("seed", seed);
        Map<String, Object> expected = new LinkedHashMap<>();
        Map<String, Object> groups = new LinkedHashMap<>();
        expected.put("overall", after.get(0).getValue().asMap());
        after.subList(1, after.size()).forEach(e -> groups.put(e.getKey(), e.getValue().asMap()));
        expected.put("groups", groups);
        m.put("expected", expected);
        return m;
    }

    /** The overall rates first (as "overall"), then each group's. */
    private static List<Map.Entry<String, ExpectedRates>> rates(double[] q, int[] labels, String[] groups) {
        List<Map.Entry<String, ExpectedRates>> out = new java.util.ArrayList<>();
        out.add(Map.entry("overall", ExpectedRates.overall(q, labels, 1)));
        out.addAll(ExpectedRates.byGroup(q, labels, 1, groups).entrySet());
        return out;
    }

    private String withColumns(CsvTable raw, double[] q, int[] decisions) {
        String sep = String.valueOf(file.separator);
        StringBuilder sb = new StringBuilder();
        sb.append(raw.hasByteOrderMark() ? "\uFEFF" + raw.headerText() : raw.headerText()).append(sep)
                .append(PROBABILITY_COLUMN).append(sep).append(DECISION_COLUMN).append(raw.lineEnding());
        for (int i = 0; i < q.length; i++) {
            sb.append(raw.recordText(i)).append(sep).append(q[i]).append(sep).append(decisions[i])
                    .append(raw.lineEnding());
        }
        return sb.toString();
    }

    private void printSummary(PostProcessor pp, String attribute, Path data, int rows,
                              List<Map.Entry<String, ExpectedRates>> before,
                              List<Map.Entry<String, ExpectedRates>> after) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s on %s: %d rows, label %s (favorable %s), score %s, protected %s%n", pp.method(),
                data, rows, label, favorable, score, attribute);
        o.println(pp);
        int w = "group".length();
        for (Map.Entry<String, ExpectedRates> e : after) {
            w = Math.max(w, e.getKey().length());
        }
        String fmt = "%-" + w + "s  %17s  %17s  %17s  %17s%n";
        o.printf(Locale.ROOT, fmt, "group", "selection rate", "TPR", "FPR", "accuracy");
        for (int k = 0; k < after.size(); k++) {
            ExpectedRates b = before.get(k).getValue();
            ExpectedRates a = after.get(k).getValue();
            o.printf(Locale.ROOT, fmt, after.get(k).getKey(), arrow(b.selectionRate(), a.selectionRate()),
                    arrow(b.truePositiveRate(), a.truePositiveRate()), arrow(b.falsePositiveRate(), a.falsePositiveRate()),
                    arrow(b.accuracy(), a.accuracy()));
        }
        o.println("(before: score >= 0.5; after: expected over the randomized decisions)");
        if (out != null) {
            o.printf(Locale.ROOT, "wrote %s (last columns %s, %s; seed %d)%n", out, PROBABILITY_COLUMN,
                    DECISION_COLUMN, seed);
        }
        if (json != null) {
            o.printf(Locale.ROOT, "wrote %s%n", json);
        }
        o.flush();
    }

    private static String arrow(double b, double a) {
        return String.format(Locale.ROOT, "%.3f -> %.3f", b, a);
    }
}
