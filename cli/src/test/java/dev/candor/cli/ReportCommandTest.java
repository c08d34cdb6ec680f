package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.SyntheticCredit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CandorCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    /** A small CSV of synthetic credit rows, with the protected column {@code sex} and label {@code credit}. */
    private Path csv(int rows, boolean constantSex) throws Exception {
        return csv(rows, constantSex, "zip_region");
    }

    /** The same, with the proxy column {@code zip_region} renamed. */
    private Path csv(int rows, boolean constantSex, String proxyName) throws Exception {
        Dataset d = SyntheticCredit.builder().rows(rows).build().dataset();
        StringBuilder sb = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(d.featureNames());
        header.set(header.indexOf("zip_region"), proxyName);
        sb.append(String.join(",", header)).append(",sex,credit\n");
        double[][] x = d.x();
        int[] y = d.labels();
        String[] sex = d.protectedAttribute("sex").values();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < x[i].length; j++) {
                sb.append(d.features().get(j).format(x[i][j])).append(',');
            }
            sb.append(constantSex ? "female" : sex[i]).append(',').append(y[i]).append('\n');
        }
        Path f = dir.resolve(constantSex ? "one-group.csv" : "credit.csv");
        Files.writeString(f, sb);
        return f;
    }

    private void assertNoFilesBut(String... names) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(names);
        }
    }

    @Test
    void anUnknownDatasetIsBadInputNamingTheChoices() throws Exception {
        int code = run("report", "--dataset", "credit-card", "--out", dir.resolve("r.html").toString());
        assertThat(code).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown dataset 'credit-card'").contains("synthetic-credit")
                .contains("german");
        assertNoFilesBut();
    }

    @Test
    void anUnwritableOutputFailsBeforeAnyWork() throws Exception {
        Path out = dir.resolve("missing-dir").resolve("r.html");
        long start = System.nanoTime();
        int code = run("report", "--out", out.toString());
        assertThat(code).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("missing-dir").contains("does not exist");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20); // it did not train or explain first
        assertNoFilesBut();
    }

    @Test
    void aSpecNamingAMissingColumnIsBadInput() throws Exception {
        Path data = csv(300, false);
        int code = run("report", "--data", data.toString(), "--label", "credit", "--protected", "race",
                "--out", dir.resolve("r.html").toString());
        assertThat(code).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("race");
        assertNoFilesBut("credit.csv");
    }

    @Test
    void aProtectedAttributeWithOneGroupIsBadInput() throws Exception {
        Path data = csv(300, true);
        int code = run("report", "--data", data.toString(), "--label", "credit", "--protected", "sex",
                "--quiet", "--out", dir.resolve("r.html").toString());
        assertThat(code).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("'sex'").contains("single group");
        assertNoFilesBut("one-group.csv");
    }

    @Test
    void aViolatedPolicyFileMakesTheExitCodeThreeAfterWritingTheReport() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{ \"rules\": [ { \"metric\": \"disparate_impact\", \"min\": 0.99 } ] }");
        Path data = csv(400, false);
        Path html = dir.resolve("p.html");
        Path json = dir.resolve("p.json");
        int code = run("report", "--data", data.toString(), "--label", "credit", "--protected", "sex",
                "--privileged", "sex=male", "--explain-rows", "0", "--quiet", "--policy", policy.toString(),
                "--out", html.toString(), "--json", json.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        // Synthetic credit is biased against female rows by construction: DI >= 0.99 fails.
        assertThat(root.at("/summary/passed").asBoolean()).isFalse();
        assertThat(root.at("/summary/policy").asText()).isEqualTo("policy.json");
        assertThat(code).as(err.toString()).isEqualTo(CandorCli.EXIT_POLICY_VIOLATION);
        assertThat(html).exists();
    }

    @Test
    void optionsForACsvWithoutDataAreRejected() {
        int code = run("report", "--label", "credit", "--out", dir.resolve("r.html").toString());
        assertThat(code).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--data");
    }

    @Test
    void aHostileColumnNameEndsUpAsTextInTheBrowser() throws Exception {
        String evil = "<script>alert(1)</script>";
        Path data = csv(500, false, evil);
        Path html = dir.resolve("evil.html");
        int code = run("report", "--data", data.toString(), "--label", "credit", "--protected", "sex",
                "--privileged", "sex=male", "--explain-rows", "25", "--quiet", "--out", html.toString());
        assertThat(code).as(err.toString()).isZero();
        String page = Files.readString(html);
        assertThat(page.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        dev.candor.report.html.BrowserReportTest.checkInBrowser(html, 15, evil);
    }

    @Test
    void aCsvReportIsWrittenWithItsJson() throws Exception {
        Path data = csv(600, false);
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        int code = run("report", "--data", data.toString(), "--label", "credit", "--protected", "sex",
                "--privileged", "sex=male", "--categorical", "housing,purpose,employment,zip_region",
                "--explain-rows", "30", "--seed", "3", "--quiet", "--out", html.toString(), "--json",
                json.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        // The default policy is reported, not enforced: exit 0 whatever its verdict.
        assertThat(code).as(err.toString()).isZero();
        assertThat(root.at("/summary/test_rows").asInt() + root.at("/summary/train_rows").asInt()).isEqualTo(600);
        assertThat(root.at("/fairness/attributes/0/privileged").asText()).isEqualTo("male");
        assertThat(Files.readString(html)).contains("<section id=\"explanations\">");
        assertNoFilesBut("credit.csv", "r.html", "r.json");
    }
}
