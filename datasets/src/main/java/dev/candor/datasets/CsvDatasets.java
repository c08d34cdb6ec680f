package dev.candor.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV file into a {@link Dataset} according to a {@link CsvSpec}. The file is read by
 * {@link CsvTable} (UTF-8, a header line, RFC 4180 quoting, a configurable separator), the same reader
 * as {@link PredictionsTable}'s, so both accept the same files and word their errors alike.
 *
 * <p>Values are trimmed; blank lines are skipped. Every problem is a {@link DataFormatException}
 * naming the file, the 1-based line and the column: an empty file or a file with a header only; a
 * spec column missing from the header, or a used column name that appears twice; a row with more or
 * fewer fields than the header; an empty cell in a used column (missing values are never filled
 * in); a number that does not parse, or is NaN or infinite; a label value outside the declared
 * ones; a categorical value outside declared levels; a negative weight; a favorable label value or
 * a privileged value that occurs in no row (a typo would otherwise give an all-unfavorable label or
 * an attribute without a privileged group); for these two the line is 0; a number beyond
 * {@link #MAX_MAGNITUDE} in magnitude.
 *
 * <p>The kind of a column the spec does not declare is inferred by one documented rule: numeric when
 * every value is a finite number; an error naming the line and column when more than half the values
 * are numbers but one is not (a stray {@code NaN}, {@code n/a} or typo must not silently turn a
 * numeric column into categories); otherwise categorical, except that a text column with more than
 * {@link #ID_LIKE_LEVELS} distinct values, more than half as many as rows (an id, a name), is ignored
 * and reported as id-like. A spec that declares the column decides instead.
 *
 * @since 0.1.0
 */
public final class CsvDatasets {

    private CsvDatasets() {
    }

    /**
     * What happened to one header column.
     *
     * @param column the column name
     * @param role   {@code label}, {@code protected}, {@code weights}, {@code numeric}, {@code categorical}
     *               or {@code ignored}
     * @param inferred whether the role was inferred rather than declared
     * @param reason why (for inferred kinds: the first non-numeric value and its line, or "all values
     *               are numbers")
     */
    public record ColumnReport(String column, String role, boolean inferred, String reason) {
    }

    /**
     * A dataset and the account of how each column was used.
     *
     * @param dataset the dataset
     * @param columns one report per header column, in header order
     */
    public record Result(Dataset dataset, List<ColumnReport> columns) {

        /** Copies the list. */
        public Result {
            columns = List.copyOf(columns);
        }

        /** @return the reports of the columns whose kind was inferred */
        public List<ColumnReport> inferred() {
            return columns.stream().filter(ColumnReport::inferred).toList();
        }
    }

    /**
     * @param file the CSV file
     * @param spec how to read it
     * @return the dataset
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException if its content does not fit the spec (see the class documentation)
     */
    public static Dataset read(Path file, CsvSpec spec) throws IOException {
        return readWithReport(file, spec).dataset();
    }

    /**
     * Like {@link #read(Path, CsvSpec)}, and also reports how every column was used.
     *
     * @param file the CSV file
     * @param spec how to read it
     * @return the dataset and the column report
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException if its content does not fit the spec
     */
    public static Result readWithReport(Path file, CsvSpec spec) throws IOException {
        return readWithReport(CsvTable.read(file, spec.separator()), spec);
    }

    /**
     * Like {@link #readWithReport(Path, CsvSpec)}, on a file already read (for callers that also need
     * the records' source text, as {@code candor reweigh} does). The spec's separator is not used.
     *
     * @param t    the file's cells
     * @param spec how to read them
     * @return the dataset and the column report
     * @throws DataFormatException if the content does not fit the spec
     */
    public static Result readWithReport(CsvTable t, CsvSpec spec) {
        Path file = t.file();
        List<String> header = t.header();
        long headerLine = t.headerLine();
        List<String> declared = new ArrayList<>();
        declared.add(spec.label());
        declared.addAll(spec.numeric());
        declared.addAll(spec.categorical().keySet());
        declared.addAll(spec.protectedAttributes().keySet());
        if (spec.weights() != null) {
            declared.add(spec.weights());
        }
        for (String c : declared) {
            t.column(c);
        }

        // Decide every column's role, in header order.
        List<ColumnReport> report = new ArrayList<>();
        List<Integer> featureCols = new ArrayList<>();
        List<Boolean> featureNumeric = new ArrayList<>();
        int n = t.rows();
        for (int k = 0; k < header.size(); k++) {
            String c = header.get(k);
            if (c.equals(spec.label())) {
                report.add(new ColumnReport(c, "label", false, spec.unfavorable() == null
                        ? "favorable '" + spec.favorable() + "', any other value unfavorable"
                        : "favorable '" + spec.favorable() + "', unfavorable '" + spec.unfavorable() + "'"));
            } else if (c.equals(spec.weights())) {
                report.add(new ColumnReport(c, "weights", false, "declared"));
            } else if (spec.numeric().contains(c) || spec.categorical().containsKey(c)) {
                boolean num = spec.numeric().contains(c);
                report.add(new ColumnReport(c, num ? "numeric" : "categorical", false,
                        spec.protectedAttributes().containsKey(c) ? "declared; also a protected attribute" : "declared"));
                featureCols.add(k);
                featureNumeric.add(num);
            } else if (spec.protectedAttributes().containsKey(c)) {
                report.add(new ColumnReport(c, "protected", false, "privileged " + spec.protectedAttributes().get(c)));
            } else if (spec.inferOtherColumns()) {
                if (t.isDuplicate(c)) {
                    throw new DataFormatException(file, headerLine, c,
                            "column name appears more than once in the header; declare the columns to use");
                }
                String why = null;
                int numbers = 0;
                int firstOther = -1;
                Set<String> distinct = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    String v = t.value(i, k);
                    distinct.add(v);
                    if (isFiniteNumber(v)) {
                        numbers++;
                    } else if (firstOther < 0) {
                        firstOther = i;
                        why = v.isEmpty() ? "line " + t.line(i) + " is empty"
                                : "value '" + v + "' at line " + t.line(i) + " is not a number";
                    }
                }
                if (why != null && 2L * numbers > n) {
                    // Mostly numbers: a stray token (NaN, n/a, a typo) must not turn the column into categories.
                    String v = t.value(firstOther, k);
                    throw new DataFormatException(file, t.line(firstOther), c, (v.isEmpty() ? "empty value"
                            : "'" + v + "' is not a finite number") + " in a column of numbers (" + numbers + " of "
                            + n + " values are numbers); fix the value, or declare the column categorical "
                            + "(--categorical " + c + ") to read every value as a category");
                }
                if (why != null && distinct.size() > ID_LIKE_LEVELS && 2L * distinct.size() > n) {
                    // An id-like column: as categories it only memorises rows, and its levels are unseen on new rows.
                    report.add(new ColumnReport(c, "ignored", true, "id-like: " + distinct.size()
                            + " distinct values in " + n + " rows (declare it --categorical to use it anyway)"));
                    continue;
                }
                report.add(new ColumnReport(c, why == null ? "numeric" : "categorical", true,
                        why == null ? "all values are numbers" : why));
                featureCols.add(k);
                featureNumeric.add(why == null);
            } else {
                report.add(new ColumnReport(c, "ignored", false, "not in the spec"));
            }
        }

        int m = featureCols.size();
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            int k = featureCols.get(j);
            String c = header.get(k);
            if (featureNumeric.get(j)) {
                features.add(Feature.numeric(c));
                continue;
            }
            List<String> declaredLevels = spec.categorical().getOrDefault(c, List.of());
            if (!declaredLevels.isEmpty()) {
                features.add(Feature.categorical(c, declaredLevels));
                continue;
            }
            TreeSet<String> lv = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                lv.add(t.require(i, k));
            }
            features.add(Feature.categorical(c, List.copyOf(lv)));
        }
        double[][] x = new double[n][m];
        int[] y = new int[n];
        double[] w = spec.weights() == null ? null : new double[n];
        Map<String, String[]> prot = new LinkedHashMap<>();
        spec.protectedAttributes().keySet().forEach(c -> prot.put(c, new String[n]));
        int labelCol = t.column(spec.label());
        for (int i = 0; i < n; i++) {
            long line = t.line(i);
            for (int j = 0; j < m; j++) {
                Feature f = features.get(j);
                String v = t.require(i, featureCols.get(j));
                if (f.isCategorical()) {
                    int code = f.code(v);
                    if (code < 0) {
                        throw new DataFormatException(file, line, f.name(), "'" + v + "' is not one of the declared levels "
                                + f.levels());
                    }
                    x[i][j] = code;
                } else {
                    x[i][j] = number(file, line, f.name(), v);
                }
            }
            String lv = t.value(i, labelCol);
            if (lv.isEmpty()) {
                throw new DataFormatException(file, line, spec.label(), "empty label");
            }
            if (lv.equals(spec.favorable())) {
                y[i] = 1;
            } else if (spec.unfavorable() == null || lv.equals(spec.unfavorable())) {
                y[i] = 0;
            } else {
                throw new DataFormatException(file, line, spec.label(), "'" + lv + "' is not a declared label value "
                        + "(favorable '" + spec.favorable() + "', unfavorable '" + spec.unfavorable() + "')");
            }
            for (Map.Entry<String, String[]> e : prot.entrySet()) {
                String v = t.value(i, t.column(e.getKey()));
                if (v.isEmpty()) {
                    throw new DataFormatException(file, line, e.getKey(), "empty protected attribute value");
                }
                e.getValue()[i] = v;
            }
            if (w != null) {
                double wv = number(file, line, spec.weights(), t.value(i, t.column(spec.weights())));
                if (wv < 0) {
                    throw new DataFormatException(file, line, spec.weights(), "weight " + wv + " is negative");
                }
                w[i] = wv;
            }
        }
        if (spec.binaryLabel() && spec.unfavorable() == null) {
            BinaryLabel.require(file, spec.label(), spec.favorable(), t.values(labelCol), t::line);
        }
        // A favorable or privileged value that never occurs is almost always a typo (Yes / yes);
        // accepting it would silently give an all-unfavorable label or a group-less attribute.
        if (Arrays.stream(y).noneMatch(v -> v == 1)) {
            throw new DataFormatException(file, 0, spec.label(), "the favorable value '" + spec.favorable()
                    + "' does not occur; values are " + distinct(t, labelCol));
        }
        for (Map.Entry<String, Set<String>> e : spec.protectedAttributes().entrySet()) {
            Set<String> seen = new HashSet<>(Arrays.asList(prot.get(e.getKey())));
            for (String pv : e.getValue()) {
                if (!seen.contains(pv)) {
                    throw new DataFormatException(file, 0, e.getKey(), "the privileged value '" + pv
                            + "' does not occur; values are " + distinct(t, t.column(e.getKey())));
                }
            }
        }
        String name = spec.name();
        if (name == null) {
            String fn = file.getFileName() == null ? "csv" : file.getFileName().toString();
            name = fn.contains(".") ? fn.substring(0, fn.lastIndexOf('.')) : fn;
        }
        Dataset.Builder b = Dataset.builder(name).features(features, x).labels(spec.label(), spec.favorable(), y)
                .weights(w);
        for (Map.Entry<String, String[]> e : prot.entrySet()) {
            b.protectedAttribute(new ProtectedAttribute(e.getKey(), e.getValue(),
                    spec.protectedAttributes().get(e.getKey())));
        }
        return new Result(b.build(), report);
    }

    private static List<String> distinct(CsvTable t, int column) {
        TreeSet<String> v = new TreeSet<>();
        for (int i = 0; i < t.rows(); i++) {
            v.add(t.value(i, column));
            if (v.size() > 20) {
                break;
            }
        }
        return List.copyOf(v);
    }

    /** Numbers larger than this in magnitude are refused: squares and sums of them overflow. */
    public static final double MAX_MAGNITUDE = 1e100;

    /**
     * An undeclared text column with more distinct values than this, and more than half as many as
     * rows, is id-like and ignored (reported, never silently): as categories it would only memorise rows.
     */
    public static final int ID_LIKE_LEVELS = 20;

    private static boolean isFiniteNumber(String v) {
        try {
            return !v.isEmpty() && Double.isFinite(Double.parseDouble(v)) && looksNumeric(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Rejects Java-only spellings that parseDouble accepts ("1d", "0x1p3", "NaN"). */
    private static boolean looksNumeric(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (!(Character.isDigit(ch) || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return false;
            }
        }
        return true;
    }

    private static double number(Path file, long line, String column, String v) {
        if (v.isEmpty()) {
            throw new DataFormatException(file, line, column, "empty value (missing values are not allowed)");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "'" + v + "' is not a number");
        }
        if (!Double.isFinite(d) || !looksNumeric(v)) {
            throw new DataFormatException(file, line, column, "'" + v + "' is not a finite number");
        }
        if (Math.abs(d) > MAX_MAGNITUDE) {
            throw new DataFormatException(file, line, column, "'" + v + "' is too large: numbers beyond 1e100 in "
                    + "magnitude overflow the statistics computed on them; rescale the column");
        }
        return d;
    }
}
