package dev.candor.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A predictions CSV file read into columns of strings, and the conversions an audit needs, each
 * failing with a message that names the file, the line and the column.
 *
 * <p>The file is read by {@link CsvTable}, the reader behind {@link CsvDatasets} too: the first line
 * is the header, fields may be quoted (RFC 4180), values are trimmed, blank lines are skipped, a
 * byte-order mark is ignored, and line numbers are 1-based physical lines of the file. Every problem
 * is a {@link DataFormatException} naming the file, the line and the column, worded as for a dataset.
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
     * Reads the columns that will be used, comma-separated.
     *
     * @param file   the CSV file
     * @param needed the column names to keep
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if a column is missing or given twice in the header, a row has the
     *                             wrong number of fields, or the file has no data rows (see {@link CsvTable})
     */
    public static PredictionsTable read(Path file, List<String> needed) throws IOException {
        return read(file, needed, ',');
    }

    /**
     * Reads the columns that will be used.
     *
     * @param file      the CSV file
     * @param needed    the column names to keep
     * @param separator the field separator
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws DataFormatException as {@link #read(Path, List)}
     */
    public static PredictionsTable read(Path file, List<String> needed, char separator) throws IOException {
        CsvTable t = CsvTable.read(file, separator);
        Map<String, String[]> cols = new LinkedHashMap<>();
        for (String c : needed) {
            cols.put(c, t.values(t.column(c)));
        }
        long[] lines = new long[t.rows()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = t.line(i);
        }
        return new PredictionsTable(file, t.header(), cols, lines);
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
                throw error(i, column, "empty value (missing values are not allowed)");
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
            if (Math.abs(v) > CsvDatasets.MAX_MAGNITUDE) {
                throw error(i, column, what + " " + c[i] + " is too large (beyond 1e100 in magnitude, sums of such "
                        + "values overflow)");
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
        return binaryLabels(labelColumn, predictionColumn, favorable, false);
    }

    /**
     * Maps label and prediction columns to 0/1 with 1 for the favorable value.
     *
     * @param labelColumn        the true label column
     * @param predictionColumn   the prediction column
     * @param favorable          the favorable value
     * @param othersUnfavorable  true when the favorable value was named explicitly, so every other
     *                           value is unfavorable however many there are; false to refuse a
     *                           column with more than two values (see {@link BinaryLabel})
     * @return {@code {yTrue, yPred}}
     * @throws DataFormatException naming file, line, column and the offending value
     */
    public int[][] binaryLabels(String labelColumn, String predictionColumn, String favorable,
                                boolean othersUnfavorable) {
        String[] y = strings(labelColumn);
        String[] p = strings(predictionColumn);
        if (othersUnfavorable) {
            int[][] out = {new int[y.length], new int[p.length]};
            boolean seen = false;
            for (int i = 0; i < y.length; i++) {
                out[0][i] = sameValue(y[i], favorable) ? 1 : 0;
                out[1][i] = sameValue(p[i], favorable) ? 1 : 0;
                seen |= out[0][i] == 1 || out[1][i] == 1;
            }
            if (!seen) {
                throw new DataFormatException(file, 0, labelColumn, "the favorable value '" + favorable
                        + "' occurs in neither column '" + labelColumn + "' nor '" + predictionColumn + "'");
            }
            return out;
        }
        BinaryLabel.require(file, labelColumn, favorable, y, i -> lines[i]);
        BinaryLabel.require(file, predictionColumn, favorable, p, i -> lines[i]);
        int[] yt = new int[y.length];
        int[] yp = new int[p.length];
        String[] other = new String[1];
        boolean[] favSeen = new boolean[1];
        encode(y, labelColumn, favorable, yt, other, favSeen);
        encode(p, predictionColumn, favorable, yp, other, favSeen);
        if (!favSeen[0]) {
            throw new DataFormatException(file, 0, labelColumn, "the favorable value '" + favorable + "' occurs in neither column '"
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
            throw new IllegalArgumentException("column '" + name + "' was not read from " + file + "; read " + columns.keySet());
        }
        return c;
    }

    private DataFormatException error(int row, String column, String what) {
        return new DataFormatException(file, lines[row], column, what);
    }
}
