package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor mitigate} in-process on the golden German predictions, checked against the golden
 * post-processing file ({@code ../shared/golden/mitigation/german_postprocessing.json}: fairlearn 0.14.0,
 * AIF360 0.6.1).
 */
class MitigateCommandTest {

    @TempDir
    Path tmp;

    private static final Path IN = SharedData.golden("fairness/german_predictions.csv");

    private static JsonNode golden() throws IOException {
        return new ObjectMapper().readTree(SharedData.golden("mitigation/german_postprocessing.json").toFile());
    }

    private static double num(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    @Test
    void thresholdOptimizerWritesFairlearnsProbabilitiesAndTables() throws IOException {
        Path out = tmp.resolve("mitigated.csv");
        Path json = tmp.resolve("model.json");
        CliRun r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score",
                "--protected", "sex", "--method", "threshold-optimizer", "--constraint", "equalized_odds",
                "--out", out.toString(), "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode g = golden();
        String p = "threshold_optimizer.sex.equalized_odds.accuracy_score.";
        List<String> src = Files.readAllLines(IN);
        List<String> got = Files.readAllLines(out);
        assertThat(got).hasSize(src.size());
        assertThat(got.get(0)).isEqualTo(src.get(0) + ",favorable_probability,decision");
        JsonNode pmf = g.get(p + "pmf");
        for (int i = 1; i < src.size(); i++) {
            assertThat(got.get(i)).startsWith(src.get(i) + ",");
            String[] f = got.get(i).substring(src.get(i).length() + 1).split(",");
            assertThat(Double.parseDouble(f[0])).as("row %d", i - 1).isCloseTo(pmf.get(i - 1).asDouble(), within(1e-9));
            assertThat(f[1]).isIn("0", "1");
        }
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertThat(m.get("method").asText()).isEqualTo("threshold_optimizer");
        assertThat(m.get("attribute").asText()).isEqualTo("sex");
        assertThat(m.get("constraint").asText()).isEqualTo("equalized_odds");
        for (String grp : List.of("female", "male")) {
            JsonNode t = m.get("groups").get(grp);
            String gp = p + "groups." + grp + ".";
            assertThat(t.get("p0").asDouble()).isCloseTo(g.get(gp + "p0").asDouble(), within(1e-9));
            assertThat(t.get("p_ignore").asDouble()).isCloseTo(g.get(gp + "p_ignore").asDouble(), within(1e-9));
            assertThat(t.get("operation0").get("operator").asText()).isEqualTo(">");
            assertThat(num(t.get("operation1").get("threshold")))
                    .isCloseTo(num(g.get(gp + "operation1.threshold")), within(1e-9));
            assertThat(m.get("expected").get("groups").get(grp).get("true_positive_rate").asDouble())
                    .isCloseTo(g.get(gp + "expected.true_positive_rate").asDouble(), within(1e-9));
        }
        assertThat(m.get("provenance").get("input").get("rows").asLong()).isEqualTo(1000);
        assertThat(r.out()).contains("threshold_optimizer").contains("female").contains("male");
    }

    @Test
    void sameSeedSameDecisionsOtherSeedOthers() throws IOException {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Path c = tmp.resolve("c.csv");
        for (Object[] run : new Object[][] {{a, "7"}, {b, "7"}, {c, "8"}}) {
            CliRun r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score",
                    "--protected", "age_group", "--method", "threshold-optimizer", "--seed", (String) run[1],
                    "--out", run[0].toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).isNotEqualTo(Files.readString(c));
    }

    @Test
    void rejectOptionDecisionsAreAif360sLabels() throws IOException {
        Path out = tmp.resolve("roc.csv");
        Path json = tmp.resolve("roc.json");
        CliRun r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score",
                "--protected", "sex", "--privileged", "sex=male", "--method", "reject-option", "--out", out.toString(),
                "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode g = golden();
        JsonNode labels = g.get("reject_option.sex.labels");
        List<String> got = Files.readAllLines(out);
        for (int i = 1; i < got.size(); i++) {
            String[] f = got.get(i).split(",");
            assertThat(f[f.length - 1]).as("row %d", i - 1).isEqualTo(labels.get(i - 1).asText());
        }
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertThat(m.get("classification_threshold").asDouble())
                .isEqualTo(g.get("reject_option.sex.classification_threshold").asDouble());
        assertThat(m.get("ROC_margin").asDouble()).isEqualTo(g.get("reject_option.sex.ROC_margin").asDouble());
    }

    @Test
    void eqOddsAndCalibratedEqOddsWriteAif360sParameters() throws IOException {
        JsonNode g = golden();
        Path json = tmp.resolve("eo.json");
        CliRun r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score",
                "--protected", "age_group", "--privileged", "age_group=gt25", "--method", "eq-odds", "--json",
                json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode mp = new ObjectMapper().readTree(json.toFile()).get("model_params");
        for (String k : List.of("sp2p", "sn2p", "op2p", "on2p")) {
            assertThat(mp.get(k).asDouble()).as(k)
                    .isCloseTo(g.get("eq_odds.age_group.model_params." + k).asDouble(), within(1e-6));
        }
        Path cj = tmp.resolve("ceo.json");
        r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score",
                "--protected", "age_group", "--privileged", "age_group=gt25", "--method", "calibrated-eq-odds",
                "--cost-constraint", "fnr", "--json", cj.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(cj.toFile());
        // An unclipped rate above 1, as AIF360 stores it.
        assertThat(c.get("priv_mix_rate").asDouble())
                .isCloseTo(g.get("calibrated_eq_odds.age_group.fnr.priv_mix_rate").asDouble(), within(1e-9));
        assertThat(c.get("unpriv_mix_rate").asDouble()).isZero();
    }

    @Test
    void outEqualToDataIsRefusedAndTheInputIsUntouched() throws IOException {
        Path copy = tmp.resolve("preds.csv");
        Files.copy(IN, copy);
        String before = Files.readString(copy);
        CliRun r = CliRun.of("mitigate", "--data", copy.toString(), "--label", "credit", "--score", "score",
                "--protected", "sex", "--method", "threshold-optimizer", "--out",
                tmp.resolve(".").resolve("preds.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is the input file");
        assertThat(Files.readString(copy)).isEqualTo(before);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "y,s,g\n1,0.9,a\n0,1.2,a\n1,0.4,b\n0,0.3,b\n");
        Path out = tmp.resolve("o.csv");
        CliRun r = CliRun.of("mitigate", "--data", bad.toString(), "--label", "y", "--score", "s", "--protected", "g",
                "--method", "threshold-optimizer", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("1.2").contains("[0, 1]");
        assertThat(out).doesNotExist();

        Path one = tmp.resolve("one.csv");
        Files.writeString(one, "y,s,g\n1,0.9,a\n1,0.2,a\n1,0.4,b\n0,0.3,b\n");
        r = CliRun.of("mitigate", "--data", one.toString(), "--label", "y", "--score", "s", "--protected", "g",
                "--privileged", "g=b", "--method", "eq-odds", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unprivileged [a]").contains("only favorable labels");

        r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score", "--protected",
                "sex", "--method", "eq-odds");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--privileged sex=VALUE");

        r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score", "--protected",
                "sex", "--method", "threshold-optimizer", "--constraint", "equalized_odds", "--objective",
                "selection_rate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not allowed with equalized_odds");
    }

    @Test
    void compareFitsOnOnePartAndEvaluatesEveryMethodOnTheRest() throws IOException {
        Path json = tmp.resolve("cmp.json");
        CliRun r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score",
                "--protected", "sex", "--privileged", "sex=male", "--compare", "--constraint", "equalized_odds",
                "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(json.toFile()).get("comparison");
        // Half of every (sex, credit) cell, rounded half up, is held out: female 201 good / 109 bad,
        // male 499 / 191 rows.
        assertThat(c.get("rows").asInt()).isEqualTo(101 + 55 + 250 + 96);
        JsonNode methods = c.get("methods");
        assertThat(methods.size()).isEqualTo(5);
        for (String m : List.of("unmitigated", "threshold-optimizer", "reject-option", "eq-odds", "calibrated-eq-odds")) {
            JsonNode e = methods.get(m);
            assertThat(e.size()).as(m).isEqualTo(8);
            JsonNode acc = e.get("accuracy");
            assertThat(acc.get("value").asDouble()).as(m).isBetween(0.5, 0.9);
            assertThat(acc.get("lower").asDouble()).isLessThanOrEqualTo(acc.get("upper").asDouble());
        }
        assertThat(r.out()).contains("unmitigated").contains("calibrated-eq-odds").contains("held-out");

        Path again = tmp.resolve("cmp2.json");
        CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score", "--protected", "sex",
                "--privileged", "sex=male", "--compare", "--constraint", "equalized_odds", "--json", again.toString());
        assertThat(new ObjectMapper().readTree(again.toFile()).get("comparison")).isEqualTo(c);

        r = CliRun.of("mitigate", "--data", IN.toString(), "--label", "credit", "--score", "score", "--protected",
                "sex", "--compare");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--privileged sex=VALUE");
    }
}
