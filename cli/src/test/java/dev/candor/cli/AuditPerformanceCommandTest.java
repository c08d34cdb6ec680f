package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code performance} block of {@code candor audit --json} and {@code candor audit --task
 * regression}, end to end: the written JSON must hold every overall and by-group number of the
 * scikit-learn / fairlearn golden files ({@code ../shared/golden/performance/}) to 1e-9.
 */
class AuditPerformanceCommandTest {

    /** Golden metric names (scikit-learn's function names) to the audit JSON's keys. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("accuracy_score", "accuracy"), Map.entry("balanced_accuracy_score", "balanced_accuracy"),
            Map.entry("precision_score", "precision"), Map.entry("recall_score", "recall"),
            Map.entry("f1_score", "f1"), Map.entry("fbeta_score_beta_2", "fbeta_beta_2"),
            Map.entry("matthews_corrcoef", "matthews_corrcoef"), Map.entry("cohen_kappa_score", "cohen_kappa"),
            Map.entry("specificity", "specificity"), Map.entry("roc_auc_score", "roc_auc"),
            Map.entry("average_precision_score", "average_precision"), Map.entry("log_loss", "log_loss"),
            Map.entry("brier_score_loss", "brier_score_loss"),
            Map.entry("expected_calibration_error", "expected_calibration_error"),
            Map.entry("mean_squared_error", "mean_squared_error"),
            Map.entry("root_mean_squared_error", "root_mean_squared_error"),
            Map.entry("mean_absolute_error", "mean_absolute_error"),
            Map.entry("median_absolute_error", "median_absolute_error"), Map.entry("max_error", "max_error"),
            Map.entry("r2_score", "r2"), Map.entry("explained_variance_score", "explained_variance"),
            Map.entry("mean_absolute_percentage_error", "mean_absolute_percentage_error"),
            Map.entry("mean_squared_log_error", "mean_squared_log_error"),
            Map.entry("mean_prediction", "mean_prediction"), Map.entry("mean_target", "mean_target"),
            Map.entry("count", "count"), Map.entry("sum_of_weights", "sum_of_weights"));

    @TempDir
    Path tmp;

    private static String regressionCsv() {
        return SharedData.golden("performance/adult_regression_predictions.csv").toString();
    }

    @Test
    void regressionAuditReproducesEveryGoldenNumberOverallAndByGroup() throws IOException {
        Path json = tmp.resolve("regression.json");
        CliRun r = CliRun.of("audit", "--task", "regression", "--data", regressionCsv(), "--label", "hours_per_week",
                "--prediction", "prediction", "--protected", "sex,race", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compare("regression.json", "adult", json)).isEqualTo(229);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/task").asText()).isEqualTo("regression");
        assertThat(root.at("/protected/sex/metrics/mean_absolute_error_difference").asDouble())
                .isEqualTo(root.at("/performance/protected/sex/difference_between_groups/mean_absolute_error").asDouble());
    }

    @Test
    void weightedRegressionAuditReproducesEveryGoldenNumber() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(regressionCsv()));
        List<String> weighted = new ArrayList<>();
        weighted.add(lines.get(0) + ",w");
        for (String line : lines.subList(1, lines.size())) {
            int row = Integer.parseInt(line.substring(0, line.indexOf(',')));
            weighted.add(line + "," + (1 + row % 3));
        }
        Path data = tmp.resolve("weighted.csv");
        Files.write(data, weighted);
        Path json = tmp.resolve("weighted.json");
        CliRun r = CliRun.of("audit", "--task", "regression", "--data", data.toString(), "--label", "hours_per_week",
                "--prediction", "prediction", "--protected", "sex,race", "--weights", "w", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compare("regression.json", "adult_weighted", json)).isEqualTo(237);
    }

    @Test
    void policyOnTheMeanAbsoluteErrorGapBetweenGroupsGivesExitCode3WhenBroken() throws IOException {
        Path policy = tmp.resolve("policy.json");
        // race: MAE difference between groups is 1.594 hours (golden), sex: 0.274.
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"mean_absolute_error_difference\",\"max\":1.0}]}");
        Path json = tmp.resolve("r.json");
        CliRun r = CliRun.of("audit", "--task", "regression", "--data", regressionCsv(), "--label", "hours_per_week",
                "--prediction", "prediction", "--protected", "sex,race", "--policy", policy.toString(),
                "--json", json.toString());
        assertThat(r.exit()).isEqualTo(3);
        JsonNode pol = new ObjectMapper().readTree(json.toFile()).get("policy");
        assertThat(pol.get("violations")).hasSize(1);
        assertThat(pol.at("/violations/0/attribute").asText()).isEqualTo("race");
        assertThat(pol.at("/violations/0/value").asDouble()).isEqualTo(1.5937599074014228, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.err()).contains("mean_absolute_error_difference of race");
    }

    @Test
    void classificationAuditCarriesThePerformanceBlockAndChecksPerformanceRules() throws IOException {
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"recall_ratio\",\"min\":0.5},"
                + "{\"metric\":\"disparate_impact\",\"min\":0.5}]}");
        Path json = tmp.resolve("german.json");
        CliRun r = CliRun.of("audit", "--data", SharedData.golden("fairness/german_predictions.csv").toString(),
                "--label", "credit", "--prediction", "pred", "--score", "score", "--protected", "sex,age_group",
                "--privileged", "sex=male,age_group=gt25", "--policy", policy.toString(), "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compare("classification.json", "german", json)).isEqualTo(244);
        JsonNode pol = new ObjectMapper().readTree(json.toFile()).get("policy");
        assertThat(pol.get("checked").asInt()).isEqualTo(4);
    }

    @Test
    void ciAddsSeededBootstrapIntervalsAroundTheLabelMetrics() throws IOException {
        Path json = tmp.resolve("ci.json");
        CliRun r = CliRun.of("audit", "--data", SharedData.golden("fairness/german_predictions.csv").toString(),
                "--label", "credit", "--prediction", "pred", "--protected", "sex", "--ci", "--resamples", "300",
                "--seed", "7", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(json.toFile()).get("performance");
        for (String where : List.of("/overall", "/protected/sex/groups/female", "/protected/sex/groups/male")) {
            double value = p.at(where + "/accuracy").asDouble();
            assertThat(p.at(where + "/ci/accuracy/lower").asDouble()).isLessThanOrEqualTo(value);
            assertThat(p.at(where + "/ci/accuracy/upper").asDouble()).isGreaterThanOrEqualTo(value);
        }
        assertThat(p.at("/protected/sex/difference_between_groups/ci/recall/upper").isNumber()).isTrue();
        assertThat(p.at("/overall/ci/roc_auc").isMissingNode()).isTrue();
    }

    @Test
    void regressionRefusesAnUnknownPolicyMetricAndANonNumericTargetAsBadInput() throws IOException {
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.8}]}");
        CliRun unknown = CliRun.of("audit", "--task", "regression", "--data", regressionCsv(), "--label",
                "hours_per_week", "--prediction", "prediction", "--protected", "sex", "--policy", policy.toString(),
                "--json", tmp.resolve("x.json").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("disparate_impact").contains("mean_absolute_error_difference");
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "y,yhat,sex\n1.5,2,a\nNaN,1,b\n");
        CliRun nan = CliRun.of("audit", "--task", "regression", "--data", bad.toString(), "--label", "y",
                "--prediction", "yhat", "--protected", "sex");
        assertThat(nan.exit()).isEqualTo(2);
        assertThat(nan.err()).contains("bad.csv").contains("y");
    }

    /**
     * Compares every scalar of a golden block whose metric the audit reports (not the curves or
     * confusion matrices) with the written JSON's {@code performance} block.
     */
    private static int compare(String file, String block, Path written) throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode golden = om.readTree(SharedData.golden("performance/" + file).toFile()).get(block);
        JsonNode actual = om.readTree(written.toFile());
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] parts = e.getKey().split("\\.");
            if (e.getKey().equals("_settings") || !e.getValue().isNumber()) {
                continue;
            }
            JsonNode node;
            if (parts.length == 1) {
                node = actual.get(parts[0]);
            } else {
                String metric = KEYS.get(parts[parts.length - 1]);
                if (metric == null) {
                    continue;
                }
                node = actual.get("performance");
                for (int i = 0; i < parts.length - 1; i++) {
                    node = node == null ? null : node.get(parts[i]);
                }
                node = node == null ? null : node.get(metric);
            }
            n++;
            if (node == null || !node.isNumber()) {
                failures.add(e.getKey() + ": missing, got " + node);
            } else if (Math.abs(node.asDouble() - e.getValue().asDouble()) > 1e-9) {
                failures.add(e.getKey() + ": expected " + e.getValue() + ", got " + node);
            }
        }
        assertThat(failures).isEmpty();
        return n;
    }
}
