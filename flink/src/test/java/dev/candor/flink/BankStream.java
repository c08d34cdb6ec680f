package dev.candor.flink;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.WindowResult;
import dev.candor.monitor.window.WindowRow;
import dev.candor.report.MonitorJson;

/**
 * The golden Bank prediction log (../shared/golden/monitoring/bank_predictions.csv) as an event
 * stream: event time is the {@code row} column, the reference is rows 0..9999 and the analysis
 * windows are chunks of 5000 rows from row 10000, as in the golden monitoring file.
 */
final class BankStream {

    static final int REFERENCE_ROWS = 10_000;
    static final int CHUNK = 5_000;

    final List<String> lines;
    final EventSchema schema;
    final EventParser parser;
    final List<PredictionEvent> reference = new ArrayList<>();
    final ProfileAggregation aggregation;
    final Monitor batch;
    final MonitorAggregation monitor;

    private static BankStream instance;
    private final java.util.Map<String, List<JsonNode>> batchCache = new java.util.HashMap<>();

    /** @return the stream, read once per test JVM */
    static synchronized BankStream get() {
        if (instance == null) {
            instance = new BankStream();
        }
        return instance;
    }

    private BankStream() {
        try {
            lines = Files.readAllLines(SharedData.golden("monitoring/bank_predictions.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = EventSchema.builder(List.of(lines.get(0).split(","))).time("row").modelName("bank")
                .label("y").score("score").prediction("pred")
                .protectedAttribute("age_group", "ge25").protectedAttribute("marital", null)
                .numeric(List.of("age", "balance", "day", "campaign", "pdays", "previous"))
                .categorical(List.of("job", "marital", "education", "default", "housing", "loan", "contact", "month", "poutcome"))
                .build();
        parser = new EventParser(schema);
        for (int i = 1; i <= REFERENCE_ROWS; i++) {
            reference.add(parser.parse(lines.get(i)).orElseThrow());
        }
        aggregation = ProfileAggregation.fromReference(schema, reference);
        monitor = new MonitorAggregation(schema, reference, CHUNK, null, 0);
        batch = monitor.monitor();
    }

    /**
     * @return the batch monitor's window objects for data rows [from, to), as {@code candor monitor}
     *         writes them (non-finite numbers become the strings {@code "Infinity"}, {@code "NaN"})
     */
    synchronized List<JsonNode> batchWindows(int from, int to) {
        return batchCache.computeIfAbsent(from + ":" + to, k -> computeBatchWindows(from, to));
    }

    private List<JsonNode> computeBatchWindows(int from, int to) {
        List<WindowRow> rows = new ArrayList<>();
        for (int i = from; i < Math.min(to, rows()); i++) {
            rows.add(MonitorAggregation.row(batch.reference().schema(), schema, parser.parse(lines.get(i + 1)).orElseThrow()));
        }
        List<JsonNode> out = new ArrayList<>();
        for (WindowResult w : batch.run(new MonitorData(batch.reference().schema(), rows, null)).windows()) {
            try {
                out.add(JobRun.JSON.readTree(JobRun.JSON.writeValueAsString(MonitorJson.window(w))));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** @return the header and the data rows {@code from} (inclusive, 0-based) to {@code to} (exclusive) */
    List<String> streamLines(int from, int to) {
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(from + 1, Math.min(to, lines.size() - 1) + 1));
        return out;
    }

    /** Writes the stream part (rows 10000 to the end) as a CSV file in {@code dir}. */
    Path writeStream(Path dir) throws IOException {
        Path f = dir.resolve("bank_stream.csv");
        Files.write(f, streamLines(REFERENCE_ROWS, Integer.MAX_VALUE));
        return f;
    }

    /** @return the data-row count */
    int rows() {
        return lines.size() - 1;
    }
}
