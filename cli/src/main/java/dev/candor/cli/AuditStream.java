package dev.candor.cli;

import dev.candor.core.BadInputException;
import dev.candor.datasets.BinaryLabel;
import dev.candor.datasets.DataFormatException;
import dev.candor.datasets.FastCsv;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.StreamingAudit;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code candor audit} of a classification file in one pass: the file is read once by
 * {@link FastCsv} into a {@link StreamingAudit}, so memory does not grow with the file, and every
 * check of the in-memory path is made on the counts kept, in the same words: binary labels
 * ({@link BinaryLabel}), the privileged value occurring, and an audit that would measure nothing.
 * When a file has several problems, the first in file order is reported (the in-memory path reports
 * the first of its column-by-column checks).
 */
final class AuditStream {

    /** What the pass produced. */
    record Outcome(AuditResult result, List<PerformanceFrame<ClassificationSample>> performance,
                   Map<String, BootstrapResult> performanceIntervals) {
    }

    private final Path data;
    private final char separator;
    private final String label;
    private final String prediction;
    private final String score;
    private final String weights;
    private final List<String> protectedColumns;
    private final String favorable;
    private final boolean othersUnfavorable;
    private final Progress progress;
    private final Map<String, String> privileged;

    AuditStream(Path data, char separator, String label, String prediction, String score, String weights,
                List<String> protectedColumns, Map<String, String> privileged, String favorable,
                boolean othersUnfavorable, Progress progress) {
        this.privileged = Map.copyOf(privileged);
        this.data = data;
        this.separator = separator;
        this.label = label;
        this.prediction = prediction;
        this.score = score;
        this.weights = weights;
        this.protectedColumns = List.copyOf(protectedColumns);
        this.favorable = favorable;
        this.othersUnfavorable = othersUnfavorable;
        this.progress = progress;
    }

    /** Label values by dictionary code: whether favorable, rows, first line. */
    private static final class LabelCodes {
        boolean[] favorable = new boolean[4];
        long[] rows = new long[4];
        long[] first = new long[4];
        int size;

        void see(int code, long line, List<String> dictionary, String fav) {
            if (code >= size) {
                if (code >= rows.length) {
                    favorable = Arrays.copyOf(favorable, code * 2);
                    rows = Arrays.copyOf(rows, code * 2);
                    first = Arrays.copyOf(first, code * 2);
                }
                favorable[code] = BinaryLabel.sameValue(dictionary.get(code), fav);
                first[code] = line;
                size = code + 1;
            }
            rows[code]++;
        }
    }

    /**
     * Reads the file once and computes the audit.
     *
     * @param builder the audit's options (attributes in the order of {@code protectedColumns})
     * @return the audit, performance frames and their intervals
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException naming file, line and column on bad input
     */
    Outcome run(StreamingAudit.Builder builder) throws IOException {
        List<String> columns = new ArrayList<>(List.of(label, prediction));
        columns.addAll(protectedColumns);
        int scoreSlot = -1;
        int weightSlot = -1;
        if (score != null) {
            scoreSlot = columns.size();
            columns.add(score);
        }
        if (weights != null) {
            weightSlot = columns.size();
            columns.add(weights);
        }
        StreamingAudit acc = builder.weighted(weights != null).scores(score != null).build();
        FastCsv csv = FastCsv.open(data, separator);
        int np = protectedColumns.size();
        int[] codes = new int[np];
        LabelCodes y = new LabelCodes();
        LabelCodes p = new LabelCodes();
        int s = scoreSlot;
        int w = weightSlot;
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<String>[] dict = new List[columns.size()];
        csv.scan(columns, c -> {
            int yc = c.code(0);
            y.see(yc, c.line(), c.dictionary(0), favorable);
            int pc = c.code(1);
            p.see(pc, c.line(), c.dictionary(1), favorable);
            for (int a = 0; a < np; a++) {
                codes[a] = c.code(2 + a);
            }
            double weight = w < 0 ? 1.0 : c.number(w, "weight", true);
            double sc = s < 0 ? Double.NaN : c.number(s, "score", false);
            acc.add(y.favorable[yc] ? 1 : 0, p.favorable[pc] ? 1 : 0, weight, sc, codes);
            if (dict[0] == null) {
                for (int k = 0; k < 2 + np; k++) {
                    dict[k] = c.dictionary(k);
                }
            }
        }, progress == null ? null : (bytes, rows) -> progress.update(bytes, rows, System.nanoTime() - start));
        checkLabels(dict[0], y, dict[1], p);
        List<List<String>> values = new ArrayList<>();
        List<double[]> weightByCode = new ArrayList<>();
        for (int a = 0; a < np; a++) {
            values.add(List.copyOf(dict[2 + a]));
            weightByCode.add(acc.weightByCode(a));
        }
        for (Map.Entry<String, String> e : privileged.entrySet()) {
            List<String> v = values.get(protectedColumns.indexOf(e.getKey()));
            if (!v.contains(e.getValue())) {
                throw new DataFormatException(data, 0, e.getKey(), "the privileged value '" + e.getValue()
                        + "' does not occur; values are " + new TreeSet<>(v) + " (--privileged " + e.getKey() + "="
                        + e.getValue() + ")");
            }
        }
        measuredSomething(data, protectedColumns, values, weightByCode, acc.rows(), weights != null, weights);
        AuditResult result = acc.result(values);
        return new Outcome(result, acc.performance(values, new ClassificationSample.Columns(label, prediction, score,
                weights)), acc.performanceIntervals(values));
    }

    /** The label checks of {@code PredictionsTable.binaryLabels}, from the values' counts and first lines. */
    private void checkLabels(List<String> yv, LabelCodes y, List<String> pv, LabelCodes p) {
        boolean favSeen = false;
        for (int c = 0; c < y.size; c++) {
            favSeen |= y.favorable[c];
        }
        for (int c = 0; c < p.size; c++) {
            favSeen |= p.favorable[c];
        }
        if (othersUnfavorable) {
            if (!favSeen) {
                throw new DataFormatException(data, 0, label, "the favorable value '" + favorable
                        + "' occurs in neither column '" + label + "' nor '" + prediction + "'");
            }
            return;
        }
        BinaryLabel.require(data, label, favorable, yv.subList(0, y.size), y.rows, y.first);
        BinaryLabel.require(data, prediction, favorable, pv.subList(0, p.size), p.rows, p.first);
        String other = null;
        for (int c = 0; c < y.size && other == null; c++) {
            if (!y.favorable[c]) {
                other = yv.get(c);
            }
        }
        int third = -1;
        for (int c = 0; c < p.size; c++) {
            if (!p.favorable[c]) {
                if (other == null) {
                    other = pv.get(c);
                } else if (!BinaryLabel.sameValue(pv.get(c), other) && (third < 0 || p.first[c] < p.first[third])) {
                    third = c;
                }
            }
        }
        if (third >= 0) {
            throw new DataFormatException(data, p.first[third], prediction, "value '" + pv.get(third)
                    + "' is a third label value; labels and predictions must be binary: the favorable value '"
                    + favorable + "' and one other (already seen '" + other + "')");
        }
        if (!favSeen) {
            throw new DataFormatException(data, 0, label, "the favorable value '" + favorable + "' occurs in neither column '"
                    + label + "' nor '" + prediction + "' (values seen: '" + other
                    + "'); set --favorable to the favorable label");
        }
    }

    /** Progress of a long pass. */
    @FunctionalInterface
    interface Progress {
        /**
         * @param bytes   bytes read
         * @param rows    rows read
         * @param nanos   time since the pass started
         */
        void update(long bytes, long rows, long nanos);
    }

    /**
     * Prints a line on standard error at most every {@code everyNanos}: rows and MB read, and their rates.
     *
     * @param err        where to print
     * @param everyNanos the least time between lines
     * @return the printer
     */
    static Progress printer(PrintWriter err, long everyNanos) {
        long[] last = {0};
        return (bytes, rows, nanos) -> {
            if (nanos - last[0] >= everyNanos) {
                last[0] = nanos;
                double sec = nanos / 1e9;
                err.printf(Locale.ROOT, "candor audit: %,d rows, %.0f MB read (%.0f rows/s, %.1f MB/s)%n", rows,
                        bytes / 1e6, rows / sec, bytes / 1e6 / sec);
                err.flush();
            }
        };
    }

    /** Refuses an audit of nothing, in {@link MeasuredNothing}'s words, from the weight of each group. */
    static void measuredSomething(Path data, List<String> names, List<List<String>> values, List<double[]> weightByCode,
                                  long rows, boolean weighted, String weightsColumn) {
        if (weighted) {
            boolean any = false;
            for (double x : weightByCode.get(0)) {
                any |= x > 0;
            }
            if (!any) {
                throw new BadInputException(data + ": column '" + weightsColumn + "': every weight is zero, so "
                        + "nothing would be measured; give rows a positive weight");
            }
        }
        for (int k = 0; k < names.size(); k++) {
            Set<String> groups = new LinkedHashSet<>();
            for (int g = 0; g < values.get(k).size(); g++) {
                if (!weighted || weightByCode.get(k)[g] > 0) {
                    groups.add(values.get(k).get(g));
                }
            }
            if (groups.size() < 2) {
                throw new BadInputException(data + ": column '" + names.get(k) + "': a single group " + groups
                        + (weighted ? " with positive weight" : "") + " in " + rows + " row(s); a fairness audit "
                        + "compares at least two groups, so it would measure nothing: check the column and the data");
            }
        }
    }
}
