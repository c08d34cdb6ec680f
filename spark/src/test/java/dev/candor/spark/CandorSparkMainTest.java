package dev.candor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.report.AuditJson;
import dev.candor.report.PolicyJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor-spark audit} writes the JSON of {@code candor audit} and exits with its codes. */
class CandorSparkMainTest {

    private static final Path GERMAN = SharedData.golden("fairness/german_predictions.csv");

    @BeforeAll
    static void start() {
        LocalSpark.get(); // the command reuses the running session (no --master)
    }

    @Test
    void auditWritesTheSingleMachineJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("audit.json");
        int code = CandorSparkMain.execute("audit", "--data", GERMAN.toString(), "--format", "csv",
                "--label", "credit", "--prediction", "pred", "--score", "score", "--weights", "weight",
                "--protected", "sex,age_group", "--privileged", "sex=male", "--privileged", "age_group=gt25",
                "--intersectional", "--json", json.toString());
        assertThat(code).isZero();
        AuditSpec spec = CandorSparkAuditTest.german(true);
        AuditResult expected = CandorSparkAuditTest.singleMachine(GERMAN, spec);
        JsonTrees.assertSame(AuditJson.toTree(expected, null, CandorSparkAuditTest.singleMachineFrames(GERMAN, spec)),
                new ObjectMapper().readTree(json.toFile()), 1e-9, Set.of("provenance"));
    }

    @Test
    void parquetInputGivesTheSameAudit(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("german.parquet");
        CandorSparkAuditTest.csv(GERMAN).repartition(3).write().parquet(parquet.toString());
        Path json = dir.resolve("audit.json");
        int code = CandorSparkMain.execute("audit", "--data", parquet.toString(), "--format", "parquet",
                "--label", "credit", "--prediction", "pred", "--protected", "sex", "--privileged", "sex=male",
                "--json", json.toString());
        assertThat(code).isZero();
        AuditSpec spec = AuditSpec.builder("credit", "pred").attribute("sex", "male").build();
        JsonTrees.assertSame(AuditJson.toTree(CandorSparkAuditTest.singleMachine(GERMAN, spec), null,
                CandorSparkAuditTest.singleMachineFrames(GERMAN, spec)), new ObjectMapper().readTree(json.toFile()),
                1e-9, Set.of("provenance"));
    }

    @Test
    void aBreachedPolicyExitsWithThreeAndListsTheViolations(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"rules\": [{\"metric\": \"disparate_impact\", \"min\": 0.95}]}");
        Path json = dir.resolve("audit.json");
        int code = CandorSparkMain.execute("audit", "--data", GERMAN.toString(), "--label", "credit",
                "--prediction", "pred", "--protected", "sex", "--privileged", "sex=male",
                "--policy", policy.toString(), "--json", json.toString());
        assertThat(code).isEqualTo(3);
        AuditSpec spec = AuditSpec.builder("credit", "pred").attribute("sex", "male").build();
        AuditResult expected = CandorSparkAuditTest.singleMachine(GERMAN, spec);
        PolicyResult outcome = PolicyResult.evaluate(PolicyJson.read(policy), expected);
        assertThat(outcome.passed()).isFalse();
        JsonTrees.assertSame(AuditJson.toTree(expected, outcome, CandorSparkAuditTest.singleMachineFrames(GERMAN, spec)),
                new ObjectMapper().readTree(json.toFile()), 1e-9, Set.of("provenance"));
    }

    /** The single-machine {@code candor audit --ci} document: row-resampled intervals of the in-memory audit. */
    static com.fasterxml.jackson.databind.JsonNode singleMachineCi(AuditSpec spec, dev.candor.fairness.Bootstrap boot)
            throws Exception {
        dev.candor.datasets.PredictionsTable t = dev.candor.datasets.PredictionsTable.read(GERMAN, spec.inputColumns());
        int[][] y = t.binaryLabels(spec.label(), spec.prediction(), spec.favorable(), spec.othersUnfavorable());
        dev.candor.fairness.audit.Audit.Builder b = dev.candor.fairness.audit.Audit.builder(y[0], y[1]).intervals(boot);
        List<dev.candor.fairness.GroupAttribute> attrs = new java.util.ArrayList<>();
        for (String a : spec.attributes()) {
            b.attribute(a, t.strings(a), spec.privileged(a));
            attrs.add(dev.candor.fairness.GroupAttribute.of(a, t.strings(a)));
        }
        b.intersection(spec.attributes().toArray(String[]::new));
        attrs.add(dev.candor.fairness.GroupAttribute.intersection(attrs.get(0), attrs.get(1)));
        Map<String, dev.candor.fairness.BootstrapResult> perf = new java.util.LinkedHashMap<>();
        for (dev.candor.fairness.GroupAttribute a : attrs) {
            perf.put(a.name(), dev.candor.fairness.performance.PerformanceIntervals.labelMetrics(boot, y[0], y[1], null,
                    a, dev.candor.fairness.performance.ClassificationMetric.LABEL_METRICS));
        }
        return new ObjectMapper().readTree(AuditJson.toJson(b.build().run(), null,
                CandorSparkAuditTest.singleMachineFrames(GERMAN, spec), perf));
    }

    @Test
    void auditCiEqualsTheSingleMachineIntervals(@TempDir Path dir) throws Exception {
        AuditSpec spec = AuditSpec.builder("credit", "pred").attribute("sex", "male").attribute("age_group", "gt25")
                .intersection("sex", "age_group").build();
        dev.candor.fairness.Bootstrap boot = dev.candor.fairness.Bootstrap.builder().resamples(300).level(0.9)
                .seed(7).build();
        com.fasterxml.jackson.databind.JsonNode expected = singleMachineCi(spec, boot);
        assertThat(expected.toString()).contains("\"significance\"").contains("\"wilson_level\"");
        Path json = dir.resolve("audit.json");
        int code = CandorSparkMain.execute("audit", "--data", GERMAN.toString(), "--label", "credit",
                "--prediction", "pred", "--protected", "sex,age_group", "--privileged", "sex=male,age_group=gt25",
                "--intersectional", "--ci", "--resamples", "300", "--level", "0.9", "--seed", "7",
                "--json", json.toString());
        assertThat(code).isZero();
        int n = JsonTrees.assertSame(expected, new ObjectMapper().readTree(json.toFile()), 1e-9, Set.of("provenance"));
        assertThat(n).isGreaterThan(1000);
        // the same from the API over three partitions
        AuditCounts counts = CandorSpark.counts(CandorSparkAuditTest.csv(GERMAN).repartition(3), spec);
        JsonTrees.assertSame(expected, new ObjectMapper().readTree(AuditJson.toJson(counts.result(spec, boot), null,
                CandorSpark.performanceFrames(counts, spec), counts.performanceIntervals(spec, boot))), 1e-9,
                Set.of("provenance"));
        assertThat(CandorSparkMain.execute("audit", "--data", GERMAN.toString(), "--label", "credit",
                "--prediction", "pred", "--protected", "sex", "--score", "score", "--ci")).isEqualTo(2);
    }

    @Test
    void aMissingColumnOrFileIsBadInput(@TempDir Path dir) {
        assertThat(CandorSparkMain.execute("audit", "--data", GERMAN.toString(), "--label", "credit",
                "--prediction", "pred", "--protected", "gender")).isEqualTo(2);
        assertThat(CandorSparkMain.execute("audit", "--data", dir.resolve("none.csv").toString(), "--label", "y",
                "--prediction", "p", "--protected", "sex")).isEqualTo(2);
    }
}
