package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor drift} end to end against the golden drift file's "small" scenario
 * ({@code shared/golden/drift/adult_drift_small.json}): reference = the first 500 Adult training rows,
 * current = the first 300 test rows, after dropping rows with a {@code ?} (the README's recipe).
 */
class DriftCommandTest {

    private static final String[] COLUMNS = {"age", "workclass", "fnlwgt", "education", "education-num",
        "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
        "hours-per-week", "native-country"};
    private static final String NUMERIC = "age,fnlwgt,education-num,capital-gain,capital-loss,hours-per-week";
    private static final String CATEGORICAL = "workclass,education,marital-status,occupation,relationship,race,sex,"
            + "native-country";

    @TempDir
    Path dir;

    @Test
    void everyTestValueAndTheDatasetVerdictEqualTheGoldenFile() throws IOException {
        Optional<Path> shared = SharedData.sharedDir();
        assumeTrue(shared.isPresent() && Files.isRegularFile(shared.get().resolve("datasets/adult/adult.data")),
                "reference data not present");
        Path ref = sample(shared.get().resolve("datasets/adult/adult.data"), false, 500, dir.resolve("ref.csv"));
        Path cur = sample(shared.get().resolve("datasets/adult/adult.test"), true, 300, dir.resolve("cur.csv"));
        Path json = dir.resolve("drift.json");
        Path html = dir.resolve("drift.html");
        CliRun run = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--numeric", NUMERIC, "--categorical", CATEGORICAL, "--tests", "all", "--correction", "bonferroni",
                "--json", json.toString(), "--html", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        JsonNode golden = new ObjectMapper().readTree(shared.get().resolve("golden/drift/adult_drift_small.json")
                .toFile()).path("scenarios").path("small");
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertThat(out.at("/reference/rows").asInt()).isEqualTo(500);
        assertThat(out.at("/current/rows").asInt()).isEqualTo(300);
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.path("features").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode mine = out.path("features").path(f.getKey());
            JsonNode def = f.getValue().path("evidently_default_test");
            assertThat(mine.path("default_test").asText()).as(f.getKey()).isEqualTo(def.path("name").asText());
            assertThat(mine.path("drift").asBoolean()).as(f.getKey()).isEqualTo(def.path("drift").asBoolean());
            for (Iterator<Map.Entry<String, JsonNode>> t = f.getValue().path("evidently_tests").fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> e = t.next();
                JsonNode g = e.getValue();
                JsonNode m = mine.path("tests").path(e.getKey());
                String what = f.getKey() + "." + e.getKey();
                assertThat(m.isMissingNode()).as(what + " present").isFalse();
                if (e.getKey().equals("TVD") || g.path("value").isNull()) {
                    continue; // TVD's permutation p-value is random in the reference itself
                }
                assertThat(m.path("drift").asBoolean()).as(what + " drift").isEqualTo(g.path("drift").asBoolean());
                assertThat(m.path("threshold").asDouble()).as(what + " threshold").isEqualTo(g.path("threshold").asDouble());
                double gv = g.path("value").asDouble();
                double mv = m.path("value").isTextual() ? Double.parseDouble(m.path("value").asText()) : m.path("value").asDouble();
                assertThat(mv).as(what).isCloseTo(gv, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(gv))));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
        JsonNode gd = golden.path("dataset_drift");
        JsonNode md = out.path("dataset_drift");
        assertThat(md.path("number_of_columns").asInt()).isEqualTo(gd.path("number_of_columns").asInt());
        assertThat(md.path("number_of_drifted_columns").asInt()).isEqualTo(gd.path("number_of_drifted_columns").asInt());
        assertThat(md.path("dataset_drift").asBoolean()).isEqualTo(gd.path("dataset_drift").asBoolean());
        List<String> drifted = new ArrayList<>();
        md.path("drifted_columns").forEach(n -> drifted.add(n.asText()));
        List<String> goldenDrifted = new ArrayList<>();
        gd.path("drifted_columns").forEach(n -> goldenDrifted.add(n.asText()));
        assertThat(drifted).isEqualTo(goldenDrifted);
        JsonNode gb = golden.path("corrections").path("bonferroni");
        JsonNode features = golden.path("corrections").path("features");
        for (int i = 0; i < features.size(); i++) {
            assertThat(out.at("/corrections/bonferroni/" + features.get(i).asText()).asDouble())
                    .isCloseTo(gb.get(i).asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        }
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("workclass").doesNotContain("<script");
        assertThat(page.split("<svg", -1).length - 1).isEqualTo(14);
    }

    @Test
    void failOnDriftExitsThreeAndBadInputNamesFileLineAndColumn() throws IOException {
        Path ref = Files.writeString(dir.resolve("r.csv"), "x,c\n1,a\n2,a\n3,b\n4,a\n5,b\n6,a\n");
        Path cur = Files.writeString(dir.resolve("c.csv"), "x,c\n100,z\n200,z\n300,z\n400,z\n500,z\n600,z\n");
        CliRun drifted = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(), "--fail-on-drift");
        assertThat(drifted.exit()).as(drifted.err()).isEqualTo(3);
        assertThat(drifted.out()).contains("dataset drift: YES (2 of 2 features drifted");
        assertThat(CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString()).exit()).isZero();

        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,c\n1,a\n2,a\nthree,b\n");
        CliRun typo = CliRun.of("drift", "--reference", ref.toString(), "--current", bad.toString(), "--numeric", "x");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("bad.csv").contains("line 4").contains("'x'").contains("'three' is not a number");

        CliRun missing = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--categorical", "colour");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("r.csv").contains("'colour'");

        CliRun unknownTest = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--tests", "ks,kolmogorov");
        assertThat(unknownTest.exit()).isEqualTo(2);
        assertThat(unknownTest.err()).contains("unknown test 'kolmogorov'");
    }

    @Test
    void aReferenceProfileGivesTheGoldenCategoryTestsAndRefusesAnotherSchema() throws IOException {
        Optional<Path> shared = SharedData.sharedDir();
        assumeTrue(shared.isPresent() && Files.isRegularFile(shared.get().resolve("datasets/adult/adult.data")),
                "reference data not present");
        Path ref = sample(shared.get().resolve("datasets/adult/adult.data"), false, 500, dir.resolve("ref.csv"));
        Path cur = sample(shared.get().resolve("datasets/adult/adult.test"), true, 300, dir.resolve("cur.csv"));
        Path profile = dir.resolve("ref.profile.json");
        CliRun p = CliRun.of("profile", "--data", ref.toString(), "--numeric", NUMERIC, "--categorical", CATEGORICAL,
                "--out", profile.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        Path json = dir.resolve("drift.json");
        Path html = dir.resolve("drift.html");
        CliRun run = CliRun.of("drift", "--reference-profile", profile.toString(), "--current", cur.toString(),
                "--tests", "psi,jensenshannon,kl_div,hellinger,chisquare,z,ks,t_test,wasserstein",
                "--json", json.toString(), "--html", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode golden = new ObjectMapper().readTree(shared.get().resolve("golden/drift/adult_drift_small.json")
                .toFile()).path("scenarios").path("small").path("features");
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertThat(out.at("/reference/rows").asInt()).isEqualTo(500);
        int compared = 0;
        // categorical features are binned by category from a profile too: Evidently's values exactly
        for (String f : CATEGORICAL.split(",")) {
            assertThat(out.at("/features/" + f + "/default_test").asText()).isEqualTo(
                    golden.path(f).at("/evidently_default_test/name").asText());
            for (String t : List.of("psi", "jensenshannon", "kl_div", "hellinger", "chisquare", "z")) {
                JsonNode g = golden.path(f).path("evidently_tests").path(t);
                JsonNode m = out.at("/features/" + f + "/tests/" + t);
                double gv = g.path("value").isTextual() ? Double.parseDouble(g.path("value").asText()) : g.path("value").asDouble();
                double mv = m.path("value").isTextual() ? Double.parseDouble(m.path("value").asText()) : m.path("value").asDouble();
                assertThat(mv).as(f + "." + t).isCloseTo(gv, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(gv))));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(48);
        // numeric: the t-test from moments is scipy's; 500 values overflow the sketch, so ks is approximate
        for (String f : NUMERIC.split(",")) {
            double gt = golden.path(f).at("/evidently_tests/t_test/value").asDouble();
            assertThat(out.at("/features/" + f + "/tests/t_test/value").asDouble()).as(f)
                    .isCloseTo(gt, org.assertj.core.data.Offset.offset(1e-9 * Math.max(gt, 1e-15)));
            assertThat(out.at("/features/" + f + "/default_test").asText()).isEqualTo("jensenshannon");
            assertThat(out.at("/features/" + f + "/tests/wasserstein/undefined").asText()).isEqualTo("needs_raw_values");
        }
        assertThat(out.at("/features/age/tests/ks/warnings/0").asText()).startsWith("approximate, from sketch, |ΔD| ≤ ");
        assertThat(Files.readString(html)).contains("hours-per-week").contains("&lt; ");

        CliRun other = CliRun.of("drift", "--reference-profile", profile.toString(), "--current", cur.toString(),
                "--numeric", "age", "--categorical", "sex");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("ref.profile.json").contains("fingerprint")
                .contains("[age (numeric), sex (categorical)]");
        CliRun both = CliRun.of("drift", "--reference", ref.toString(), "--reference-profile", profile.toString(),
                "--current", cur.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --reference and --reference-profile");
    }

    @Test
    void integerWeightsActAsRepeatedRowsAndBadWeightsNameFileLineAndColumn() throws IOException {
        Path ref = Files.writeString(dir.resolve("r.csv"), "x,c,w\n1,a,2\n2,a,1\n3,b,0\n4,a,1\n5,b,3\n6,a,1\n");
        Path rep = Files.writeString(dir.resolve("rep.csv"), "x,c\n1,a\n1,a\n2,a\n4,a\n5,b\n5,b\n5,b\n6,a\n");
        Path cur = Files.writeString(dir.resolve("c.csv"), "x,c,w\n2,b,1\n3,b,1\n4,a,2\n7,b,1\n");
        Path curRep = Files.writeString(dir.resolve("crep.csv"), "x,c\n2,b\n3,b\n4,a\n4,a\n7,b\n");
        Path wj = dir.resolve("w.json");
        Path rj = dir.resolve("rep.json");
        String tests = "ks,t_test,wasserstein,ed,psi,jensenshannon,kl_div,hellinger";
        CliRun w = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(), "--weight", "w",
                "--tests", tests, "--json", wj.toString());
        assertThat(w.exit()).as(w.err()).isZero();
        CliRun r = CliRun.of("drift", "--reference", rep.toString(), "--current", curRep.toString(),
                "--tests", tests, "--json", rj.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(wj.toFile()).path("features");
        JsonNode b = new ObjectMapper().readTree(rj.toFile()).path("features");
        assertThat(a.has("w")).isFalse();
        for (String t : tests.split(",")) {
            assertThat(a.at("/x/tests/" + t + "/value").asDouble()).as(t)
                    .isCloseTo(b.at("/x/tests/" + t + "/value").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(a.at("/c/tests/psi/value").asDouble()).isEqualTo(b.at("/c/tests/psi/value").asDouble());

        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,c,w\n1,a,1\n2,a,-0.5\n");
        CliRun neg = CliRun.of("drift", "--reference", bad.toString(), "--current", cur.toString(), "--weight", "w");
        assertThat(neg.exit()).isEqualTo(2);
        assertThat(neg.err()).contains("bad.csv").contains("line 3").contains("'w'").contains("is negative");
    }

    @Test
    void explainLabelRanksTheDriftedFeaturesByEffectTimesShapImportance() throws IOException {
        // y follows x1 only; x1 and x2 drift alike, x3 does not drift
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        StringBuilder ref = new StringBuilder("x1,x2,x3,y\n");
        StringBuilder cur = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < 1500; i++) {
            double x1 = r.nextGaussian();
            ref.append(String.format(java.util.Locale.ROOT, "%.5f,%.5f,%.5f,%d%n", x1, r.nextGaussian(), r.nextGaussian(),
                    x1 + 0.3 * r.nextGaussian() > 0 ? 1 : 0));
        }
        for (int i = 0; i < 1200; i++) {
            cur.append(String.format(java.util.Locale.ROOT, "%.5f,%.5f,%.5f,0%n", r.nextGaussian() + 1, r.nextGaussian() + 1,
                    r.nextGaussian()));
        }
        Path rf = Files.writeString(dir.resolve("ref.csv"), ref);
        Path cf = Files.writeString(dir.resolve("cur.csv"), cur);
        Path json = dir.resolve("rank.json");
        Path html = dir.resolve("rank.html");
        CliRun run = CliRun.of("drift", "--reference", rf.toString(), "--current", cf.toString(), "--explain-label", "y",
                "--explain-rows", "40", "--json", json.toString(), "--html", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertThat(out.path("features").has("y")).isFalse();
        JsonNode ranking = out.path("ranking");
        assertThat(ranking.size()).isEqualTo(2);
        assertThat(ranking.get(0).path("feature").asText()).isEqualTo("x1");
        assertThat(ranking.get(1).path("feature").asText()).isEqualTo("x2");
        for (JsonNode e : ranking) {
            String f = e.path("feature").asText();
            assertThat(e.path("effect_test").asText()).isEqualTo("wasserstein");
            assertThat(e.path("effect").asDouble()).isEqualTo(out.at("/features/" + f + "/tests/wasserstein/value").asDouble());
            assertThat(e.path("score").asDouble()).isCloseTo(e.path("effect").asDouble() * e.path("importance").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(ranking.get(0).path("importance").asDouble()).isGreaterThan(5 * ranking.get(1).path("importance").asDouble());
        assertThat(Files.readString(html)).contains("Drift that matters to the model").contains("mean |SHAP|");
        assertThat(run.out()).contains("drifted features by drift x importance:");
    }

    /** The README's recipe: trimmed fields, header line of adult.test skipped, rows with '?' dropped. */
    static Path sample(Path source, boolean skipFirst, int rows, Path target) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        int kept = 0;
        for (int i = skipFirst ? 1 : 0; i < lines.size() && kept < rows; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",");
            List<String> out = new ArrayList<>();
            boolean unknown = false;
            for (int c = 0; c < COLUMNS.length; c++) {
                String v = f[c].trim();
                unknown |= v.equals("?");
                out.add(v);
            }
            for (int c = COLUMNS.length; c < f.length; c++) {
                unknown |= f[c].trim().equals("?");
            }
            if (!unknown) {
                sb.append(String.join(",", out)).append('\n');
                kept++;
            }
        }
        return Files.writeString(target, sb.toString());
    }
}
