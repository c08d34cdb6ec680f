package dev.candor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.BadInputException;
import dev.candor.core.SharedData;
import dev.candor.datasets.PredictionsTable;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.report.AuditJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed audit equals the single-machine audit (which the fairness module checks against
 * AIF360 and fairlearn on the same golden files) for every key of the audit JSON, to 1e-9, whatever
 * the partitioning; provenance is left out (its fingerprint and time differ by construction).
 */
class CandorSparkAuditTest {

    private static final Path GERMAN = SharedData.golden("fairness/german_predictions.csv");
    private static final Path ADULT = SharedData.golden("fairness/adult_predictions.csv");
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.get();
    }

    static Dataset<Row> csv(Path p) {
        return LocalSpark.get().read().option("header", "true").csv(p.toString());
    }

    /** The single-machine audit of a CSV with the spec's settings, as {@code candor audit} runs it. */
    static AuditResult singleMachine(Path file, AuditSpec spec) throws IOException {
        PredictionsTable t = PredictionsTable.read(file, spec.inputColumns());
        int[][] y = t.binaryLabels(spec.label(), spec.prediction(), spec.favorable(), spec.othersUnfavorable());
        Audit.Builder b = Audit.builder(y[0], y[1]);
        for (String a : spec.attributes()) {
            b.attribute(a, t.strings(a), spec.privileged(a));
        }
        for (List<String> i : spec.intersections()) {
            b.intersection(i.toArray(String[]::new));
        }
        if (spec.weights() != null) {
            b.weights(t.doubles(spec.weights(), "weight", true));
        }
        if (spec.scores() != null) {
            b.scores(t.doubles(spec.scores(), "score", false));
        }
        return b.build().run();
    }

    /** The single-machine {@code performance} frames, as {@code candor audit} builds them. */
    static List<PerformanceFrame<ClassificationSample>> singleMachineFrames(Path file, AuditSpec spec)
            throws IOException {
        PredictionsTable t = PredictionsTable.read(file, spec.inputColumns());
        int[][] y = t.binaryLabels(spec.label(), spec.prediction(), spec.favorable(), spec.othersUnfavorable());
        double[] w = spec.weights() == null ? null : t.doubles(spec.weights(), "weight", true);
        double[] s = spec.scores() == null ? null : t.doubles(spec.scores(), "score", false);
        ClassificationSample sample = ClassificationSample.of(y[0], y[1], s, w,
                new ClassificationSample.Columns(spec.label(), spec.prediction(), spec.scores(), spec.weights()));
        List<GroupAttribute> attrs = new java.util.ArrayList<>();
        for (String a : spec.attributes()) {
            attrs.add(GroupAttribute.of(a, t.strings(a)));
        }
        for (List<String> i : spec.intersections()) {
            GroupAttribute acc = attrs.get(spec.attributes().indexOf(i.get(0)));
            for (String part : i.subList(1, i.size())) {
                acc = GroupAttribute.intersection(acc, attrs.get(spec.attributes().indexOf(part)));
            }
            attrs.add(acc);
        }
        List<ClassificationMetric> metrics = ClassificationMetric.available(sample);
        return attrs.stream().map(a -> PerformanceFrame.of(sample, a, metrics)).toList();
    }

    static int assertSameAudit(AuditResult expected, AuditResult actual) {
        return JsonTrees.assertSame(AuditJson.toTree(expected, null), AuditJson.toTree(actual, null), 1e-9,
                Set.of("provenance"));
    }

    static AuditSpec german(boolean weighted) {
        return AuditSpec.builder("credit", "pred")
                .attribute("sex", "male").attribute("age_group", "gt25")
                .intersection("sex", "age_group")
                .weights(weighted ? "weight" : null).scores("score").build();
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 7})
    void germanAuditEqualsTheSingleMachineAuditForEveryKey(int partitions) throws IOException {
        AuditSpec spec = german(false);
        AuditResult r = CandorSpark.audit(csv(GERMAN).repartition(partitions), spec);
        int compared = assertSameAudit(singleMachine(GERMAN, spec), r);
        assertThat(compared).isGreaterThan(300);
        assertThat(r.rows()).isEqualTo(1000);
        assertThat(r.attributes()).extracting(a -> a.name()).containsExactly("sex", "age_group", "sex&age_group");
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 7})
    void weightedGermanAuditEqualsTheSingleMachineAudit(int partitions) throws IOException {
        AuditSpec spec = german(true);
        AuditResult r = CandorSpark.audit(csv(GERMAN).repartition(partitions), spec);
        assertSameAudit(singleMachine(GERMAN, spec), r);
        assertThat(r.weighted()).isTrue();
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 7})
    void adultAuditEqualsTheSingleMachineAuditForEveryKey(int partitions) throws IOException {
        AuditSpec spec = AuditSpec.builder("income", "pred")
                .attribute("sex", "Male").attribute("race", "White")
                .intersection("sex", "race").scores("score").build();
        AuditResult r = CandorSpark.audit(csv(ADULT).repartition(partitions), spec);
        int compared = assertSameAudit(singleMachine(ADULT, spec), r);
        assertThat(compared).isGreaterThan(500);
        assertThat(r.rows()).isEqualTo(16281);
    }

    @ParameterizedTest(name = "weighted={0}")
    @ValueSource(booleans = {false, true})
    void performanceBlockEqualsTheSingleMachineFrames(boolean weighted) throws IOException {
        AuditSpec spec = german(weighted);
        AuditCounts counts = CandorSpark.counts(csv(GERMAN).repartition(3), spec);
        AuditResult r = counts.result(spec);
        int compared = JsonTrees.assertSame(
                AuditJson.toTree(singleMachine(GERMAN, spec), null, singleMachineFrames(GERMAN, spec)),
                AuditJson.toTree(r, null, CandorSpark.performanceFrames(counts, spec)), 1e-9, Set.of("provenance"));
        assertThat(compared).isGreaterThan(500);
    }

    /** The golden file's own number, computed by AIF360: an independent check of the chain. */
    @Test
    void germanDisparateImpactIsAif360s() throws IOException {
        JsonNode golden = new ObjectMapper().readTree(SharedData.golden("fairness/german_audit.json").toFile());
        AuditResult r = CandorSpark.audit(csv(GERMAN), german(false));
        for (String key : List.of("disparate_impact", "statistical_parity_difference", "equalized_odds_difference")) {
            assertThat(r.attribute("sex").metrics().metric(key).value()).as(key)
                    .isCloseTo(golden.get("protected.sex.metrics." + key).doubleValue(), Offset.offset(1e-9));
        }
        assertThat(r.individual().get("theil_index").value())
                .isCloseTo(golden.get("individual.theil_index").doubleValue(), Offset.offset(1e-9));
    }

    @Test
    void sqlAggregateReturnsTheAuditJson() throws IOException {
        AuditSpec spec = AuditSpec.builder("credit", "pred").attribute("sex", "male").scores("score").build();
        Dataset<Row> data = csv(GERMAN);
        CandorSpark.registerAudit(spark, "candor_audit_sex", spec, data.schema());
        data.createOrReplaceTempView("german");
        String json = spark.sql("SELECT candor_audit_sex(credit, pred, sex, score) FROM german").first().getString(0);
        JsonTrees.assertSame(AuditJson.toTree(singleMachine(GERMAN, spec), null), new ObjectMapper().readTree(json),
                1e-9, Set.of("provenance"));
    }

    @Test
    void numericColumnsAuditLikeTheirText() throws IOException {
        AuditSpec spec = german(true);
        Dataset<Row> typed = csv(GERMAN)
                .withColumn("credit", functions.col("credit").cast("int"))
                .withColumn("pred", functions.col("pred").cast("double"))
                .withColumn("weight", functions.col("weight").cast("double"))
                .withColumn("score", functions.col("score").cast("double"));
        assertSameAudit(singleMachine(GERMAN, spec), CandorSpark.audit(typed, spec));
    }

    @Test
    void badInputNamesTheColumnAndTheValue() {
        Dataset<Row> data = csv(GERMAN);
        assertThatThrownBy(() -> CandorSpark.audit(data, AuditSpec.builder("credit", "pred").attribute("gender", null)
                .build())).isInstanceOf(BadInputException.class).hasMessageContaining("no column 'gender'");
        Dataset<Row> negative = data.withColumn("weight", functions.when(functions.col("row").equalTo("17"),
                functions.lit("-2")).otherwise(functions.col("weight")));
        assertThatThrownBy(() -> CandorSpark.audit(negative, german(true))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("column 'weight'").hasMessageContaining("weight -2");
        Dataset<Row> third = data.withColumn("pred", functions.when(functions.col("row").equalTo("3"),
                functions.lit("2")).otherwise(functions.col("pred")));
        assertThatThrownBy(() -> CandorSpark.audit(third, german(false))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("third label value");
        assertThatThrownBy(() -> CandorSpark.audit(data, AuditSpec.builder("credit", "pred")
                .attribute("sex", "nobody").build())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("privileged value 'nobody'");
    }
}
