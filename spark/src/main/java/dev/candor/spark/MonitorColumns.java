package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.WindowRow;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where the fields of a monitored row are in a Spark table, and how a table row becomes a
 * {@link WindowRow}, read as {@code candor monitor} reads a CSV cell: a numeric feature is a number,
 * or text that parses as one, with null, empty, {@code NaN}, {@code nan}, {@code NA} and {@code ?}
 * missing; a categorical feature is its text, null or empty missing; a label or prediction is
 * favorable when equal to the favorable value as text or as a number, missing when null or empty; a
 * score must be a probability in [0, 1]; a protected value must be present.
 *
 * <p>The row-index column gives the stable log order that windows by size need (its values are the
 * absolute 0-based row numbers that key the windows, {@code [start:end]}); the time column, read by
 * {@link Windowing#parse}, gives calendar windows.
 *
 * @param schema     the watched features and protected attributes
 * @param index      the row-index column (integral)
 * @param time       the timestamp column, or {@code null}
 * @param label      the label column, or {@code null}
 * @param score      the score column, or {@code null}
 * @param prediction the prediction column, or {@code null}
 * @param favorable  the favorable label and prediction value
 * @since 0.2.0
 */
public record MonitorColumns(WindowSchema schema, String index, String time, String label, String score,
        String prediction, String favorable) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Set<String> NUMERIC_MISSING = Set.of("", "NaN", "nan", "NA", "?");

    /** Checks the required fields. */
    public MonitorColumns {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(favorable, "favorable");
        if (score == null && prediction == null) {
            throw new IllegalArgumentException("give a score or a prediction column (or both)");
        }
    }

    /**
     * The columns read, in order: index, time, label, score, prediction (those given), then the
     * numeric features, the categorical features and the protected attributes.
     *
     * @return the column names
     */
    public List<String> inputColumns() {
        List<String> c = new ArrayList<>();
        c.add(index);
        for (String s : new String[] {time, label, score, prediction}) {
            if (s != null) {
                c.add(s);
            }
        }
        c.addAll(schema.numeric());
        c.addAll(schema.categorical());
        c.addAll(schema.protectedAttributes());
        return c;
    }

    /**
     * Reads rows (for example the reference period) onto the driver, in row-index order.
     *
     * @param rows the rows
     * @return them as monitor data, with timestamps when a time column is named
     */
    public MonitorData collect(Dataset<Row> rows) {
        Dataset<Row> input = rows.select(CandorSpark.columns(rows, inputColumns()));
        List<Row> list = new ArrayList<>(CandorSpark.run(input::collectAsList));
        list.sort(java.util.Comparator.comparingLong(this::indexOf));
        List<WindowRow> out = new ArrayList<>(list.size());
        List<String> ts = time == null ? null : new ArrayList<>(list.size());
        for (Row r : list) {
            out.add(row(r));
            if (ts != null) {
                ts.add(timeOf(r));
            }
        }
        return new MonitorData(schema, out, ts);
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * @param r a row of {@link #inputColumns()}
     * @return its row index
     */
    long indexOf(Row r) {
        Object v = r.get(0);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            if (v instanceof String s) {
                try {
                    return Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new BadInputException("column '" + index + "': row index " + v + " is not an integer in the row " + r);
        }
        return n.longValue();
    }

    /**
     * @param r a row of {@link #inputColumns()}
     * @return its timestamp's text
     */
    String timeOf(Row r) {
        Object v = r.get(1);
        return v == null ? null : v.toString();
    }

    /**
     * @param r a row of {@link #inputColumns()}
     * @return the monitored row
     * @throws BadInputException naming the row index and the column of a bad cell
     */
    WindowRow row(Row r) {
        long idx = indexOf(r);
        int k = time == null ? 1 : 2;
        FavorableValue fav = new FavorableValue(favorable);
        int y = WindowRow.MISSING;
        if (label != null) {
            y = binary(r.get(k++), fav);
        }
        double s = Double.NaN;
        if (score != null) {
            Object v = r.get(k++);
            s = number(v, idx, score);
            if (!(s >= 0 && s <= 1)) {
                throw bad(idx, score, "score " + v + " is not a probability in [0, 1]");
            }
        }
        int p = WindowRow.MISSING;
        if (prediction != null) {
            p = binary(r.get(k++), fav);
        }
        double[] num = new double[schema.numeric().size()];
        for (int j = 0; j < num.length; j++) {
            String f = schema.numeric().get(j);
            num[j] = number(r.get(k++), idx, f);
            if (Double.isInfinite(num[j])) {
                throw bad(idx, f, "'" + r.get(k - 1) + "' is not finite");
            }
        }
        String[] cat = new String[schema.categorical().size()];
        for (int j = 0; j < cat.length; j++) {
            Object v = r.get(k++);
            cat[j] = v == null || v.toString().isEmpty() ? null : v.toString();
        }
        String[] groups = new String[schema.protectedAttributes().size()];
        for (int j = 0; j < groups.length; j++) {
            Object v = r.get(k++);
            if (v == null || v.toString().isEmpty()) {
                throw bad(idx, schema.protectedAttributes().get(j), "missing protected attribute value");
            }
            groups[j] = v.toString();
        }
        return new WindowRow(idx, num, cat, y, s, p, groups);
    }

    private static int binary(Object v, FavorableValue fav) {
        if (v == null || (v instanceof String t && t.isEmpty())) {
            return WindowRow.MISSING;
        }
        return fav.test(v) ? 1 : 0;
    }

    private static double number(Object v, long row, String column) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String t = v.toString();
        if (NUMERIC_MISSING.contains(t)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw bad(row, column, "'" + t + "' is not a number (the column is numeric; empty, NaN, NA and ? mean missing)");
        }
    }

    static BadInputException bad(long row, String column, String what) {
        return new BadInputException("row " + row + ", column '" + column + "': " + what);
    }
}
