package dev.candor.cli;

import dev.candor.datasets.CsvTable;
import dev.candor.datasets.DataFormatException;
import dev.candor.core.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feature columns of a CSV file for the monitoring commands ({@code drift}, {@code profile}): a
 * column is numeric when every non-missing value is a number; missing values are the empty field and,
 * in numeric columns, {@code NaN}, {@code NA} and {@code ?} (NaN in the numeric arrays, null in the
 * categorical ones), counted by the statistics and never dropped silently.
 */
final class FeatureColumns {

    /** Tokens that mean "missing" in a numeric column. */
    static final Set<String> NUMERIC_MISSING = Set.of("", "NaN", "nan", "NA", "?");

    private FeatureColumns() {
    }

    /**
     * The features and whether each is numeric: the columns named, in that order, or every column of
     * the first table; a column not named is numeric when it holds only numbers in every table.
     *
     * @param numeric     columns named numeric
     * @param categorical columns named categorical
     * @param tables      the files (the first one defines the columns when none is named)
     * @return feature name -> numeric
     * @throws BadInputException if a column is named twice, is missing from a file, or (with no
     *                           column named) a later file has a column the first lacks
     */
    static Map<String, Boolean> select(List<String> numeric, List<String> categorical, List<CsvTable> tables) {
        Set<String> both = new LinkedHashSet<>(numeric);
        both.retainAll(categorical);
        if (!both.isEmpty()) {
            throw new BadInputException("columns named both --numeric and --categorical: " + both);
        }
        List<String> names = new ArrayList<>(numeric);
        names.addAll(categorical);
        boolean inferAll = names.isEmpty();
        CsvTable first = tables.get(0);
        if (inferAll) {
            names.addAll(first.header());
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String n : names) {
            boolean allNumbers = !categorical.contains(n);
            for (CsvTable t : tables) {
                requireColumn(t, t.file(), n);
                allNumbers = allNumbers && (numeric.contains(n) || allNumbers(t, n));
            }
            out.put(n, allNumbers);
        }
        if (inferAll) {
            for (CsvTable t : tables.subList(1, tables.size())) {
                for (String n : t.header()) {
                    if (!out.containsKey(n)) {
                        throw new DataFormatException(t.file(), t.headerLine(), n, "column is not in "
                                + first.file().getFileName()
                                + "; name the features with --numeric/--categorical to compare a subset");
                    }
                }
            }
        }
        return out;
    }

    static void requireColumn(CsvTable t, Path file, String name) {
        if (!t.hasColumn(name)) {
            throw new DataFormatException(file, t.headerLine(), name, "column is not in the header; columns are "
                    + t.header());
        }
    }

    static boolean allNumbers(CsvTable t, String name) {
        int c = t.column(name);
        for (int i = 0; i < t.rows(); i++) {
            String v = t.value(i, c);
            if (!NUMERIC_MISSING.contains(v) && parse(v) == null) {
                return false;
            }
        }
        return true;
    }

    static Double parse(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static double[] numbers(CsvTable t, String name) {
        int c = t.column(name);
        double[] out = new double[t.rows()];
        for (int i = 0; i < out.length; i++) {
            String v = t.value(i, c);
            if (NUMERIC_MISSING.contains(v)) {
                out[i] = Double.NaN;
                continue;
            }
            Double d = parse(v);
            if (d == null) {
                throw t.error(i, name, "'" + v + "' is not a number (the column is numeric; empty, NaN, NA and ? "
                        + "mean missing)");
            }
            if (Double.isInfinite(d)) {
                throw t.error(i, name, "'" + v + "' is not finite");
            }
            out[i] = d;
        }
        return out;
    }

    static String[] strings(CsvTable t, String name) {
        int c = t.column(name);
        String[] out = new String[t.rows()];
        for (int i = 0; i < out.length; i++) {
            String v = t.value(i, c);
            out[i] = v.isEmpty() ? null : v;
        }
        return out;
    }
}
