package dev.candor.cli;

import dev.candor.core.BadInputException;
import dev.candor.datasets.DataFormatException;
import dev.candor.datasets.FastCsv;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ReferenceBins;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Profiles of feature columns of CSV files too large for memory, read by {@link FastCsv} (gzip
 * accepted): the streaming counterpart of {@link FeatureColumns} for {@code candor profile} and
 * {@code candor drift --streaming}, with the same column typing, the same missing values and the
 * same error messages (file, line, column).
 *
 * <p><b>Two passes over a reference.</b> A numeric feature's bins are Sturges edges over the
 * reference's range ({@link ReferenceBins#sturges(double, double, long)}), and the range is only
 * known at the end of the file. So a reference is read twice: the first pass keeps, per column,
 * whether every non-missing value is a number, the number of finite values and their minimum and
 * maximum; the second fills a {@link FeatureProfile} per feature over those bins. The bins, counts,
 * moments and categories are then exactly those of the in-memory path (the values are added in the
 * same order), which bins from a first sketch pass would not give. A current file is read once over
 * the reference's bins (twice when the column kinds are inferred, since a column is numeric only when
 * it is numeric on both sides).
 *
 * <p><b>Memory.</b> Per numeric feature a fixed number of counters and a KLL sketch
 * ({@code O(k log(n/k))} items, k = {@value FeatureProfile#KLL_K}); per categorical feature one
 * counter per distinct value. It does not grow with the number of rows.
 */
final class FeatureStream {

    /** What a first pass learns about one column. */
    static final class ColumnScan {
        /** Whether every non-missing value so far is a number. */
        boolean allNumbers = true;
        /** Finite numbers seen. */
        long finite;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
    }

    private final char separator;
    private final PrintWriter err;
    private final String command;
    private final long progressEveryNanos;

    /**
     * @param separator the field separator
     * @param err       where progress goes, or null for none
     * @param command   the command named in progress lines
     */
    FeatureStream(char separator, PrintWriter err, String command) {
        this(separator, err, command, 2_000_000_000L);
    }

    /** As above, with the least time between progress lines. */
    FeatureStream(char separator, PrintWriter err, String command, long progressEveryNanos) {
        this.separator = separator;
        this.err = err;
        this.command = command;
        this.progressEveryNanos = progressEveryNanos;
    }

    /** A file's header names and line. */
    record Header(List<String> names, long line) {
    }

    /** The header of a file, read without its rows. */
    Header header(Path file) throws IOException {
        FastCsv csv = FastCsv.open(file, separator);
        Header h = new Header(csv.header(), csv.headerLine());
        try {
            csv.scan(List.of(), c -> {
                throw new StopScan();
            }, null);
        } catch (StopScan | DataFormatException e) {
            // only the header was wanted
        }
        return h;
    }

    /** Ends a scan early. */
    private static final class StopScan extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopScan() {
            super(null, null, false, false);
        }
    }

    /**
     * The features and whether each is numeric, as {@link FeatureColumns#select} decides them, with a
     * first pass over every file when a kind must be inferred.
     *
     * @param numeric     columns named numeric
     * @param categorical columns named categorical
     * @param files       the files; the first defines the columns when none is named
     * @param scans       filled with the first file's column scans, for the bins (kinds named or not)
     * @return feature name -> numeric
     */
    Map<String, Boolean> select(List<String> numeric, List<String> categorical, List<Path> files,
                                Map<String, ColumnScan> scans) throws IOException {
        Set<String> both = new LinkedHashSet<>(numeric);
        both.retainAll(categorical);
        if (!both.isEmpty()) {
            throw new BadInputException("columns named both --numeric and --categorical: " + both);
        }
        List<String> names = new ArrayList<>(numeric);
        names.addAll(categorical);
        boolean inferAll = names.isEmpty();
        List<Header> headers = new ArrayList<>();
        for (Path f : files) {
            headers.add(header(f));
        }
        if (inferAll) {
            names.addAll(headers.get(0).names());
        }
        for (int i = 0; i < files.size(); i++) {
            for (String n : names) {
                requireColumn(files.get(i), headers.get(i), n);
            }
        }
        if (inferAll) {
            for (int i = 1; i < files.size(); i++) {
                for (String n : headers.get(i).names()) {
                    if (!names.contains(n)) {
                        throw new DataFormatException(files.get(i), headers.get(i).line(), n, "column is not in "
                                + files.get(0).getFileName()
                                + "; name the features with --numeric/--categorical to compare a subset");
                    }
                }
            }
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        List<String> probe = new ArrayList<>();
        for (String n : names) {
            if (!categorical.contains(n)) {
                probe.add(n);
            }
        }
        Map<String, ColumnScan> first = firstPass(files.get(0), probe, numeric);
        scans.putAll(first);
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        for (String n : names) {
            kinds.put(n, !categorical.contains(n) && (numeric.contains(n) || first.get(n).allNumbers));
        }
        if (inferAll) {
            for (Path f : files.subList(1, files.size())) {
                List<String> still = new ArrayList<>();
                kinds.forEach((k, v) -> {
                    if (v && !numeric.contains(k)) {
                        still.add(k);
                    }
                });
                Map<String, ColumnScan> other = firstPass(f, still, numeric);
                for (String n : still) {
                    kinds.put(n, other.get(n).allNumbers);
                }
            }
        }
        out.putAll(kinds);
        return out;
    }

    /** Refuses a file without one of the columns, in {@link FeatureColumns#requireColumn}'s words. */
    void requireColumns(Path file, java.util.Collection<String> names) throws IOException {
        Header h = header(file);
        for (String n : names) {
            requireColumn(file, h, n);
        }
    }

    private static void requireColumn(Path file, Header header, String name) {
        if (!header.names().contains(name)) {
            throw new DataFormatException(file, header.line(), name, "column is not in the header; columns are "
                    + header.names());
        }
    }

    /**
     * One pass over the columns: whether each holds only numbers, and the count, minimum and maximum
     * of its finite values. A column named numeric with text in it is bad input, as in the in-memory path.
     */
    Map<String, ColumnScan> firstPass(Path file, List<String> columns, List<String> namedNumeric) throws IOException {
        Map<String, ColumnScan> out = new LinkedHashMap<>();
        ColumnScan[] s = new ColumnScan[columns.size()];
        boolean[] named = new boolean[columns.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = new ColumnScan();
            out.put(columns.get(k), s[k]);
            named[k] = namedNumeric.contains(columns.get(k));
        }
        if (columns.isEmpty()) {
            return out;
        }
        FastCsv csv = FastCsv.open(file, separator);
        csv.scan(columns, c -> {
            for (int k = 0; k < s.length; k++) {
                ColumnScan col = s[k];
                if (!col.allNumbers) {
                    continue;
                }
                double v;
                if (named[k]) {
                    v = number(c, k);
                } else if (c.isEmpty(k)) {
                    continue;
                } else {
                    v = c.fastNumber(k);
                    if (v != v) {
                        String text = c.string(k);
                        if (FeatureColumns.NUMERIC_MISSING.contains(text)) {
                            continue;
                        }
                        Double d = FeatureColumns.parse(text);
                        if (d == null) {
                            col.allNumbers = false;
                            continue;
                        }
                        v = d;
                    }
                }
                if (Double.isFinite(v)) {
                    col.finite++;
                    col.min = Math.min(col.min, v);
                    col.max = Math.max(col.max, v);
                }
            }
        }, progress(file, "first pass"));
        return out;
    }

    /**
     * The cell of a numeric feature: NaN when missing, else a finite number, as
     * {@link FeatureColumns#numbers} reads it and in its words.
     */
    static double number(FastCsv.Cells c, int k) {
        if (c.isEmpty(k)) {
            return Double.NaN;
        }
        double v = c.fastNumber(k);
        if (v == v) {
            return v;
        }
        String s = c.string(k);
        if (FeatureColumns.NUMERIC_MISSING.contains(s)) {
            return Double.NaN;
        }
        Double d = FeatureColumns.parse(s);
        if (d == null) {
            throw c.error(k, "'" + s + "' is not a number (the column is numeric; empty, NaN, NA and ? mean missing)");
        }
        if (Double.isInfinite(d)) {
            throw c.error(k, "'" + s + "' is not finite");
        }
        return d;
    }

    /**
     * Adds every row of a file to empty profiles, in one pass.
     *
     * @param file     the file
     * @param profiles empty profiles of its features (numeric ones over their bins)
     * @return the number of data rows
     */
    long fill(Path file, DatasetProfile profiles) throws IOException {
        List<String> columns = new ArrayList<>(profiles.features().keySet());
        FeatureProfile[] p = profiles.features().values().toArray(new FeatureProfile[0]);
        boolean[] numeric = new boolean[p.length];
        for (int k = 0; k < p.length; k++) {
            numeric[k] = p[k].kind() == FeatureKind.NUMERIC;
        }
        // categorical cells are counted by dictionary code (no per-row map update), added at the end
        long[][] byCode = new long[p.length][];
        long[] missing = new long[p.length];
        for (int k = 0; k < p.length; k++) {
            byCode[k] = numeric[k] ? null : new long[16];
        }
        FastCsv csv = FastCsv.open(file, separator);
        long rows = csv.scan(columns, c -> {
            for (int k = 0; k < p.length; k++) {
                if (numeric[k]) {
                    p[k].add(number(c, k));
                } else if (c.isEmpty(k)) {
                    missing[k]++;
                } else {
                    int code = c.code(k);
                    if (code >= byCode[k].length) {
                        byCode[k] = Arrays.copyOf(byCode[k], Math.max(code + 1, byCode[k].length * 2));
                    }
                    byCode[k][code]++;
                }
            }
        }, progress(file, "profile"));
        for (int k = 0; k < p.length; k++) {
            if (!numeric[k]) {
                List<String> values = csv.dictionary(k);
                for (int code = 0; code < values.size(); code++) {
                    p[k].add(values.get(code), byCode[k][code]);
                }
                p[k].add(null, missing[k]);
            }
        }
        return rows;
    }

    /**
     * The profile of a reference file: first pass for the kinds and ranges, second for the profile.
     *
     * @param file        the file
     * @param numeric     columns named numeric
     * @param categorical columns named categorical
     * @param rows        receives the number of data rows in {@code rows[0]}
     * @return the profile, features in the order named (or of the header)
     */
    DatasetProfile profile(Path file, List<String> numeric, List<String> categorical, long[] rows) throws IOException {
        Map<String, ColumnScan> scans = new LinkedHashMap<>();
        Map<String, Boolean> features = select(numeric, categorical, List.of(file), scans);
        return profile(file, features, scans, rows);
    }

    /** The profile of a file whose features and first-pass scans are known. */
    DatasetProfile profile(Path file, Map<String, Boolean> features, Map<String, ColumnScan> scans, long[] rows)
            throws IOException {
        List<FeatureProfile> empty = new ArrayList<>();
        for (Map.Entry<String, Boolean> f : features.entrySet()) {
            if (f.getValue()) {
                ColumnScan s = scans.get(f.getKey());
                if (s.finite == 0) {
                    throw new BadInputException(file + ": column '" + f.getKey() + "': every value is missing; "
                            + "there is nothing to bin");
                }
                empty.add(FeatureProfile.numeric(f.getKey(), ReferenceBins.sturges(s.min, s.max, s.finite)));
            } else {
                empty.add(FeatureProfile.categorical(f.getKey()));
            }
        }
        DatasetProfile profile = DatasetProfile.of(empty);
        rows[0] = fill(file, profile);
        return profile;
    }

    private FastCsv.Progress progress(Path file, String what) {
        if (err == null) {
            return null;
        }
        long start = System.nanoTime();
        long[] last = {start};
        return (bytes, rows) -> {
            long now = System.nanoTime();
            if (now - last[0] >= progressEveryNanos) {
                last[0] = now;
                double sec = (now - start) / 1e9;
                err.printf(Locale.ROOT, "candor %s: %s, %s: %,d rows, %.0f MB read (%.0f rows/s, %.1f MB/s)%n",
                        command, file.getFileName(), what, rows, bytes / 1e6, rows / sec, bytes / 1e6 / sec);
                err.flush();
            }
        };
    }
}
