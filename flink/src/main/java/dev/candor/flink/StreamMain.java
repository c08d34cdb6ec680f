package dev.candor.flink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import dev.candor.monitor.alert.WebhookFormat;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.WindowProfile;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor stream}: the window monitor as a Flink job over prediction log files. Run with
 * {@code java} it starts an embedded Flink (a MiniCluster in this process); run with
 * {@code flink run candor-flink.jar stream ...} it is submitted to that cluster unchanged.
 *
 * <p>Outputs: {@code --out} holds one JSON line per closed window (and one per late update of a
 * window); beside it {@code <out>.late.jsonl}, {@code <out>.rejected.jsonl} and
 * {@code <out>.alerts.jsonl} hold the events later than the allowed lateness, the unreadable lines
 * and the alerts, and {@code <out>.deliveries.jsonl} each webhook delivery. With {@code --bounded}
 * the job stops at the end of the files and prints what it counted; exit codes: 0 ok, 1 internal
 * error, 2 bad input, 3 an alert rule breached.
 *
 * @since 0.2.0
 */
@Command(name = "candor stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Monitor a prediction log window by window as a Flink streaming job.")
public final class StreamMain implements Callable<Integer> {

    @Option(names = "--source", required = true, paramLabel = "DIR|FILE",
            description = "A prediction log (CSV with a header, or JSON lines), or a directory of them.")
    Path source;

    @Option(names = "--bounded", description = "Stop at the end of the files (closing the last window); otherwise keep watching.")
    boolean bounded;

    @Option(names = "--out", required = true, paramLabel = "windows.jsonl", description = "One JSON line per closed window.")
    Path out;

    @Option(names = "--reference", required = true, paramLabel = "FILE",
            description = "The reference period's log (same columns); it fixes the numeric bins.")
    Path reference;

    @Option(names = "--reference-until", paramLabel = "T", description = "Use only reference rows whose time is before T.")
    String referenceUntil;

    @Option(names = "--time-column", required = true, description = "Event time: integers (row numbers with --chunk-size, or epoch milliseconds), ISO dates or date-times.")
    String timeColumn;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Windows of N rows (the time column numbers the rows).")
    Long chunkSize;

    @Option(names = "--window", paramLabel = "1d|1w|1M|1q", description = "Calendar windows (UTC), keyed as candor monitor keys them.")
    String window;

    @Option(names = "--slide", paramLabel = "N", description = "Sliding --chunk-size windows that start every N rows.")
    String slide;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Fairness bootstrap resamples per window (default ${DEFAULT-VALUE}; 0 for none).")
    int bootstrap;

    @Option(names = "--out-of-orderness", paramLabel = "N|DURATION", defaultValue = "0",
            description = "How late an event may be and still be on time (default ${DEFAULT-VALUE}).")
    String outOfOrderness;

    @Option(names = "--allowed-lateness", paramLabel = "N|DURATION", defaultValue = "0",
            description = "How long a closed window still accepts late events, emitting an updated line (default ${DEFAULT-VALUE}).")
    String allowedLateness;

    @Option(names = "--label", description = "The label column.")
    String label;

    @Option(names = "--favorable", defaultValue = "1", description = "The favorable label and prediction (default ${DEFAULT-VALUE}).")
    String favorable;

    @Option(names = "--score", description = "The score column (probability of the favorable label).")
    String score;

    @Option(names = "--prediction", description = "The prediction column.")
    String prediction;

    @Option(names = "--protected", split = ",", description = "Protected attributes (repeatable or comma-separated).")
    List<String> protectedAttributes = new ArrayList<>();

    @Option(names = "--privileged", split = ",", paramLabel = "ATTR=VALUE", description = "The privileged value of a protected attribute.")
    Map<String, String> privileged = new java.util.LinkedHashMap<>();

    @Option(names = "--numeric", split = ",", description = "Numeric features to watch (default: every other column, kind inferred).")
    List<String> numeric;

    @Option(names = "--categorical", split = ",", description = "Categorical features to watch.")
    List<String> categorical;

    @Option(names = "--model", defaultValue = "model", description = "The model's name (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--model-column", description = "A column naming the model of each event (the stream is keyed by it).")
    String modelColumn;

    @Option(names = "--segment-column", description = "A column naming a segment (the stream is keyed by model and segment).")
    String segmentColumn;

    @Option(names = "--threshold", paramLabel = "PATH=LOWER:UPPER[:SEVERITY]",
            description = "An alert rule on a value of the window object, e.g. fairness.age_group.metrics.disparate_impact=0.8:1.25:critical.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--webhook", paramLabel = "URL", description = "Post each alert (JSON) to this URL, with retries.")
    String webhook;

    @Option(names = "--webhook-format", defaultValue = "candor", paramLabel = "candor|alertmanager|slack",
            description = "The webhook payload (default ${DEFAULT-VALUE}: the alert's JSON object).")
    String webhookFormat;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", description = "Checkpoint the window accumulators this often.")
    String checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Where checkpoints are kept (default: in memory).")
    String checkpointDir;

    @Option(names = "--restore", paramLabel = "PATH", description = "Start from this checkpoint or savepoint.")
    String restore;

    @Option(names = "--watch-interval", paramLabel = "DURATION", defaultValue = "1s",
            description = "How often an unbounded source looks for new files (default ${DEFAULT-VALUE}).")
    String watchInterval;

    @Option(names = "--parallelism", defaultValue = "1", description = "Parallelism of the job (default ${DEFAULT-VALUE}).")
    int parallelism;

    /**
     * @param args the options, optionally preceded by {@code stream}
     */
    public static void main(String[] args) {
        String[] rest = args.length > 0 && args[0].equals("stream") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(run(rest, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * @param args the options
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new StreamMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException) {
                cmd.getErr().println("candor stream: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if ((chunkSize == null) == (window == null)) {
            throw new IllegalArgumentException("give exactly one of --chunk-size N and --window 1d|1w|1M|1q");
        }
        boolean rows = chunkSize != null;
        List<Path> files = sourceFiles();
        List<String> refLines = Files.readAllLines(reference, StandardCharsets.UTF_8);
        if (refLines.isEmpty()) {
            throw new IllegalArgumentException(reference + ": empty reference file");
        }
        String headerLine = refLines.get(0).startsWith("\uFEFF") ? refLines.get(0).substring(1) : refLines.get(0);
        List<String> header = List.of(headerLine.split(",", -1));
        EventSchema schema = schema(header, refLines);
        EventParser parser = new EventParser(schema);
        List<PredictionEvent> ref = new ArrayList<>();
        long until = referenceUntil == null ? Long.MAX_VALUE : parser.parseTime("--reference-until " + referenceUntil,
                referenceUntil);
        for (int i = 1; i < refLines.size(); i++) {
            try {
                parser.parse(refLines.get(i)).filter(e -> e.timestamp < until).ifPresent(ref::add);
            } catch (EventFormatException e) {
                throw new IllegalArgumentException(reference + ", line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (ref.isEmpty()) {
            throw new IllegalArgumentException(reference + ": no reference row" + (referenceUntil == null ? "" : " before " + referenceUntil));
        }
        CalendarPeriod period = rows ? null : CalendarPeriod.parse(window);
        if (!rows && slide != null) {
            throw new IllegalArgumentException("--slide applies to --chunk-size windows; calendar windows do not slide");
        }
        if (rows && chunkSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--chunk-size " + chunkSize + " is too large");
        }
        MonitorAggregation aggregation = new MonitorAggregation(schema, ref, rows ? chunkSize.intValue() : 0, period,
                bootstrap);
        aggregation.reference();   // prepared here once, so a bad reference fails before the job starts
        MonitorJob.Builder<WindowProfile> b = MonitorJob.builder(parser, aggregation)
                .outOfOrderness(amount(outOfOrderness, rows, "--out-of-orderness"))
                .allowedLateness(amount(allowedLateness, rows, "--allowed-lateness"))
                .rules(thresholds.stream().map(AlertRule::parse).toList());
        if (rows) {
            b.rowWindows(chunkSize);
        } else {
            b.calendarWindows(period);
        }
        if (slide != null) {
            b.slide(amount(slide, rows, "--slide"));
        }
        MonitorJob<WindowProfile> job = b.build();

        Configuration conf = new Configuration();
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Path.of(checkpointDir).toUri().toString());
        }
        if (restore != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restore);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        if (checkpointInterval != null) {
            env.enableCheckpointing(duration(checkpointInterval, "--checkpoint-interval"));
        }
        FileSource.FileSourceBuilder<String> src = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                files.stream().map(p -> new org.apache.flink.core.fs.Path(p.toUri())).toArray(org.apache.flink.core.fs.Path[]::new));
        src.setSplitAssigner(NameOrderSplitAssigner::new);
        if (!bounded) {
            src.monitorContinuously(Duration.ofMillis(duration(watchInterval, "--watch-interval")));
        }
        DataStream<String> lines = env.fromSource(src.build(), WatermarkStrategy.noWatermarks(), "prediction log " + source);
        MonitorJob.Outputs o = job.attach(lines);
        String stem = out.toString().endsWith(".jsonl") ? out.toString().substring(0, out.toString().length() - 6) : out.toString();
        Path late = Path.of(stem + ".late.jsonl");
        Path rejected = Path.of(stem + ".rejected.jsonl");
        Path alerts = Path.of(stem + ".alerts.jsonl");
        Path deliveries = Path.of(stem + ".deliveries.jsonl");
        for (Path p : List.of(out, late, rejected, alerts, deliveries)) {
            if (files.stream().anyMatch(f -> f.toAbsolutePath().normalize().equals(p.toAbsolutePath().normalize()))
                    || p.toAbsolutePath().normalize().equals(reference.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(p + " is an input: choose another --out");
            }
            Files.deleteIfExists(p);
        }
        o.windows().sinkTo(new JsonLinesSink(out)).setParallelism(1).name("windows " + out);
        o.late().sinkTo(new JsonLinesSink(late)).setParallelism(1).name("late events");
        o.rejected().sinkTo(new JsonLinesSink(rejected)).setParallelism(1).name("rejected lines");
        o.alerts().sinkTo(new JsonLinesSink(alerts)).setParallelism(1).name("alerts");
        if (webhook != null) {
            WebhookAlerts.attach(o.alerts(), webhook, WebhookFormat.parse(webhookFormat)).sinkTo(new JsonLinesSink(deliveries)).setParallelism(1)
                    .name("deliveries");
        }
        JobExecutionResult result = env.execute("candor stream " + source);
        long lateEvents = count(result, MonitorJob.LATE_EVENTS);
        long rejectedLines = count(result, MonitorJob.REJECTED_LINES);
        long windows = Files.exists(out) ? Files.readAllLines(out).size() : 0;
        long alertCount = Files.exists(alerts) ? Files.readAllLines(alerts).size() : 0;
        System.err.printf(Locale.ROOT, "candor stream: %d window results in %s, %d alerts, %d late events%s, %d rejected lines%s%n",
                windows, out, alertCount, lateEvents, lateEvents > 0 ? " (" + late + ")" : "", rejectedLines,
                rejectedLines > 0 ? " (" + rejected + ")" : "");
        return alertCount > 0 ? 3 : 0;
    }

    private static long count(JobExecutionResult r, String name) {
        Object v = r.getAllAccumulatorResults().get(name);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private List<Path> sourceFiles() throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                if (bounded && s.noneMatch(Files::isRegularFile)) {
                    throw new IllegalArgumentException(source + ": no file to read");
                }
            }
            return List.of(source);
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException(source + ": no such file or directory");
        }
        return List.of(source);
    }

    private EventSchema schema(List<String> header, List<String> refLines) {
        EventSchema.Builder b = EventSchema.builder(header).time(timeColumn).modelName(model).modelColumn(modelColumn)
                .segment(segmentColumn).label(label).score(score).prediction(prediction).favorable(favorable);
        for (String p : privileged.keySet()) {
            if (!protectedAttributes.contains(p)) {
                throw new IllegalArgumentException("--privileged names '" + p + "', which is not a --protected attribute");
            }
        }
        protectedAttributes.forEach(a -> b.protectedAttribute(a, privileged.get(a)));
        if (numeric == null && categorical == null) {
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(timeColumn, modelColumn, segmentColumn, label, score, prediction));
            roles.addAll(protectedAttributes);
            List<String> num = new ArrayList<>();
            List<String> cat = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (!roles.contains(header.get(c))) {
                    (allNumbers(refLines, c, header.size()) ? num : cat).add(header.get(c));
                }
            }
            b.numeric(num).categorical(cat);
        } else {
            b.numeric(numeric == null ? List.of() : numeric).categorical(categorical == null ? List.of() : categorical);
        }
        return b.build();
    }

    /** Whether every non-empty reference value of column {@code c} is a finite number (simple CSV only). */
    private static boolean allNumbers(List<String> refLines, int c, int width) {
        for (int i = 1; i < refLines.size(); i++) {
            String[] f = refLines.get(i).split(",", -1);
            if (f.length != width) {
                return false;
            }
            if (!f[c].isEmpty()) {
                try {
                    if (!Double.isFinite(Double.parseDouble(f[c]))) {
                        return false;
                    }
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long amount(String text, boolean rows, String option) {
        if (rows) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " '" + text + "': a number of rows expected with --chunk-size");
            }
        }
        return duration(text, option);
    }

    /**
     * @param text {@code 0}, {@code 500ms}, {@code 30s}, {@code 15m}, {@code 12h}, {@code 1d}, {@code 1w} or ISO-8601
     * @param option the option, for the message
     * @return milliseconds
     */
    static long duration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("0")) {
                return 0;
            }
            if (t.startsWith("p")) {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT)).toMillis();
            }
            String unit = t.replaceAll("^[0-9]+", "");
            long n = Long.parseLong(t.substring(0, t.length() - unit.length()));
            return switch (unit) {
                case "ms" -> n;
                case "s" -> n * 1_000L;
                case "m" -> n * 60_000L;
                case "h" -> n * 3_600_000L;
                case "d" -> n * 86_400_000L;
                case "w" -> n * 7 * 86_400_000L;
                default -> throw new IllegalArgumentException(option + " '" + text
                        + "': expected a duration such as 500ms, 30s, 15m, 12h, 1d, 1w or PT15M");
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a duration such as 500ms, 30s, 15m, 12h, 1d, 1w or PT15M");
        }
    }
}
