package dev.candor.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A predictions CSV file read into columns of strings, and the conversions an audit needs, each
 * failing with a message that names the file, the line and the column.
 *
 * <p>The first line is the header. Fields may be quoted (RFC 4180, Commons CSV). Line numbers are
 * 1-based and count the header as line 1.
 *
 * @since 0.1.0
 */
public final class PredictionsTable {

    private final Path file;
    private final List<String> header;
    private final Map<String, String[]> columns;
    private final long[] lines;

    private PredictionsTable(Path file, List<String> header, Map<String, String[]> columns, long[] lines) {
        this.file = file;
        this.header = header;
        this.columns = columns;
        this.lines = lines;
    }

    /**
     * Reads the columns that will be used.
     *
     * @param file   the CSV file
     * @param needed the column names to keep
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a column is missing, a row has the wrong number of fields, or
     *                                  the file has no data rows
     */
    public static PredictionsTable read(Path file, List<String> needed) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            Set<String> seen = new HashSet<>();
            for (String h : header) {
                if (!seen.add(h)) {
                    throw new IllegalArgumentException(file + ": line 1: duplicate column '" + h + "'");
                }
            }
            int[] idx = new int[needed.size()];
            for (int j = 0; j < needed.size(); j++) {
                idx[j] = header.indexOf(needed.get(j));
                if (idx[j] < 0) {
                    throw new IllegalArgumentException(file + ": line 1: no column '" + needed.get(j)
                            + "'; the columns are " + header);
                }
            }
            List<String[]> rows = new ArrayList<>();
            List<Long> lineNumbers = new ArrayList<>();
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException(file + ": line " + line + ": " + r.size() + " fields, but the header has "
                            + header.size());
                }
                String[] v = new String[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    v[j] = r.get(idx[j]);
                }
                rows.add(v);
                lineNumbers.add(line);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + ": no data rows");
            }
            Map<String, String[]> cols = new LinkedHashMap<>();
            for (int j = 0; j < idx.length; j++) {
                String[] c = new String[rows.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = rows.get(i)[j];
                }
                cols.put(needed.get(j), c);
            }
            long[] lines = lineNumbers.stream().mapToLong(Long::longValue).toArray();
            return new PredictionsTable(file, header, cols, lines);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        } catch (MalformedInputException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": malformed CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** @return the number of data rows */
    public int rows() {
        return lines.length;
    }

    /** @return every column name of the file */
    public List<String> header() {
        return header;
    }

    /**
     * @param column a column that was read
     * @return its values; missing (empty) values are rejected with file, line and column
     */
    public String[] strings(String column) {
        String[] c = column(column);
        for (int i = 0; i < c.length; i++) {
            if (c[i].isEmpty()) {
                throw error(i, column, "is empty; a value is required");
            }
        }
        return c;
    }

    /**
     * @param column a column of finite numbers
     * @param what   what the numbers are, for messages (e.g. "weight")
     * @param nonNegative whether negative values are rejected
     * @return the values
     */
    public double[] doubles(String column, String what, boolean nonNegative) {
        String[] c = strings(column);
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double v;
            try {
                v = Double.parseDouble(c[i]);
            } catch (NumberFormatException e) {
                throw error(i, column, "'" + c[i] + "' is not a number (" + what + ")");
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw error(i, column, what + " " + c[i] + " is not finite");
            }
            if (nonNegative && v < 0) {
                throw error(i, column, what + " " + c[i] + " is negative");
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * Maps label and prediction columns to 0/1 with 1 for the favorable value. Values equal the
     * favorable one when the strings are equal or both are numbers with the same value ({@code 1}
     * and {@code 1.0}). Together the two columns may hold the favorable value and at most one other.
     *
     * @param labelColumn      the true label column
     * @param predictionColumn the prediction column
     * @param favorable        the favorable value
     * @return {@code {yTrue, yPred}}
     */
    public int[][] binaryLabels(String labelColumn, String predictionColumn, String favorable) {
        String[] y = strings(labelColumn);
        String[] p = strings(predictionColumn);
        int[] yt = new int[y.length];
        int[] yp = new int[p.length];
        String[] other = new String[1];
        boolean[] favSeen = new boolean[1];
        encode(y, labelColumn, favorable, yt, other, favSeen);
        encode(p, predictionColumn, favorable, yp, other, favSeen);
        if (!favSeen[0]) {
            throw new IllegalArgumentException(file + ": the favorable value '" + favorable + "' occurs in neither column '"
                    + labelColumn + "' nor '" + predictionColumn + "' (values seen: '" + other[0]
                    + "'); set --favorable to the favorable label");
        }
        return new int[][] {yt, yp};
    }

    private void encode(String[] v, String column, String favorable, int[] out, String[] other, boolean[] favSeen) {
        for (int i = 0; i < v.length; i++) {
            if (sameValue(v[i], favorable)) {
                out[i] = 1;
                favSeen[0] = true;
            } else if (other[0] == null) {
                other[0] = v[i];
            } else if (!sameValue(v[i], other[0])) {
                throw error(i, column, "value '" + v[i] + "' is a third label value; labels and predictions must be "
                        + "binary: the favorable value '" + favorable + "' and one other (already seen '" + other[0] + "')");
            }
        }
    }

    static boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String[] column(String name) {
        String[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(file + ": column '" + name + "' was not read");
        }
        return c;
    }

    private IllegalArgumentException error(int row, String column, String what) {
        return new IllegalArgumentException(file + ": line " + lines[row] + ", column '" + column + "': " + what);
    }
}
