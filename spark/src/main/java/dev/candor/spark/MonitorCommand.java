package dev.candor.spark;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.MonitoringRule;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import dev.candor.report.MonitorJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code candor-spark monitor}: the window monitor of {@code candor monitor --data} over a log Spark
 * reads, with the same JSON ({@link MonitorJson}): the reference period (the first
 * {@code --reference-rows} rows, or the rows up to {@code --reference-until} on the time column) is
 * collected to the driver; the windows ({@code --chunk-size} rows or {@code --window} periods) are
 * aggregated on the cluster ({@link CandorSpark#monitor}). Rows are in file order unless
 * {@code --index-column} names a row-index column. Exit codes: 0 no rule breached, 2 bad input, 3 a
 * rule breached.
 *
 * @since 0.2.0
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Watches a prediction log window by window against a reference period on Spark, with the "
                + "JSON of candor monitor:", "drift, performance, CBPE estimates, fairness and alerts."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, no rule breached", "1:internal error", "2:bad input", "3:a monitoring rule breached"})
final class MonitorCommand implements Callable<Integer> {

    /** The name of the generated row-index column (file order). */
    static final String ROW = "__candor_row";

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "The time-ordered log: a file or directory Spark can read (local, hdfs://, s3a://, ...).")
    String data;

    @Mixin
    SparkInput input;

    @Option(names = "--index-column", paramLabel = "COLUMN",
            description = "Integral column of 0-based row numbers giving the log order; default: the order of the input.")
    String indexColumn;

    @Option(names = "--reference-rows", paramLabel = "N", description = "The first N rows are the reference.")
    Long referenceRows;

    @Option(names = "--reference-until", paramLabel = "DATE",
            description = "Rows up to this date (inclusive, on --time-column) are the reference.")
    String referenceUntil;

    @Option(names = "--time-column", paramLabel = "COLUMN", description = "The timestamp column (ISO-8601).")
    String timeColumn;

    @Option(names = "--window", paramLabel = "1d|1w|1M|1q", description = "Calendar windows on --time-column.")
    String window;

    @Option(names = "--chunk-size", paramLabel = "N",
            description = "Windows of N rows (default 5000); the last, shorter one is kept and flagged incomplete.")
    Integer chunkSize;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The true label (empty where not arrived yet).")
    String label;

    @Option(names = "--favorable", paramLabel = "VALUE", defaultValue = "1",
            description = "The favorable label and prediction value (default: ${DEFAULT-VALUE}).")
    String favorable;

    @Option(names = "--score", paramLabel = "COLUMN", description = "The score P(favorable).")
    String score;

    @Option(names = "--prediction", paramLabel = "COLUMN", description = "The predicted label.")
    String prediction;

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMN", description = "Numeric features to watch.")
    List<String> numeric = new ArrayList<>();

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN", description = "Categorical features to watch.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--protected", split = ",", paramLabel = "COLUMN",
            description = "Protected attribute column(s); repeat or separate with commas.")
    List<String> protectedColumns = new ArrayList<>();

    @Option(names = "--privileged", split = ",", paramLabel = "COLUMN=VALUE",
            description = "The privileged value of a protected column, e.g. sex=male.")
    List<String> privileged = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "Monitoring rules, as candor monitor --policy; "
            + "default: reference band k = 3 on every performance, estimated and fairness metric, drift share above 0.5.")
    Path policy;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "model", description = "The model's name in alerts.")
    String model;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "Bootstrap resamples for fairness intervals, 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "12345",
            description = "Seed of the bootstrap and the calibration split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON here; default: standard output.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if ((referenceRows == null) == (referenceUntil == null)) {
            throw new CommandLine.ParameterException(cl, "give exactly one of --reference-rows N and --reference-until DATE");
        }
        if (referenceUntil != null && timeColumn == null) {
            throw new CommandLine.ParameterException(cl, "--reference-until needs --time-column");
        }
        if (window != null && chunkSize != null) {
            throw new CommandLine.ParameterException(cl, "give either --window or --chunk-size, not both");
        }
        if (window != null && timeColumn == null) {
            throw new CommandLine.ParameterException(cl, "--window needs --time-column");
        }
        if (chunkSize != null && chunkSize < 1) {
            throw new CommandLine.ParameterException(cl, "--chunk-size must be at least 1, got " + chunkSize);
        }
        if (score == null && prediction == null) {
            throw new CommandLine.ParameterException(cl, "give --score or --prediction (or both)");
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "name the watched features with --numeric and/or --categorical");
        }
        Map<String, String> priv = new LinkedHashMap<>();
        for (String p : privileged) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1 || !protectedColumns.contains(p.substring(0, eq).trim())) {
                throw new CommandLine.ParameterException(cl, "--privileged: expected COLUMN=VALUE with a --protected "
                        + "COLUMN " + protectedColumns + ", got '" + p + "'");
            }
            priv.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        Windowing windowing;
        try {
            windowing = window != null ? Windowing.byPeriod(CalendarPeriod.parse(window))
                    : Windowing.bySize(chunkSize == null ? 5000 : chunkSize);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--window: " + e.getMessage());
        }
        List<MonitoringRule> rules = new ArrayList<>();
        PrintWriter err = cl.getErr();
        if (policy != null) {
            List<String> skipped = new ArrayList<>();
            try {
                rules.addAll(MonitorJson.readRules(policy, skipped));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            if (!skipped.isEmpty()) {
                err.println("note: " + policy + ": audit rules " + skipped + " do not apply to monitoring");
            }
        }
        if (json != null) {
            AtomicFiles.check(json);
        }
        MonitoringResult result;
        SparkSession session = input.session("candor-spark monitor");
        try {
            result = run(session, windowing, priv, rules);
        } catch (IllegalArgumentException e) {
            if (e instanceof BadInputException) {
                throw e;
            }
            throw new BadInputException(data + ": " + e.getMessage(), e);
        } finally {
            input.stop(session);
        }
        String text = MonitorJson.toJson(result, List.of());
        PrintWriter out = cl.getOut();
        if (json == null) {
            out.print(text);
        } else {
            AtomicFiles.writeString(json, text);
            out.printf("candor-spark monitor: %d reference rows, %d windows (%s), %d alert(s) -> %s%n",
                    result.referenceRows(), result.windows().size(), result.windowing(), result.alerts().size(), json);
        }
        out.flush();
        if (result.breached()) {
            err.println("candor-spark monitor: a monitoring rule breached:");
            result.alerts().stream().limit(10).forEach(a -> err.println("  [" + a.severity().key() + "] " + a.rule()
                    + ": " + a.describe()));
            err.flush();
            return CandorSparkMain.EXIT_POLICY_VIOLATION;
        }
        return 0;
    }

    private MonitoringResult run(SparkSession session, Windowing windowing, Map<String, String> priv,
                                 List<MonitoringRule> rules) {
        Dataset<Row> table = input.read(session, data);
        String index = indexColumn;
        if (index == null) {
            table = withRowNumbers(session, table);
            index = ROW;
        }
        MonitorColumns columns = new MonitorColumns(new WindowSchema(numeric, categorical, protectedColumns), index,
                timeColumn, label, score, prediction, favorable);
        Dataset<Row> input = table.select(CandorSpark.columns(table, columns.inputColumns()));
        org.apache.spark.sql.Column idx = input.col(MonitorColumns.quoted(index)).cast("long");
        long split;
        if (referenceRows != null) {
            split = referenceRows;
        } else {
            LocalDate last;
            try {
                last = LocalDate.parse(referenceUntil.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reference-until: '" + referenceUntil
                        + "' is not a date such as 2014-03-31");
            }
            FilterFunction<Row> after = r -> CandorSpark.day(columns, r).isAfter(last);
            Row m = CandorSpark.run(() -> input.filter(after).agg(functions.min(idx)).first());
            if (m.isNullAt(0)) {
                throw new BadInputException(data + ": every row is on or before --reference-until " + referenceUntil
                        + "; no rows are left to monitor");
            }
            split = m.getLong(0);
        }
        MonitorData reference = columns.collect(input.filter(idx.lt(split)));
        if (reference.rows().isEmpty()) {
            throw new BadInputException(data + ": the reference would hold no rows (rows before " + split + ")");
        }
        Monitor.Builder b = Monitor.builder(reference).windowing(windowing).rules(rules).bootstrap(bootstrap)
                .seed(seed).model(model);
        priv.forEach(b::privileged);
        Monitor monitor = b.build();
        Dataset<Row> current = input.filter(idx.geq(split));
        return indexColumn == null ? CandorSpark.monitor(current, columns, monitor, split)
                : CandorSpark.monitor(current, columns, monitor);
    }

    /** The table with its 0-based position in the input appended as {@link #ROW} (partition order, then row order). */
    static Dataset<Row> withRowNumbers(SparkSession session, Dataset<Row> table) {
        if (Arrays.asList(table.columns()).contains(ROW)) {
            throw new BadInputException("the input already has a column '" + ROW + "'");
        }
        StructType schema = table.schema().add(ROW, DataTypes.LongType, false);
        JavaRDD<Row> numbered = table.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[t._1().size() + 1];
            for (int i = 0; i < t._1().size(); i++) {
                v[i] = t._1().get(i);
            }
            v[v.length - 1] = t._2();
            return RowFactory.create(v);
        });
        return session.createDataFrame(numbered, schema);
    }
}
