package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression end to end: {@code candor audit --task regression --html --ci --policy} on the golden
 * Adult predictions, and {@code candor report} on a CSV file whose label is numeric.
 */
class RegressionCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void regressionAuditWritesTheHtmlPageIntervalsAndFailsThePolicyWithExitCode3() throws IOException {
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"mean_absolute_error_difference\",\"max\":1.0}]}");
        Path json = tmp.resolve("r.json");
        Path html = tmp.resolve("r.html");
        CliRun r = CliRun.of("audit", "--task", "regression", "--data",
                SharedData.golden("performance/adult_regression_predictions.csv").toString(), "--label",
                "hours_per_week", "--prediction", "prediction", "--protected", "sex,race", "--policy",
                policy.toString(), "--ci", "--resamples", "200", "--json", json.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        JsonNode p = new ObjectMapper().readTree(json.toFile()).get("performance");
        double female = p.at("/protected/sex/groups/Female/mean_absolute_error").asDouble();
        assertThat(p.at("/protected/sex/groups/Female/ci/mean_absolute_error/lower").asDouble()).isLessThan(female);
        assertThat(p.at("/protected/sex/groups/Female/ci/mean_absolute_error/upper").asDouble()).isGreaterThan(female);
        assertThat(p.at("/protected/race/difference_between_groups/ci/r2/upper").isNumber()).isTrue();
        String page = Files.readString(html);
        assertThat(page).contains("Candor regression audit", "Errors by group", "id=\"fig-residuals-1\"",
                "id=\"fig-residual-distribution-0\"", "mean_absolute_error_difference of race", "FAIL");
        // the page's MAE of the Female group is the JSON's, rounded
        assertThat(page).contains(String.format(Locale.ROOT, "%.3f", female));
    }

    @Test
    void ciWithScoresAddsRowResamplingIntervalsOfTheScoreMetrics() throws IOException {
        Path json = tmp.resolve("ci.json");
        CliRun r = CliRun.of("audit", "--data", SharedData.golden("fairness/german_predictions.csv").toString(),
                "--label", "credit", "--prediction", "pred", "--score", "score", "--protected", "sex", "--ci",
                "--resamples", "200", "--seed", "7", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(json.toFile()).get("performance");
        for (String where : java.util.List.of("/overall", "/protected/sex/groups/female", "/protected/sex/groups/male")) {
            for (String m : java.util.List.of("roc_auc", "average_precision", "log_loss", "brier_score_loss")) {
                double value = p.at(where + "/" + m).asDouble();
                assertThat(p.at(where + "/ci/" + m + "/lower").asDouble()).as(where + " " + m).isLessThan(value);
                assertThat(p.at(where + "/ci/" + m + "/upper").asDouble()).as(where + " " + m).isGreaterThan(value);
            }
        }
        assertThat(p.at("/protected/sex/difference_between_groups/ci/roc_auc/upper").isNumber()).isTrue();
        assertThat(p.at("/overall/ci/accuracy/lower").isNumber()).isTrue();
    }

    /** y = 3 + 2·x + 1.5·[c = b] + noise(sd 0.3), protected g independent of everything. */
    private Path linearCsv(int n) throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("x,c,g,y\n");
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble(0, 10);
            String c = r.nextBoolean() ? "a" : "b";
            String g = r.nextInt(3) == 0 ? "minority" : "majority";
            double y = 3 + 2 * x + (c.equals("b") ? 1.5 : 0) + 0.3 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.6f,%s,%s,%.6f%n", x, c, g, y));
        }
        Path f = tmp.resolve("linear.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void reportOnANumericLabelInfersRegressionAndExplainsThePredictedValue() throws IOException {
        Path data = linearCsv(600);
        Path json = tmp.resolve("report.json");
        CliRun r = CliRun.of("report", "--data", data.toString(), "--label", "y", "--protected", "g", "--explain-rows",
                "30", "--quiet", "--out", tmp.resolve("report.html").toString(), "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("numeric with more than two distinct values: training a regressor");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode overall = root.at("/regression/performance/overall");
        // noise sd 0.3: RMSE close to 0.3, R² close to 1 against the variance of 2x (about 33)
        assertThat(overall.get("root_mean_squared_error").asDouble()).isCloseTo(0.3, Offset.offset(0.05));
        assertThat(overall.get("r2").asDouble()).isGreaterThan(0.99);
        assertThat(root.at("/regression/performance/protected/g/groups/minority/ci/mean_absolute_error/lower")
                .isNumber()).isTrue();
        // LIME in regression mode explains the predicted value: its local prediction is near the model's
        JsonNode local = root.at("/explanations/local/0");
        double f = local.get("prediction").asDouble();
        double surrogate = local.get("lime_intercept").asDouble();
        for (JsonNode w : local.get("lime_weights")) {
            surrogate += w.asDouble();
        }
        assertThat(surrogate).isCloseTo(f, Offset.offset(0.1 * Math.abs(f) + 1));
        // KernelSHAP's efficiency: the values sum to f(x) − E[f]
        double sum = root.at("/explanations/base_value").asDouble();
        for (JsonNode v : local.get("shap")) {
            sum += v.asDouble();
        }
        assertThat(sum).isCloseTo(f, Offset.offset(1e-9));
        assertThat(root.at("/methods/settings/lime.mode").asText()).startsWith("regression");
        assertThat(root.at("/summary/model").asText()).isEqualTo("linear regression");
    }

    @Test
    void randomForestReportIsSeededAndExplainsItsPredictions() throws IOException {
        Path data = linearCsv(300);
        Path one = tmp.resolve("one.json");
        Path two = tmp.resolve("two.json");
        for (Path json : new Path[] {one, two}) {
            CliRun r = CliRun.of("report", "--data", data.toString(), "--label", "y", "--protected", "g", "--task",
                    "regression", "--model", "random-forest", "--explain-rows", "8", "--quiet", "--seed", "5", "--out",
                    tmp.resolve("forest.html").toString(), "--json", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(one.toFile());
        JsonNode b = m.readTree(two.toFile());
        assertThat(a.at("/summary/model").asText()).isEqualTo("random forest regressor (200 trees)");
        assertThat(a.at("/regression/performance")).isEqualTo(b.at("/regression/performance"));
        assertThat(a.at("/explanations/local")).isEqualTo(b.at("/explanations/local"));
        // a forest of 210 training rows (one feature tried per split) still explains most of the
        // variance of the held-out rows: measured 0.86, against 0.99 for the matching linear model
        assertThat(a.at("/regression/performance/overall/r2").asDouble()).isGreaterThan(0.8);
        JsonNode local = a.at("/explanations/local/0");
        double sum = a.at("/explanations/base_value").asDouble();
        for (JsonNode v : local.get("shap")) {
            sum += v.asDouble();
        }
        assertThat(sum).isCloseTo(local.get("prediction").asDouble(), Offset.offset(1e-9));
    }

    @Test
    void regressionRefusesAClassifierOnlyModelAndAConstantTarget() throws IOException {
        Path data = linearCsv(100);
        CliRun gb = CliRun.of("report", "--data", data.toString(), "--label", "y", "--protected", "g", "--task",
                "regression", "--model", "gradient-boosting", "--out", tmp.resolve("a.html").toString());
        assertThat(gb.exit()).isEqualTo(2);
        assertThat(gb.err()).contains("gradient-boosting").contains("linear or random-forest");
        Path constant = tmp.resolve("constant.csv");
        Files.writeString(constant, "x,g,y\n1,a,5\n2,b,5\n3,a,5\n4,b,5\n5,a,5\n6,b,5\n");
        CliRun c = CliRun.of("report", "--data", constant.toString(), "--label", "y", "--protected", "g", "--task",
                "regression", "--out", tmp.resolve("b.html").toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("target 'y'").contains("constant");
        assertThat(tmp.resolve("b.html")).doesNotExist();
    }
}
