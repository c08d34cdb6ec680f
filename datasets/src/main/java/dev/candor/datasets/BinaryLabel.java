package dev.candor.datasets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * The one rule for a label column with more than two values: unless the caller has named the
 * favorable value explicitly (which says how to binarise: every other value is unfavorable), such a
 * column is refused, naming the value that breaks it (the rarest value other than the favorable
 * one, at the first line it occurs) and every value with its count.
 *
 * @since 0.1.0
 */
public final class BinaryLabel {

    private BinaryLabel() {
    }

    /**
     * @param file      the file (named in the message)
     * @param column    the label (or prediction) column
     * @param favorable the favorable value
     * @param values    the column's values, row by row
     * @param lineOf    the file line of a row
     * @throws DataFormatException if the column has two or more values besides the favorable one, or
     *                             several values and not the favorable one
     */
    public static void require(Path file, String column, String favorable, String[] values, IntToLongFunction lineOf) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            String v = canonical(values[i], favorable);
            counts.merge(v, 1L, Long::sum);
            first.putIfAbsent(v, i);
        }
        check(file, column, favorable, counts, v -> lineOf.applyAsLong(first.get(v)));
    }

    /**
     * The same rule from a column's distinct values and their counts, as a one-pass reader keeps them.
     *
     * @param file      the file (named in the message)
     * @param column    the label (or prediction) column
     * @param favorable the favorable value
     * @param values    the distinct values in order of first appearance
     * @param counts    the rows of each value
     * @param firstLine the line where each value first occurs
     * @throws DataFormatException as {@link #require(Path, String, String, String[], IntToLongFunction)}
     */
    public static void require(Path file, String column, String favorable, List<String> values, long[] counts,
                               long[] firstLine) {
        Map<String, Long> merged = new LinkedHashMap<>();
        Map<String, Long> first = new LinkedHashMap<>();
        for (int c = 0; c < values.size(); c++) {
            String v = canonical(values.get(c), favorable);
            merged.merge(v, counts[c], Long::sum);
            first.merge(v, firstLine[c], Math::min);
        }
        check(file, column, favorable, merged, first::get);
    }

    /**
     * @param a a value
     * @param b another
     * @return whether they are the same label: equal strings, or numbers of the same value ({@code 1}
     *         and {@code 1.0})
     */
    public static boolean sameValue(String a, String b) {
        return PredictionsTable.sameValue(a, b);
    }

    private static void check(Path file, String column, String favorable, Map<String, Long> counts,
                              java.util.function.ToLongFunction<String> firstLine) {
        long others = counts.keySet().stream().filter(v -> !v.equals(favorable)).count();
        if (others < 2) {
            return;
        }
        StringBuilder all = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> all.append(all.length() == 0 ? "" : ", ")
                .append('\'').append(e.getKey()).append("' (").append(e.getValue())
                .append(e.getValue() == 1 ? " row)" : " rows)"));
        if (!counts.containsKey(favorable)) {
            throw new DataFormatException(file, 0, column, "the favorable value '" + favorable + "' does not occur; "
                    + "values are " + all + ": name the favorable value with --favorable");
        }
        String offender = null;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            // the rarest value; of equally rare ones, the last to appear (the one that broke the pair)
            if (!e.getKey().equals(favorable) && (offender == null || e.getValue() <= counts.get(offender))) {
                offender = e.getKey();
            }
        }
        throw new DataFormatException(file, firstLine.applyAsLong(offender), column, String.format(Locale.ROOT,
                "value '%s' makes the label non-binary: the column has %d values, %s, and the favorable value is '%s'; "
                        + "name the favorable value explicitly (--favorable) to count every other value as unfavorable, "
                        + "or fix the data", offender, counts.size(), all, favorable));
    }

    /** Numbers equal to the favorable value ({@code 1.0} for {@code 1}) count as it. */
    private static String canonical(String v, String favorable) {
        return PredictionsTable.sameValue(v, favorable) ? favorable : v;
    }
}
