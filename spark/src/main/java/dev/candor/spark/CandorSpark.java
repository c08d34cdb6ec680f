package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.fairness.UndefinedMetricException;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureProfile;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

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
