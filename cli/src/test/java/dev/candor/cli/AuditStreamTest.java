package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass audit of a file (the default) and the in-memory audit ({@code --in-memory}) write the
 * same JSON: every count, every count-based metric, ROC AUC and the fairness log loss equal to the
 * last bit, and the bootstrap intervals equal for the same seed; the performance block's log loss,
 * Brier score and calibration error (sums of a function of each score, added per distinct score)
 * and weighted metrics to 1e-12. Only the provenance differs (the input
 * hash of the one pass is taken row by row).
 */
class AuditStreamTest {

    @TempDir
    Path tmp;

    private static String golden(String name) {
        return SharedData.golden("fairness/" + name).toString();
    }

    /** Runs the audit both ways and returns the two JSON trees, provenance removed. */
    private JsonNode[] both(String... args) throws IOException {
        JsonNode[] out = new JsonNode[2];
        for (int k = 0; k < 2; k++) {
            Path json = tmp.resolve("out" + k + ".json");
            List<String> a = new ArrayList<>(List.of("audit", "--json", json.toString()));
            a.addAll(List.of(args));
            if (k == 1) {
                a.add("--in-memory");
            }
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isIn(0, 3);
            ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json.toFile());
            root.remove("provenance");
            out[k] = root;
        }
        return out;
    }

    /** Performance figures that sum a function of each row's score, whose rounding depends on the order. */
    private static final java.util.regex.Pattern SUMMED = java.util.regex.Pattern.compile(
            "^/performance/.*/(log_loss|brier_score_loss|expected_calibration_error)$");

    /** Compares two trees leaf by leaf; numbers within {@code tol} (relative), everything else equal. */
    private static int compare(String path, JsonNode a, JsonNode b, double tol, List<String> failures) {
        if (a.isNumber() && b.isNumber()) {
            if (SUMMED.matcher(path).find()) {
                // sums over rows of a function of the score: added per distinct score, not row by row
                tol = Math.max(tol, 1e-12);
            }
            double x = a.asDouble();
            double y = b.asDouble();
            boolean same = tol == 0 ? a.equals(b) || x == y
                    : Math.abs(x - y) <= tol * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
            if (!same) {
                failures.add(path + ": " + a + " vs " + b);
            }
            return 1;
        }
        if (a.isObject() && b.isObject()) {
            List<String> ka = new ArrayList<>();
            a.fieldNames().forEachRemaining(ka::add);
            List<String> kb = new ArrayList<>();
            b.fieldNames().forEachRemaining(kb::add);
            if (!ka.equals(kb)) {
                failures.add(path + ": keys " + ka + " vs " + kb);
                return 0;
            }
            int n = 0;
            for (String k : ka) {
                n += compare(path + "/" + k, a.get(k), b.get(k), tol, failures);
            }
            return n;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            int n = 0;
            for (int i = 0; i < a.size(); i++) {
                n += compare(path + "/" + i, a.get(i), b.get(i), tol, failures);
            }
            return n;
        }
        if (!a.equals(b)) {
            failures.add(path + ": " + a + " vs " + b);
        }
        return 1;
    }

    private static void assertSame(JsonNode[] t, double tol, int atLeast) {
        List<String> failures = new ArrayList<>();
        int n = compare("", t[0], t[1], tol, failures);
        assertThat(failures).isEmpty();
        assertThat(n).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void germanGoldenEqualsTheInMemoryAuditExactlyWithIntervals() throws IOException {
        JsonNode[] t = both("--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex,age_group", "--privileged", "sex=male", "--privileged", "age_group=gt25",
                "--intersectional", "--ci", "--resamples", "200", "--seed", "7");
        assertSame(t, 0, 800);
        assertThat(t[0].at("/protected/sex&age_group/groups").size()).isEqualTo(4);
    }

    @Test
    void germanWeightedGoldenEqualsTheInMemoryAudit() throws IOException {
        JsonNode[] t = both("--data", golden("german_predictions.csv"), "--label", "credit", "--prediction", "pred",
                "--protected", "sex,age_group", "--privileged", "sex=male,age_group=gt25", "--intersectional",
                "--weights", "weight", "--score", "score");
        // weighted group counts are summed in row order as in memory: equal to the last bit
        assertThat(t[0].at("/protected/sex/groups/male/tp")).isEqualTo(t[1].at("/protected/sex/groups/male/tp"));
        assertSame(t, 1e-12, 300);
    }

    @Test
    void adultGoldenWithScoresEqualsTheInMemoryAudit() throws IOException {
        JsonNode[] t = both("--data", golden("adult_predictions.csv"), "--label", "income", "--prediction", "pred",
                "--score", "score", "--protected", "sex,race", "--privileged", "sex=Male,race=White",
                "--intersectional", "--ci", "--resamples", "100");
        // unweighted: the compressed sample carries whole-number weights, so scores agree to the last bit too
        assertSame(t, 0, 800);
    }

    @Test
    void generatedFileWithQuotingAndRepeatedScoresEqualsTheInMemoryAudit() throws IOException {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("id,y,\"pred\",score,sex,race,note\r\n");
        String[] races = {"a", "b, c", "\"d\"", "e"};
        for (int i = 0; i < 20_000; i++) {
            String race = races[r.nextInt(races.length)];
            String q = race.contains(",") || race.contains("\"") ? "\"" + race.replace("\"", "\"\"") + "\"" : race;
            double s = Math.round(r.nextDouble() * 50) / 50.0;
            sb.append(i).append(',').append(r.nextInt(2) == 0 ? "no" : "yes").append(',')
                    .append(s > 0.5 ? "yes" : "no").append(',').append(s).append(',')
                    .append(r.nextBoolean() ? "f" : "m").append(',').append(q).append(",\"x\ny\"\r\n");
        }
        Path f = tmp.resolve("gen.csv");
        Files.writeString(f, sb.toString());
        JsonNode[] t = both("--data", f.toString(), "--label", "y", "--prediction", "pred", "--favorable", "yes",
                "--score", "score", "--protected", "sex,race", "--privileged", "sex=m", "--intersectional",
                "--ci", "--resamples", "50");
        assertSame(t, 0, 600);
        assertThat(t[0].at("/rows").asLong()).isEqualTo(20_000);
        assertThat(t[0].at("/protected/race/groups/b, c/count").asLong()).isPositive();
    }

    @Test
    void gzipFileGivesTheSameAuditAsThePlainFile() throws IOException {
        Path gz = tmp.resolve("german.csv.gz");
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Path.of(golden("german_predictions.csv")), z);
        }
        JsonNode[] t = new JsonNode[2];
        String[] data = {gz.toString(), golden("german_predictions.csv")};
        for (int k = 0; k < 2; k++) {
            Path json = tmp.resolve("gz" + k + ".json");
            CliRun r = CliRun.of("audit", "--data", data[k], "--label", "credit", "--prediction", "pred",
                    "--score", "score", "--protected", "sex,age_group", "--privileged", "sex=male", "--json",
                    json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json.toFile());
            root.remove("provenance");
            t[k] = root;
        }
        assertSame(t, 0, 300);
    }

    @Test
    void badInputIsReportedInTheInMemoryWords() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "y,p,g,s\n1,1,a,0.5\n0,0,b,0.2\n\n1,0,a,oops\n");
        for (String[] extra : List.of(new String[0], new String[] {"--in-memory"})) {
            List<String> a = new ArrayList<>(List.of("audit", "--data", f.toString(), "--label", "y", "--prediction", "p",
                    "--protected", "g", "--score", "s"));
            a.addAll(List.of(extra));
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains(f + ", line 5, column 's': 'oops' is not a number (score)");
        }
        Files.writeString(f, "y,p,g\n1,1,a\n0,2,b\n1,3,a\n1,3,b\n");
        List<String> messages = new ArrayList<>();
        for (String[] extra : List.of(new String[0], new String[] {"--in-memory"})) {
            List<String> a = new ArrayList<>(List.of("audit", "--data", f.toString(), "--label", "y", "--prediction", "p",
                    "--protected", "g"));
            a.addAll(List.of(extra));
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertThat(r.exit()).isEqualTo(2);
            messages.add(r.err());
        }
        assertThat(messages.get(0)).isEqualTo(messages.get(1)).contains("line 3, column 'p'").contains("non-binary");
        Files.writeString(f, "y,p,g\n1,1,a\n0,0,a\n");
        CliRun one = CliRun.of("audit", "--data", f.toString(), "--label", "y", "--prediction", "p", "--protected", "g");
        CliRun mem = CliRun.of("audit", "--data", f.toString(), "--label", "y", "--prediction", "p", "--protected", "g",
                "--in-memory");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).isEqualTo(mem.err()).contains("a single group [a]");
    }
}
