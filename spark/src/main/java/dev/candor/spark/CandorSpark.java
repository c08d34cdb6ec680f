package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.fairness.UndefinedMetricException;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.Window;
import dev.candor.monitor.window.WindowProfile;
import dev.candor.monitor.window.WindowResult;
import dev.candor.monitor.window.Windowing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;

/**
 * Candor on Apache Spark: the single-machine computations over a distributed table, with the same
 * results. Group counts, profiles and histograms merge by addition, so each is one typed aggregation
 * (one pass, a shuffle of a few counts per group), finished on the driver by the same code as the
 * single-machine path.
 *
 * <pre>{@code
 * Dataset<Row> preds = spark.read().parquet("s3://bucket/predictions/");
 * AuditResult r = CandorSpark.audit(preds, AuditSpec.builder("label", "pred").attribute("sex", "male").build());
 * String json = AuditJson.toJson(r, null);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CandorSpark {

    private CandorSpark() {
    }

    /**
     * Audits a table of predictions: every metric of the single-machine audit, for every protected
     * attribute and intersection, weighted when the spec names a weight column, ROC AUC and log loss
     * when it names a score column. Bootstrap intervals and 2×2 tests are not computed (they resample rows).
     *
     * @param predictions the table; it must hold the spec's {@linkplain AuditSpec#inputColumns() columns}
     * @param spec        what to audit
     * @return the same result as {@code Audit} on the same rows
     * @throws BadInputException on a missing column or a bad cell (naming the column and the row's values)
     * @throws UndefinedMetricException in strict mode, when a value is undefined
     */
    public static AuditResult audit(Dataset<Row> predictions, AuditSpec spec) {
        return counts(predictions, spec).result(spec);
    }

    /**
     * The merged counts of an audit, before the metrics: for the histograms behind a binned ROC AUC
     * ({@link AuditCounts#scoreHistograms}) or to audit several specs' results later.
     *
     * @param predictions the table
     * @param spec        what to audit
     * @return the merged counts
     */
    public static AuditCounts counts(Dataset<Row> predictions, AuditSpec spec) {
        Dataset<Row> input = predictions.select(columns(predictions, spec.inputColumns()));
        return run(() -> input.select(new AuditAggregator(spec).toColumn()).first());
    }

    /**
     * Classification performance by group (label metrics, and ROC AUC and log loss with scores) from
     * the same one-pass aggregation as the audit; with {@link AuditSpec#scoreBins()} &gt; 0 the AUC comes
     * from the score histogram, with its error bound.
     *
     * @param predictions the table
     * @param spec        what to measure
     * @return one entry per attribute and intersection
     */
    public static List<GroupPerformance> performance(Dataset<Row> predictions, AuditSpec spec) {
        return GroupPerformance.of(counts(predictions, spec), spec);
    }

    /**
     * The {@code performance} block of {@code candor audit} from merged counts: one fairlearn-style
     * frame per attribute and intersection (label metrics; with exact scores also ROC AUC, average
     * precision and, for probabilities, log loss, Brier score and calibration error; with a binned
     * histogram ROC AUC only), for {@code AuditJson.toJson(audit, policy, frames)}.
     *
     * @param counts the merged counts ({@link #counts})
     * @param spec   the spec that built them
     * @return the frames, in audit order
     */
    public static List<dev.candor.fairness.performance.PerformanceFrame<
            dev.candor.fairness.performance.ClassificationSample>> performanceFrames(AuditCounts counts,
                                                                                     AuditSpec spec) {
        return PerformanceFrames.of(counts, spec, counts.result(spec));
    }

    /**
     * Profiles a table distributedly: the same {@link DatasetProfile} as adding every row to the
     * template's empty profiles on one machine. Counts, histogram slots, category counts, missing
     * counts, minimum and maximum are exact; mean and variance equal up to floating-point summation
     * order (Chan's pairwise combination of per-partition Welford moments, relative error of order
     * 1e-15 times the number of partitions); the KLL quantile sketch answers within its own rank-error
     * bound ({@link FeatureProfile#rankError()}), its exact contents depending on the merge order.
     *
     * @param data     the table; it must hold a column per template feature
     * @param template the features, kinds and reference bins (for example a reference profile, or
     *                 {@code FeatureProfile.numeric(name, ReferenceBins.sturges(referenceValues))})
     * @return the filled profile
     * @throws BadInputException on a missing column or a numeric cell that is not a number
     */
    public static DatasetProfile profile(Dataset<Row> data, DatasetProfile template) {
        Dataset<Row> input = data.select(columns(data, List.copyOf(template.features().keySet())));
        return run(() -> input.select(new ProfileAggregator(template).toColumn()).first()).profile();
    }

    /**
     * Monitors a prediction log window by window on Spark: the same {@link MonitoringResult} as
     * {@link Monitor#run} on the same rows. The windows by size start at the smallest row index of
     * {@code current} (an extra aggregation of one number; {@link #monitor(Dataset, MonitorColumns,
     * Monitor, long)} takes it as given).
     *
     * @param current the rows to monitor
     * @param columns where the fields are
     * @param monitor the monitor, with its reference (built on the driver, e.g. from
     *                {@link MonitorColumns#collect} of the reference period)
     * @return the result
     */
    public static MonitoringResult monitor(Dataset<Row> current, MonitorColumns columns, Monitor monitor) {
        long first = 0;
        if (!monitor.windowing().needsTime()) {
            Row m = run(() -> current.agg(functions.min(current.col(MonitorColumns.quoted(columns.index())).cast("long"))).first());
            if (m.isNullAt(0)) {
                throw new BadInputException("the current data has no rows");
            }
            first = ((Number) m.get(0)).longValue();
        }
        return monitor(current, columns, monitor, first);
    }

    /**
     * Monitors a prediction log window by window on Spark: one pass of a typed {@link WindowAggregator}
     * keyed by window (row chunk {@code (index - firstRow) / size}, or the calendar period of the time
     * column), whose buffer is the monitor's {@link WindowProfile}; the profiles come to the driver and
     * are evaluated there against the monitor's reference, as {@link Monitor#run} evaluates its own.
     * The result equals {@code Monitor.run} on the same rows in row-index order (windows keyed
     * {@code [start:end]} by absolute row, or by period as {@link Windowing} keys them).
     *
     * <p>Each window's rows travel to the driver (a profile keeps exact values for exact KS and
     * Wasserstein), so a window must fit in the driver's memory: about 250 MB for 10^6 rows × 30
     * features. Rows must be in time order for calendar windows; a period whose row range overlaps
     * another's is refused (out-of-order rows inside one period are not detected).
     *
     * @param current  the rows to monitor
     * @param columns  where the fields are
     * @param monitor  the monitor, with its reference and windowing
     * @param firstRow the row index of the first row to monitor (windows by size count from it)
     * @return the result
     * @throws BadInputException on a missing column or a bad cell (naming the row index and column)
     */
    public static MonitoringResult monitor(Dataset<Row> current, MonitorColumns columns, Monitor monitor,
                                           long firstRow) {
        if (!columns.schema().equals(monitor.reference().schema())) {
            throw new IllegalArgumentException("the columns' schema " + columns.schema()
                    + " differs from the reference's " + monitor.reference().schema());
        }
        Windowing windowing = monitor.windowing();
        if (windowing.needsTime() && columns.time() == null) {
            throw new IllegalArgumentException("calendar windows need a time column");
        }
        Dataset<Row> input = current.select(columns(current, columns.inputColumns()));
        int size = windowing.chunkSize();
        CalendarPeriod period = windowing.period();
        MapFunction<Row, String> key = period == null
                ? r -> {
                    long i = columns.indexOf(r) - firstRow;
                    if (i < 0) {
                        throw new BadInputException("row index " + (i + firstRow) + " is before the first row "
                                + firstRow + " of the windows");
                    }
                    return Long.toString(i / size);
                }
                : r -> period.key(day(columns, r));
        List<Tuple3<String, WindowProfile, Long>> groups = run(() -> input
                .groupByKey(key, Encoders.STRING())
                .agg(new WindowAggregator(columns).toColumn(), new WindowAggregator.LastDay(columns).toColumn())
                .collectAsList());
        if (groups.isEmpty()) {
            throw new BadInputException("the current data has no rows");
        }
        List<Tuple3<String, WindowProfile, Long>> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingLong(t -> t._2().firstRow()));
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Tuple3<String, WindowProfile, Long> t = sorted.get(i);
            WindowProfile p = t._2();
            if (i > 0 && p.firstRow() <= sorted.get(i - 1)._2().lastRow()) {
                throw new BadInputException("rows are not in time order: window " + t._1() + " (rows " + p.firstRow()
                        + ".." + p.lastRow() + ") overlaps window " + sorted.get(i - 1)._1() + " (rows "
                        + sorted.get(i - 1)._2().firstRow() + ".." + sorted.get(i - 1)._2().lastRow() + ")");
            }
            if (period == null) {
                long start = firstRow + Long.parseLong(t._1()) * size;
                windows.add(Window.ofRows(start, p.lastRow(), p.rows() == size));
            } else {
                boolean complete = i < sorted.size() - 1 || windowing.completes(LocalDate.ofEpochDay(t._3()));
                windows.add(new Window(t._1(), p.firstRow(), p.lastRow(), p.rows(), complete));
            }
        }
        // windows are independent and each is evaluated on one thread, as Monitor.run does
        List<WindowResult> results = IntStream.range(0, sorted.size()).parallel()
                .mapToObj(i -> sorted.get(i)._2().evaluate(monitor.reference(), windows.get(i))).toList();
        return monitor.result(results);
    }

    static LocalDate day(MonitorColumns columns, Row r) {
        long idx = columns.indexOf(r);
        try {
            return Windowing.parse(columns.timeOf(r), idx);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("column '" + columns.time() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Registers the audit as a SQL aggregate function returning the audit JSON: after
     * {@code registerAudit(spark, "audit_sex", spec, table.schema())},
     * {@code SELECT audit_sex(label, pred, sex) FROM table} gives the document of {@code candor audit}.
     *
     * @param spark  the session
     * @param name   the function's name
     * @param spec   what to audit; the function's arguments are its input columns, in order
     * @param schema a schema holding those columns (their types are the function's argument types)
     * @return the registered function
     */
    public static UserDefinedFunction registerAudit(SparkSession spark, String name, AuditSpec spec,
                                                    StructType schema) {
        StructType input = new StructType(spec.inputColumns().stream()
                .map(c -> schema.apply(c)).toArray(org.apache.spark.sql.types.StructField[]::new));
        UserDefinedFunction f = functions.udaf(new AuditJsonAggregator(spec), Encoders.row(input));
        return spark.udf().register(name, f);
    }

    static Column[] columns(Dataset<Row> data, List<String> names) {
        List<String> present = Arrays.asList(data.columns());
        for (String n : names) {
            if (!present.contains(n)) {
                throw new BadInputException("no column '" + n + "'; the columns are " + present);
            }
        }
        return names.stream().map(n -> data.col(quote(n))).toArray(Column[]::new);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Runs a Spark action, rethrowing the Candor exception that failed a task (bad input, undefined
     * metric) as itself rather than wrapped in Spark's job failure.
     */
    static <T> T run(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // Spark throws its checked SparkException from Scala code
            Throwable c = e;
            while (c != null) {
                if (c instanceof BadInputException b) {
                    throw new BadInputException(b.getMessage(), e);
                }
                if (c instanceof UndefinedMetricException u) {
                    throw u;
                }
                c = c.getCause();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        }
    }
}
