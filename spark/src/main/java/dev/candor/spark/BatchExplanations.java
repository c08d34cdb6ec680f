package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.explain.Background;
import dev.candor.explain.lime.LimeExplanation;
import dev.candor.explain.lime.LimeTabular;
import dev.candor.explain.shap.KernelShap;
import dev.candor.explain.shap.ShapExplanation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * KernelSHAP and LIME over the rows of a table: the model and the background (or training data) are
 * broadcast once, every partition builds one explainer and explains its rows with
 * {@code explain(x, id)}, so the random stream of a row is derived from (seed, row id) alone and the
 * result does not depend on the partitioning or the order of rows: it equals the single-machine
 * {@code explainAll} on rows indexed by their ids.
 *
 * <p>Output columns: the id column, then for SHAP {@code base_value}, {@code prediction} and one
 * {@code shap_<feature>} per feature; for LIME {@code intercept}, {@code score},
 * {@code local_prediction} and one {@code lime_<feature>} weight per feature.
 *
 * @since 0.1.0
 */
public final class BatchExplanations {

    private BatchExplanations() {
    }

    /** What the executors need: the model and its reference rows, shipped once per executor. */
    private record Payload(SparkModel model, double[][] reference, int samples, long seed) implements Serializable {
    }

    /**
     * KernelSHAP values of every row.
     *
     * @param data       the rows to explain
     * @param id         a column of distinct long (or integer) row ids; row id i uses the random stream of index i
     * @param features   the feature columns, in the model's input order (numbers)
     * @param model      the model
     * @param background the background rows (the model's width)
     * @param nsamples   coalitions per row (as {@code KernelShap.Builder#nsamples})
     * @param seed       the seed
     * @return one row per input row: id, base_value, prediction, shap_&lt;feature&gt;...
     */
    public static Dataset<Row> shap(Dataset<Row> data, String id, List<String> features, SparkModel model,
                                    double[][] background, int nsamples, long seed) {
        StructType schema = schema(data, id, features, List.of("base_value", "prediction"), "shap_");
        Broadcast<Payload> payload = broadcast(data, new Payload(model, background, nsamples, seed));
        MapPartitionsFunction<Row, Row> explain = rows -> {
            Payload p = payload.value();
            KernelShap shap = KernelShap.builder(p.model(), Background.of(p.reference()))
                    .nsamples(p.samples()).seed(p.seed()).threads(1).build();
            return map(rows, features.size(), id, (x, rowId) -> {
                ShapExplanation e = shap.explain(x, rowId);
                return concat(new Object[] {rowId, e.baseValue(), e.prediction()}, e.values());
            });
        };
        return select(data, id, features).mapPartitions(explain, Encoders.row(schema));
    }

    /**
     * LIME weights of every row (the reference lime tabular algorithm, see {@code LimeTabular}).
     *
     * @param data       the rows to explain
     * @param id         a column of distinct long (or integer) row ids; row id i uses the random stream of index i
     * @param features   the feature columns, in the model's input order (numbers)
     * @param model      the model
     * @param training   the training rows (quartiles and sampling frequencies come from them)
     * @param numSamples perturbed samples per row
     * @param seed       the seed
     * @return one row per input row: id, intercept, score, local_prediction, lime_&lt;feature&gt;...
     */
    public static Dataset<Row> lime(Dataset<Row> data, String id, List<String> features, SparkModel model,
                                    double[][] training, int numSamples, long seed) {
        StructType schema = schema(data, id, features, List.of("intercept", "score", "local_prediction"), "lime_");
        Broadcast<Payload> payload = broadcast(data, new Payload(model, training, numSamples, seed));
        MapPartitionsFunction<Row, Row> explain = rows -> {
            Payload p = payload.value();
            LimeTabular lime = LimeTabular.builder(p.model(), p.reference()).numSamples(p.samples()).seed(p.seed())
                    .threads(1).build();
            return map(rows, features.size(), id, (x, rowId) -> {
                LimeExplanation e = lime.explain(x, rowId);
                return concat(new Object[] {rowId, e.intercept(), e.score(), e.localPrediction()}, e.weights());
            });
        };
        return select(data, id, features).mapPartitions(explain, Encoders.row(schema));
    }

    private interface RowExplainer {
        Object[] explain(double[] x, long id);
    }

    private static Iterator<Row> map(Iterator<Row> rows, int m, String idColumn, RowExplainer f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                if (r.isNullAt(0)) {
                    throw new BadInputException("column '" + idColumn + "': missing row id in the row " + r);
                }
                long rowId = ((Number) r.get(0)).longValue();
                double[] x = new double[m];
                for (int j = 0; j < m; j++) {
                    Object v = r.get(j + 1);
                    x[j] = AuditAggregator.number(v);
                    if (!Double.isFinite(x[j])) {
                        throw new BadInputException("feature " + j + ": value " + v + " is not a finite number, in the "
                                + "row with id " + rowId);
                    }
                }
                return RowFactory.create(f.explain(x, rowId));
            }
        };
    }

    private static Object[] concat(Object[] head, double[] values) {
        Object[] out = new Object[head.length + values.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int j = 0; j < values.length; j++) {
            out[head.length + j] = values[j];
        }
        return out;
    }

    private static Dataset<Row> select(Dataset<Row> data, String id, List<String> features) {
        List<String> cols = new ArrayList<>();
        cols.add(id);
        cols.addAll(features);
        Dataset<Row> s = data.select(CandorSpark.columns(data, cols));
        return s.withColumn(id, s.col("`" + id.replace("`", "``") + "`").cast(DataTypes.LongType));
    }

    private static StructType schema(Dataset<Row> data, String id, List<String> features, List<String> scalars,
                                     String prefix) {
        CandorSpark.columns(data, List.of(id));
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(id, DataTypes.LongType, false));
        for (String s : scalars) {
            f.add(DataTypes.createStructField(s, DataTypes.DoubleType, false));
        }
        for (String feature : features) {
            f.add(DataTypes.createStructField(prefix + feature, DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(f);
    }

    private static Broadcast<Payload> broadcast(Dataset<Row> data, Payload p) {
        return JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()).broadcast(p);
    }
}
