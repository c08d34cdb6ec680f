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
 * {@code candor audit} end to end: the JSON it writes must hold every key of the AIF360 / fairlearn
 * golden files ({@code ../shared/golden/fairness/}) to 1e-9; policies give exit code 3; bad input
 * gives exit code 2 with a message naming file, line and column.
 */
class AuditCommandTest {

    @TempDir
    Path tmp;

    private static String golden(String name) {
        return SharedData.golden("fairness/" + name).toString();
    }

    @Test
    void germanJsonMatchesEveryGoldenKey() throws IOException {
        Path json = tmp.resolve("german.json");
        CliRun r = CliRun.of("audit", "--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex,age_group", "--privileged", "sex=male", "--privileged", "age_group=gt25",
                "--intersectional", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compare("german_audit.json", json)).isEqualTo(219);
    }

    @Test
    void germanWeightedJsonMatchesEveryGoldenKey() throws IOException {
        Path json = tmp.resolve("german_w.json");
        CliRun r = CliRun.of("audit", "--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex", "--protected", "age_group", "--privileged", "sex=male,age_group=gt25",
                "--intersectional", "--weights", "weight", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compare("german_audit_weighted.json", json)).isEqualTo(219);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/protected/sex/groups/male/rows").asLong()).isEqualTo(690);
        assertThat(root.at("/weighted").asBoolean()).isTrue();
    }

    @Test
    void adultJsonMatchesEveryGoldenKeyAndReportsScores() throws IOException {
        Path json = tmp.resolve("adult.json");
        CliRun r = CliRun.of("audit", "--data", golden("adult_predictions.csv"), "--label", "income", "--prediction", "pred",
                "--score", "score", "--protected", "sex,race", "--privileged", "sex=Male,race=White",
                "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(compare("adult_audit.json", json)).isEqualTo(194);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/overall/roc_auc").asDouble()).isBetween(0.85, 0.95);
        assertThat(root.at("/protected/race/groups/Other/roc_auc").isNumber()).isTrue();
    }

    /** Flattens the written JSON and compares each golden key; returns how many were compared. */
    private static int compare(String goldenName, Path written) throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode golden = om.readTree(SharedData.golden("fairness/" + goldenName).toFile());
        JsonNode actual = om.readTree(written.toFile());
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("_settings")) {
                continue;
            }
            n++;
            JsonNode node = actual;
            for (String part : e.getKey().split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node == null) {
                failures.add(e.getKey() + ": missing");
            } else if (e.getValue().isNull()) {
                if (!node.isNull()) {
                    failures.add(e.getKey() + ": expected null, got " + node);
                }
            } else if (!node.isNumber() || Math.abs(node.asDouble() - e.getValue().asDouble()) > 1e-9) {
                failures.add(e.getKey() + ": expected " + e.getValue() + ", got " + node);
            }
        }
        assertThat(failures).isEmpty();
        return n;
    }

    @Test
    void fourFifthsPolicyViolationGivesExitCode3AndListsIt() throws IOException {
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.8},"
                + "{\"metric\":\"equalized_odds_difference\",\"max\":0.1,\"attributes\":[\"race\"]}]}");
        Path json = tmp.resolve("adult.json");
        CliRun r = CliRun.of("audit", "--data", golden("adult_predictions.csv"), "--label", "income", "--prediction", "pred",
                "--protected", "sex,race", "--privileged", "sex=Male,race=White", "--policy", policy.toString(),
                "--json", json.toString());
        assertThat(r.exit()).isEqualTo(3);
        JsonNode pol = new ObjectMapper().readTree(json.toFile()).get("policy");
        assertThat(pol.get("passed").asBoolean()).isFalse();
        // golden: race DI 0.5540513636973442, race EOD 0.3458646616541353; sex DI (Female/Male) is below 0.8 too
        List<String> broken = new ArrayList<>();
        pol.get("violations").forEach(v -> broken.add(v.get("attribute").asText() + ":" + v.get("metric").asText()));
        assertThat(broken).containsExactlyInAnyOrder("sex:disparate_impact", "race:disparate_impact",
                "race:equalized_odds_difference");
        assertThat(r.err()).contains("disparate_impact of race = 0.554");
    }

    @Test
    void htmlReportShowsTheAuditAndThePolicyVerdict() throws IOException {
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.8}]}");
        Path html = tmp.resolve("adult.html");
        CliRun r = CliRun.of("audit", "--data", golden("adult_predictions.csv"), "--label", "income", "--prediction", "pred",
                "--protected", "sex,race", "--privileged", "sex=Male,race=White", "--policy", policy.toString(),
                "--json", tmp.resolve("adult.json").toString(), "--html", html.toString());
        assertThat(r.exit()).isEqualTo(3);
        String page = Files.readString(html);
        // golden: protected.race.metrics.disparate_impact = 0.5540513636973442
        assertThat(page).contains("<section id=\"fairness\">", "Asian-Pac-Islander", "0.554", "policy.json")
                .doesNotContain("<script");
    }

    @Test
    void htmlWithoutPolicyIsCheckedAgainstTheDefaultPolicyButExitsZero() throws IOException {
        Path html = tmp.resolve("german.html");
        CliRun r = CliRun.of("audit", "--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex", "--privileged", "sex=male", "--json", tmp.resolve("g.json").toString(),
                "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(html)).contains("four-fifths rule", "<section id=\"summary\">");
    }

    @Test
    void unwritableHtmlPathIsExitCode2() throws IOException {
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        CliRun r = CliRun.of("audit", "--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex", "--json", tmp.resolve("g.json").toString(),
                "--html", blocker.resolve("out.html").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("out.html");
    }

    @Test
    void policyThatHoldsGivesExitCode0() throws IOException {
        Path policy = tmp.resolve("policy.json");
        // German sex: DI 0.8911217930155789 >= 0.8, equalized odds difference 0.0857 <= 0.1
        Files.writeString(policy, "{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.8,\"attributes\":[\"sex\"]},"
                + "{\"metric\":\"equalized_odds_difference\",\"max\":0.1,\"attributes\":[\"sex\"]}]}");
        CliRun r = CliRun.of("audit", "--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex", "--privileged", "sex=male", "--policy", policy.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.at("/policy/passed").asBoolean()).isTrue();
        assertThat(root.at("/policy/checked").asInt()).isEqualTo(2);
    }

    @Test
    void missingColumnIsExitCode2NamingFileAndColumn() {
        CliRun r = CliRun.of("audit", "--data", golden("german_predictions.csv"), "--label", "nope", "--prediction", "pred",
                "--protected", "sex");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("german_predictions.csv").contains("no column 'nope'");
    }

    @Test
    void thirdLabelValueIsExitCode2NamingLineAndColumn() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "y,p,g\n1,1,a\n0,1,b\n2,0,a\n");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--protected", "g");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv, line 4, column 'y'").contains("'2'");
    }

    @Test
    void negativeWeightIsExitCode2NamingLineAndColumn() throws IOException {
        Path csv = tmp.resolve("w.csv");
        Files.writeString(csv, "y,p,g,w\n1,1,a,1\n0,1,b,-0.5\n");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--protected", "g",
                "--weights", "w");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("w.csv, line 3, column 'w'").contains("negative");
    }

    @Test
    void nanScoreAndRaggedRowsAndMissingFileAreExitCode2() throws IOException {
        Path csv = tmp.resolve("s.csv");
        Files.writeString(csv, "y,p,g,s\n1,1,a,0.9\n0,1,b,NaN\n");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--protected", "g",
                "--score", "s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 3, column 's'").contains("not finite");

        Path ragged = tmp.resolve("r.csv");
        Files.writeString(ragged, "y,p,g\n1,1,a\n0,1\n");
        CliRun r2 = CliRun.of("audit", "--data", ragged.toString(), "--label", "y", "--prediction", "p", "--protected", "g");
        assertThat(r2.exit()).isEqualTo(2);
        assertThat(r2.err()).contains("r.csv, line 3: has 2 fields");

        CliRun r3 = CliRun.of("audit", "--data", tmp.resolve("absent.csv").toString(), "--label", "y", "--prediction", "p",
                "--protected", "g");
        assertThat(r3.exit()).isEqualTo(2);
        assertThat(r3.err()).contains("absent.csv");
    }

    @Test
    void undefinedMetricsAreNullWithReasonAndStrictModeFails() throws IOException {
        // group b has no favorable true label: its TPR and FNR are undefined
        Path csv = tmp.resolve("u.csv");
        Files.writeString(csv, "y,p,g\n1,1,a\n0,0,a\n1,0,a\n0,1,b\n0,0,b\n");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--protected", "g",
                "--privileged", "g=a");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode g = new ObjectMapper().readTree(r.out()).at("/protected/g");
        assertThat(g.at("/groups/b/true_positive_rate").isNull()).isTrue();
        assertThat(g.at("/groups/b/undefined/true_positive_rate").asText()).isEqualTo("no_positives");
        assertThat(g.at("/metrics/equal_opportunity_difference").isNull()).isTrue();
        assertThat(g.at("/metrics/undefined/equal_opportunity_difference").asText()).isEqualTo("no_positives");
        // selection rates: a 1/3, b 1/2 -> disparate impact (b / a) = 1.5
        assertThat(g.at("/metrics/disparate_impact").asDouble()).isEqualTo(1.5);

        CliRun strict = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--protected", "g",
                "--privileged", "g=a", "--strict");
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).contains("undefined").contains("no_positives");
    }

    @Test
    void ciAddsWilsonBootstrapAndTestsAndIsReproducible() throws IOException {
        String[] args = {"audit", "--data", golden("german_predictions.csv"), "--label", "credit", "--prediction",
            "pred", "--protected", "sex", "--privileged", "sex=male", "--ci", "--resamples", "200", "--seed", "7"};
        JsonNode a = new ObjectMapper().readTree(CliRun.of(args).out());
        JsonNode b = new ObjectMapper().readTree(CliRun.of(args).out());
        JsonNode ci = a.at("/protected/sex/metrics/ci/disparate_impact");
        assertThat(ci.get("lower").asDouble()).isLessThan(0.8911217930155789);
        assertThat(ci.get("upper").asDouble()).isGreaterThan(0.8911217930155789);
        assertThat(a.at("/protected/sex/metrics/ci")).isEqualTo(b.at("/protected/sex/metrics/ci"));
        assertThat(a.at("/protected/sex/groups/female/ci/selection_rate/lower").asDouble()).isLessThan(0.7193548387096774);
        assertThat(a.at("/protected/sex/significance/selection_rate/fisher_p").asDouble()).isBetween(0.0, 1.0);
        assertThat(a.at("/bootstrap/resamples").asInt()).isEqualTo(200);
    }
}
