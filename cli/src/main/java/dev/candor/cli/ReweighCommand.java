package dev.candor.cli;


import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvDatasets;
import dev.candor.datasets.DataFormatException;
import dev.candor.datasets.CsvSpec;
import dev.candor.datasets.CsvTable;
import dev.candor.datasets.Dataset;
import dev.candor.fairness.mitigation.Reweighing;
import dev.candor.fairness.mitigation.ReweighingCell;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import dev.candor.core.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code candor reweigh}: Kamiran–Calders reweighing of a training CSV file (see {@link Reweighing}).
 *
 * <p>Writes the input with one more, last column (default {@code weight}) holding each row's weight.
 * Every input record is copied byte for byte (quoting, spaces and all); only the separator and the
 * weight are appended, and the output uses the input's line ending. Blank lines are dropped. The
 * file is read and checked by the datasets module's CSV reader ({@link CsvDatasets}), so a bad file is
 * reported with its name, line and column, exit code 2.
 *
 * <p>With {@code --privileged} the privileged value(s) are compared with all other values pooled
 * (AIF360's form, four cells); without it every value (or every combination of several
 * {@code --protected} attributes, joined with {@code &}) is its own group. The cell weights are
 * printed as a table.
 *
 * @since 0.1.0
 */
@Command(name = "reweigh",
        mixinStandardHelpOptions = true,
        description = {"Reweighing (Kamiran & Calders): writes the data with a weight column that makes the label "
                + "independent of the protected group.",
            "Each (group, label) cell gets the weight P(group) P(label) / P(group, label)."})
public final class ReweighCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    DataFileOptions file = new DataFileOptions();

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "the label column")
    String label;

    /** Several protected columns are combined into one grouping (a&b); with --privileged the other values are pooled. */
    @picocli.CommandLine.Mixin
    ProtectedOptions prot = new ProtectedOptions();

    @Option(names = "--favorable", defaultValue = "1", paramLabel = "VALUE",
            description = "the favorable label value (default: ${DEFAULT-VALUE}); given explicitly, every other value is "
                    + "unfavorable; by default a label with more than two values is refused")
    String favorable;

    @Option(names = "--prior-weights", paramLabel = "COLUMN",
            description = "a column of existing instance weights to multiply (default: unit weights)")
    String priorWeights;

    @Option(names = "--weight-column", defaultValue = "weight", paramLabel = "NAME",
            description = "name of the appended column (default: ${DEFAULT-VALUE})")
    String weightColumn;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the weighted CSV (its directory must exist; written atomically, never onto --data)")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path data = file.data;
        char separator = file.separator;
        List<String> protectedColumns = prot.requireColumns();
        OutputPaths.of().input("--data", data).fileOutput("--out", out).check();
        AtomicFiles.check(out);
        Map<String, Set<String>> priv = prot.privilegedByColumn();
        if (!priv.isEmpty() && protectedColumns.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--privileged works with one --protected column; with "
                    + "several, every combination is its own group (leave out --privileged)");
        }
        boolean favorableGiven = AuditCommand.favorableGiven(spec);
        CsvSpec.Builder sb = CsvSpec.builder().label(label, favorable).separator(separator).inferOtherColumns(false)
                .binaryLabel(!favorableGiven);
        for (String c : protectedColumns) {
            sb.protectedAttribute(c, priv.getOrDefault(c, Set.of()).toArray(String[]::new));
        }
        if (priorWeights != null) {
            sb.weights(priorWeights);
        }
        CsvTable raw = CsvTable.read(data, separator);
        Dataset d = CsvDatasets.readWithReport(raw, sb.build()).dataset();
        String unfavorable = unfavorable(raw, raw.column(label));
        if (raw.hasColumn(weightColumn)) {
            throw new DataFormatException(data, raw.headerLine(), weightColumn, "already has a column '" + weightColumn
                    + "'; name the new one with --weight-column");
        }

        String[][] columns = new String[protectedColumns.size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = d.protectedAttribute(protectedColumns.get(k)).values();
        }
        MeasuredNothing.check(data, List.of(columns), protectedColumns, d.weights(), priorWeights,
                "reweighing needs at least two groups (with one, every weight would be 1)");
        int favorableRows = java.util.Arrays.stream(d.labels()).sum();
        if (favorableRows == 0 || favorableRows == d.rows()) {
            throw new DataFormatException(data, 0, label, "a single value: " + (favorableRows == 0
                    ? "no row has the favorable label '" + favorable + "'" : "every row has the favorable label '"
                    + favorable + "'") + "; reweighing needs both label values");
        }
        Reweighing.Builder rb = Reweighing.builder().favorable(1);
        if (!priv.isEmpty()) {
            rb.privileged(priv.get(protectedColumns.get(0)));
        }
        Reweighing rw;
        try {
            rw = rb.fit(d.labels(), columns, d.weights());
        } catch (BadInputException e) {
            throw new BadInputException(data + ": " + e.getMessage(), e);
        }
        double[] w = rw.weights();

        String sep = String.valueOf(separator);
        writeWeighted(raw, w, sep, separator);
        printTable(rw, d, unfavorable, data, protectedColumns);
        return 0;
    }

    private void writeWeighted(CsvTable raw, double[] w, String sep, char separator) throws IOException {
        StringWriter buffer = new StringWriter();
        try (Writer wr = buffer) {
            wr.write(raw.hasByteOrderMark() ? "\uFEFF" + raw.headerText() : raw.headerText());
            wr.write(sep);
            wr.write(quoteIfNeeded(weightColumn, separator));
            wr.write(raw.lineEnding());
            for (int i = 0; i < w.length; i++) {
                wr.write(raw.recordText(i));
                wr.write(sep);
                wr.write(Double.toString(w[i]));
                wr.write(raw.lineEnding());
            }
        }
        AtomicFiles.writeString(out, buffer.toString());
    }

    private static String quoteIfNeeded(String name, char separator) {
        if (name.indexOf(separator) >= 0 || name.indexOf('"') >= 0 || name.indexOf('\n') >= 0) {
            return '"' + name.replace("\"", "\"\"") + '"';
        }
        return name;
    }

    /** @return the unfavorable label text: the one other value, or "not X" when there are several */
    private String unfavorable(CsvTable raw, int labelIndex) {
        java.util.Set<String> others = new java.util.TreeSet<>();
        for (int i = 0; i < raw.rows(); i++) {
            String v = raw.value(i, labelIndex);
            if (!v.equals(favorable)) {
                others.add(v);
            }
        }
        return others.size() == 1 ? others.iterator().next() : "not " + favorable;
    }

    private void printTable(Reweighing rw, Dataset d, String unfavorable, Path data, List<String> protectedColumns) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Reweighing of %s: %d rows, label %s (favorable %s), protected %s%s%n", data, d.rows(),
                label, favorable, String.join("&", protectedColumns),
                rw.privilegedValues().isEmpty() ? "" : " (privileged " + String.join(",", rw.privilegedValues()) + ")");
        int gw = "group".length();
        for (ReweighingCell c : rw.cells()) {
            gw = Math.max(gw, describe(c).length());
        }
        int lw = Math.max("label".length(), Math.max(favorable.length(), String.valueOf(unfavorable).length()));
        boolean prior = priorWeights != null;
        String fmt = "%-" + gw + "s  %-" + lw + "s  %8s  " + (prior ? "%14s  " : "%s") + "%s%n";
        o.printf(Locale.ROOT, fmt, "group", "label", "rows", prior ? "prior weight" : "", "weight");
        for (ReweighingCell c : rw.cells()) {
            o.printf(Locale.ROOT, fmt, describe(c), c.favorable() ? favorable : unfavorable, c.rows(),
                    prior ? fmtNumber(c.weightSum()) : "", Double.toString(c.weight()));
        }
        o.printf(Locale.ROOT, "wrote %s (%d rows, last column '%s')%n", out, d.rows(), weightColumn);
        o.flush();
    }

    private static String describe(ReweighingCell c) {
        if (c.members().size() == 1 && c.members().get(0).equals(c.group())) {
            return c.group();
        }
        return c.group() + " " + c.members();
    }

    private static String fmtNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6f", v);
    }
}
