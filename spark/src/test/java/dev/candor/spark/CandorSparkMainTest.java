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

    @Test
    void aMissingColumnOrFileIsBadInput(@TempDir Path dir) {
        assertThat(CandorSparkMain.execute("audit", "--data", GERMAN.toString(), "--label", "credit",
                "--prediction", "pred", "--protected", "gender")).isEqualTo(2);
        assertThat(CandorSparkMain.execute("audit", "--data", dir.resolve("none.csv").toString(), "--label", "y",
                "--prediction", "p", "--protected", "sex")).isEqualTo(2);
    }
}
