package dev.candor.datasets;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (UTF-8, a header line, RFC 4180 quoting, a configurable separator) into a
 * {@link Dataset} according to a {@link CsvSpec}.
 *
 * <p>Values are trimmed; blank lines are skipped. Every problem is a {@link DataFormatException}
 * naming the file, the 1-based line and the column: an empty file or a file with a header only; a
 * spec column missing from the header, or a used column name that appears twice; a row with more or
 * fewer fields than the header; an empty cell in a used column (missing values are never filled
 * in); a number that does not parse, or is NaN or infinite; a label value outside the declared
 * ones; a categorical value outside declared levels; a negative weight; a favorable label value or
 * a privileged value that occurs in no row (a typo would otherwise give an all-unfavorable label or
 * an attribute without a privileged group); for these two the line is 0.
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
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        } catch (MalformedInputException e) {
            throw new DataFormatException(file, 0, null, "is not valid UTF-8 text");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        LineIndex lines = new LineIndex(content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.separator()).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.parse(content, format)) {
            records = p.getRecords();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new DataFormatException(file, 0, null, "is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new DataFormatException(file, 1, null, "the file is empty; expected a header line");
        }
        CSVRecord headerRec = records.get(0);
        long headerLine = lines.lineOf(headerRec.getCharacterPosition());
        String[] header = headerRec.stream().map(String::trim).toArray(String[]::new);
        if (records.size() == 1) {
            throw new DataFormatException(file, headerLine + 1, null, "no data rows after the header");
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> dupes = new HashMap<>();
        for (int k = 0; k < header.length; k++) {
            if (index.putIfAbsent(header[k], k) != null) {
                dupes.put(header[k], k);
            }
        }
        List<String> declared = new ArrayList<>();
        declared.add(spec.label());
        declared.addAll(spec.numeric());
        declared.addAll(spec.categorical().keySet());
        declared.addAll(spec.protectedAttributes().keySet());
        if (spec.weights() != null) {
            declared.add(spec.weights());
        }
        for (String c : declared) {
            if (!index.containsKey(c)) {
                throw new DataFormatException(file, headerLine, c, "column is not in the header; the header has "
                        + Arrays.toString(header));
            }
            if (dupes.containsKey(c)) {
                throw new DataFormatException(file, headerLine, c, "column name appears more than once in the header");
            }
        }
        List<CSVRecord> data = records.subList(1, records.size());
        for (CSVRecord r : data) {
            if (r.size() != header.length) {
                throw new DataFormatException(file, lines.lineOf(r.getCharacterPosition()), null, "has " + r.size()
                        + " fields, the header has " + header.length);
            }
        }

        // Decide every column's role, in header order.
        List<ColumnReport> report = new ArrayList<>();
        List<Integer> featureCols = new ArrayList<>();
        List<Boolean> featureNumeric = new ArrayList<>();
        for (int k = 0; k < header.length; k++) {
            String c = header[k];
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
                if (dupes.containsKey(c) || index.get(c) != k) {
                    throw new DataFormatException(file, headerLine, c,
                            "column name appears more than once in the header; declare the columns to use");
                }
                String why = null;
                for (CSVRecord r : data) {
                    String v = r.get(k);
                    if (!isFiniteNumber(v)) {
                        why = v.isEmpty() ? "line " + lines.lineOf(r.getCharacterPosition()) + " is empty"
                                : "value '" + v + "' at line " + lines.lineOf(r.getCharacterPosition())
                                        + " is not a number";
                        break;
                    }
                }
                report.add(new ColumnReport(c, why == null ? "numeric" : "categorical", true,
                        why == null ? "all values are numbers" : why));
                featureCols.add(k);
                featureNumeric.add(why == null);
            } else {
                report.add(new ColumnReport(c, "ignored", false, "not in the spec"));
            }
        }

        int n = data.size();
        int m = featureCols.size();
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            int k = featureCols.get(j);
            String c = header[k];
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
            for (CSVRecord r : data) {
                String v = r.get(k);
                if (v.isEmpty()) {
                    throw new DataFormatException(file, lines.lineOf(r.getCharacterPosition()), c,
                            "empty value (missing values are not allowed)");
                }
                lv.add(v);
            }
            features.add(Feature.categorical(c, List.copyOf(lv)));
        }
        double[][] x = new double[n][m];
        int[] y = new int[n];
        double[] w = spec.weights() == null ? null : new double[n];
        Map<String, String[]> prot = new LinkedHashMap<>();
        spec.protectedAttributes().keySet().forEach(c -> prot.put(c, new String[n]));
        int labelCol = index.get(spec.label());
        for (int i = 0; i < n; i++) {
            CSVRecord r = data.get(i);
            long line = lines.lineOf(r.getCharacterPosition());
            for (int j = 0; j < m; j++) {
                Feature f = features.get(j);
                String v = r.get(featureCols.get(j));
                if (v.isEmpty()) {
                    throw new DataFormatException(file, line, f.name(), "empty value (missing values are not allowed)");
                }
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
            String lv = r.get(labelCol);
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
                String v = r.get(index.get(e.getKey()));
                if (v.isEmpty()) {
                    throw new DataFormatException(file, line, e.getKey(), "empty protected attribute value");
                }
                e.getValue()[i] = v;
            }
            if (w != null) {
                double wv = number(file, line, spec.weights(), r.get(index.get(spec.weights())));
                if (wv < 0) {
                    throw new DataFormatException(file, line, spec.weights(), "weight " + wv + " is negative");
                }
                w[i] = wv;
            }
        }
        // A favorable or privileged value that never occurs is almost always a typo (Yes / yes);
        // accepting it would silently give an all-unfavorable label or a group-less attribute.
        if (Arrays.stream(y).noneMatch(v -> v == 1)) {
            throw new DataFormatException(file, 0, spec.label(), "the favorable value '" + spec.favorable()
                    + "' does not occur; values are " + distinct(data, labelCol));
        }
        for (Map.Entry<String, Set<String>> e : spec.protectedAttributes().entrySet()) {
            Set<String> seen = new HashSet<>(Arrays.asList(prot.get(e.getKey())));
            for (String pv : e.getValue()) {
                if (!seen.contains(pv)) {
                    throw new DataFormatException(file, 0, e.getKey(), "the privileged value '" + pv
                            + "' does not occur; values are " + distinct(data, index.get(e.getKey())));
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

    private static List<String> distinct(List<CSVRecord> data, int column) {
        TreeSet<String> v = new TreeSet<>();
        for (CSVRecord r : data) {
            v.add(r.get(column));
            if (v.size() > 20) {
                break;
            }
        }
        return List.copyOf(v);
    }

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
        return d;
    }

    /**
     * Maps a record's character offset to the 1-based line where its first field starts (a record's
     * offset can point at the blank lines the parser skipped before it).
     */
    private static final class LineIndex {
        private final int[] starts;
        private final String text;

        LineIndex(String s) {
            this.text = s;
            List<Integer> st = new ArrayList<>();
            st.add(0);
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    st.add(i + 1);
                }
            }
            starts = st.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long offset) {
            int pos = (int) offset;
            while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                pos++;
            }
            int i = Arrays.binarySearch(starts, pos);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
