package dev.candor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Background;
import dev.candor.explain.lime.LimeExplanation;
import dev.candor.explain.lime.LimeTabular;
import dev.candor.explain.shap.KernelShap;
import dev.candor.explain.shap.ShapExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batch KernelSHAP and LIME through Spark equal the single-machine explainers with the same seed,
 * row by row, for 1, 2 and 7 partitions and shuffled row order (the random stream of a row depends
 * on (seed, row id) only); exact KernelSHAP of a linear model equals the closed form
 * {@code φ_j = β_j (x_j − E_bg[x_j])} (Lundberg and Lee 2017, corollary 1).
 */
class BatchExplanationsTest {

    private static final List<String> FEATURES = List.of("a", "b", "c", "d", "e", "f");
    private static final double[] BETA = {0.8, -0.5, 0.3, 0.0, 1.2, -0.7};
    private static double[][] x;
    private static double[][] background;
    private static Dataset<Row> table;

    /** A logistic model with an interaction, so sampled coalitions matter. */
    static final SparkModel LOGISTIC = rows -> {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double z = 0.1 + rows[i][0] * rows[i][2];
            for (int j = 0; j < BETA.length; j++) {
                z += BETA[j] * rows[i][j];
            }
            out[i] = 1 / (1 + Math.exp(-z));
        }
        return out;
    };

    static final SparkModel LINEAR = rows -> {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < BETA.length; j++) {
                out[i] += BETA[j] * rows[i][j];
            }
        }
        return out;
    };

    @BeforeAll
    static void data() {
        SparkSession spark = LocalSpark.get();
        SplittableRandom r = new SplittableRandom(11);
        x = new double[40][FEATURES.size()];
        background = new double[25][FEATURES.size()];
        for (double[][] m : new double[][][] {x, background}) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.round(r.nextGaussian() * 100) / 100.0;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            Object[] v = new Object[FEATURES.size() + 1];
            v[0] = (long) i;
            for (int j = 0; j < FEATURES.size(); j++) {
                v[j + 1] = x[i][j];
            }
            rows.add(RowFactory.create(v));
        }
        StructType schema = DataTypes.createStructType(List.of(DataTypes.createStructField("id", DataTypes.LongType,
                false)));
        for (String f : FEATURES) {
            schema = schema.add(f, DataTypes.DoubleType);
        }
        table = spark.createDataFrame(rows, schema);
    }

    private static Row byId(List<Row> rows, long id) {
        return rows.stream().filter(r -> r.getLong(0) == id).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 7})
    void sampledShapEqualsTheSingleMachineValuesForTheSameSeed(int partitions) {
        Dataset<Row> shuffled = table.orderBy(org.apache.spark.sql.functions.rand(partitions)).repartition(partitions);
        List<Row> out = BatchExplanations.shap(shuffled, "id", FEATURES, LOGISTIC, background, 30, 7L).collectAsList();
        assertThat(out).hasSize(x.length);
        List<ShapExplanation> expected = KernelShap.builder(LOGISTIC, Background.of(background)).nsamples(30).seed(7L)
                .build().explainAll(x).explanations();
        for (int i = 0; i < x.length; i++) {
            Row r = byId(out, i);
            ShapExplanation e = expected.get(i);
            assertThat(e.exact()).isFalse();
            assertThat(r.getDouble(1)).isEqualTo(e.baseValue());
            assertThat(r.getDouble(2)).isEqualTo(e.prediction());
            for (int j = 0; j < FEATURES.size(); j++) {
                assertThat(r.getDouble(3 + j)).as("row %d feature %d", i, j).isEqualTo(e.values()[j]);
            }
        }
    }

    @Test
    void exactShapOfALinearModelIsTheClosedForm() {
        List<Row> out = BatchExplanations.shap(table.repartition(3), "id", FEATURES, LINEAR, background, 4096, 1L)
                .collectAsList();
        double[] mean = new double[FEATURES.size()];
        for (double[] b : background) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += b[j] / background.length;
            }
        }
        for (int i = 0; i < x.length; i++) {
            Row r = byId(out, i);
            for (int j = 0; j < FEATURES.size(); j++) {
                assertThat(r.getDouble(3 + j)).isCloseTo(BETA[j] * (x[i][j] - mean[j]), within(1e-12));
            }
        }
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 7})
    void limeEqualsTheSingleMachineWeightsForTheSameSeed(int partitions) {
        List<Row> out = BatchExplanations.lime(table.repartition(partitions), "id", FEATURES, LOGISTIC, background,
                300, 5L).collectAsList();
        List<LimeExplanation> expected = LimeTabular.builder(LOGISTIC, background).numSamples(300).seed(5L).build()
                .explainAll(x);
        for (int i = 0; i < x.length; i++) {
            Row r = byId(out, i);
            LimeExplanation e = expected.get(i);
            assertThat(r.getDouble(1)).isEqualTo(e.intercept());
            assertThat(r.getDouble(3)).isEqualTo(e.localPrediction());
            for (int j = 0; j < FEATURES.size(); j++) {
                assertThat(r.getDouble(4 + j)).as("row %d feature %d", i, j).isEqualTo(e.weights()[j]);
            }
        }
    }
}
