package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor monitor}: the golden Bank windows through the command line, the built-in synthetic
 * log, channels that fail without hiding a breach (a loopback HTTP server answering 500, a closed
 * port), bad input, and the README's monitoring commands as written.
 */
class MonitorCommandTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String BANK_FEATURES = "--numeric age,balance,day,campaign,pdays,previous "
            + "--categorical job,marital,education,default,housing,loan,contact,month,poutcome";

    @TempDir
    Path tmp;

    @Test
    void bankLogReproducesTheGoldenWindowsAndBreaches() throws IOException {
        Path json = tmp.resolve("bank.json");
        List<String> args = new ArrayList<>(List.of("monitor", "--data",
                SharedData.golden("monitoring/bank_predictions.csv").toString(), "--reference-rows", "10000",
                "--chunk-size", "5000", "--label", "y", "--score", "score", "--prediction", "pred",
                "--protected", "age_group,marital", "--privileged", "age_group=ge25", "--bootstrap", "0",
                "--json", json.toString()));
        args.addAll(List.of(BANK_FEATURES.split(" ")));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(CandorCli.EXIT_POLICY_VIOLATION);
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        JsonNode golden = new ObjectMapper().readTree(SharedData.golden("monitoring/bank_monitoring.json").toFile());
        assertThat(out.get("windows")).hasSize(8);
        for (int i = 0; i < 8; i++) {
            JsonNode w = out.get("windows").get(i);
            JsonNode g = golden.get("windows").get(i);
            assertThat(w.get("key").asText()).isEqualTo(g.get("key").asText());
            assertThat(w.get("complete").asBoolean()).isEqualTo(g.get("complete").asBoolean());
            assertThat(w.get("performance").get("accuracy").asDouble())
                    .isCloseTo(g.get("performance").get("accuracy").asDouble(), within(1e-12));
            assertThat(w.get("drift").get("dataset_drift").get("number_of_drifted_columns").asInt())
                    .isEqualTo(g.get("dataset_drift").get("number_of_drifted_columns").asInt());
            assertThat(w.get("fairness").get("age_group").get("metrics").get("disparate_impact").asDouble())
                    .isCloseTo(g.get("fairness").get("age_group").get("aif360").get("disparate_impact").asDouble(),
                            within(1e-9));
            // label-free estimates: the calibration split is drawn here, not sklearn's, so within 0.02
            assertThat(w.get("estimated_performance").get("accuracy").asDouble())
                    .isCloseTo(g.get("cbpe").get("estimated").get("accuracy").asDouble(), within(0.02));
            boolean rocAlert = g.get("threshold_alerts").get("roc_auc").get("alert").asBoolean();
            boolean alerted = false;
            for (JsonNode a : w.get("alerts")) {
                alerted |= a.get("metric").asText().equals("roc_auc");
            }
            assertThat(alerted).as(w.get("key").asText() + " roc_auc alert").isEqualTo(rocAlert);
        }
        assertThat(out.get("thresholds").get("accuracy").get("lower").asDouble())
                .isCloseTo(golden.get("thresholds").get("accuracy").get("lower").asDouble(), within(1e-12));
        assertThat(out.get("breached").asBoolean()).isTrue();
        assertThat(out.get("deliveries")).isEmpty();
        assertThat(r.out()).contains("[10000:14999]").contains("exit 3");
    }

    @Test
    void againstASavedProfileTheCountBasedDriftEqualsTheRawReferenceRun() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.golden("monitoring/bank_predictions.csv"));
        Path ref = tmp.resolve("ref.csv");
        Path cur = tmp.resolve("cur.csv");
        Files.write(ref, lines.subList(0, 10001));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(10001, lines.size()));
        Files.write(cur, rest);
        Path profile = tmp.resolve("ref.profile.json");
        CliRun p = CliRun.of("profile", "--data", ref.toString(), "--numeric",
                "age,balance,day,campaign,pdays,previous,score", "--categorical",
                "job,marital,education,default,housing,loan,contact,month,poutcome", "--out", profile.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        List<String> common = List.of("--current", cur.toString(), "--chunk-size", "5000", "--label", "y", "--score",
                "score", "--prediction", "pred", "--protected", "age_group,marital", "--privileged", "age_group=ge25",
                "--bootstrap", "0");
        Path rawJson = tmp.resolve("raw.json");
        List<String> rawArgs = new ArrayList<>(List.of("monitor", "--reference", ref.toString(), "--json",
                rawJson.toString()));
        rawArgs.addAll(common);
        rawArgs.addAll(List.of(BANK_FEATURES.split(" ")));
        CliRun raw = CliRun.of(rawArgs.toArray(String[]::new));
        assertThat(raw.exit()).as(raw.err()).isEqualTo(CandorCli.EXIT_POLICY_VIOLATION);
        Path profJson = tmp.resolve("prof.json");
        Path html = tmp.resolve("prof.html");
        List<String> profArgs = new ArrayList<>(List.of("monitor", "--reference-profile", profile.toString(), "--json",
                profJson.toString(), "--html", html.toString()));
        profArgs.addAll(common);
        CliRun prof = CliRun.of(profArgs.toArray(String[]::new));
        assertThat(prof.exit()).as(prof.err()).isEqualTo(CandorCli.EXIT_POLICY_VIOLATION);
        JsonNode a = new ObjectMapper().readTree(rawJson.toFile());
        JsonNode b = new ObjectMapper().readTree(profJson.toFile());
        assertThat(b.get("windows")).hasSize(8);
        int compared = 0;
        for (int i = 0; i < 8; i++) {
            JsonNode fa = a.get("windows").get(i).get("drift").get("features");
            JsonNode fb = b.get("windows").get(i).get("drift").get("features");
            for (String f : List.of("job", "marital", "education", "default", "housing", "loan", "contact", "month",
                    "poutcome")) {
                for (String t : List.of("chisquare", "jensenshannon", "psi")) {
                    assertThat(fb.get(f).get("tests").get(t).get("value").asDouble()).as(i + " " + f + " " + t)
                            .isCloseTo(fa.get(f).get("tests").get(t).get("value").asDouble(), within(1e-12));
                    compared++;
                }
            }
            assertThat(fb.get("age").get("tests").get("wasserstein").get("undefined").asText())
                    .isEqualTo("needs_raw_values");
            assertThat(b.get("windows").get(i).get("prediction_drift").isObject()).isTrue();
            assertThat(b.get("windows").get(i).get("performance").get("accuracy").asDouble())
                    .isEqualTo(a.get("windows").get(i).get("performance").get("accuracy").asDouble());
        }
        assertThat(compared).isEqualTo(8 * 9 * 3);
        assertThat(b.get("provenance").get("parameters").get("unavailable.cbpe").asText()).contains("calibrate");
        assertThat(Files.readString(html)).contains("unavailable.reference_band");
        assertThat(prof.out()).contains("not computed: cbpe");

        // a profile of other features is refused, naming both fingerprints
        Path small = tmp.resolve("small.profile.json");
        assertThat(CliRun.of("profile", "--data", ref.toString(), "--numeric", "age", "--categorical", "job",
                "--out", small.toString()).exit()).isZero();
        List<String> badArgs = new ArrayList<>(List.of("monitor", "--reference-profile", small.toString(), "--json",
                tmp.resolve("bad.json").toString()));
        badArgs.addAll(common);
        badArgs.addAll(List.of(BANK_FEATURES.split(" ")));
        CliRun bad = CliRun.of(badArgs.toArray(String[]::new));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains(small.toString()).contains("feature 'balance' is not in the profile")
                .containsPattern("fingerprint [0-9a-f]+, features .*fingerprint [0-9a-f]+, numeric");
        CliRun both = CliRun.of("monitor", "--reference-profile", small.toString(), "--reference", ref.toString(),
                "--current", cur.toString(), "--score", "score");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--reference-profile replaces");
    }

    @Test
    void builtInLogNeedsNoFileAndFailedChannelsNeverHideTheBreach() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger posts = new AtomicInteger();
        server.createContext("/hook", ex -> {
            posts.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try {
            Path json = tmp.resolve("stream.json");
            Path prom = tmp.resolve("stream.prom");
            CliRun r = CliRun.of("monitor", "--json", json.toString(), "--prom", prom.toString(), "--bootstrap", "20",
                    "--webhook", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(closed), "--mail-to", "ops@example.org");
            JsonNode out = new ObjectMapper().readTree(json.toFile());
            assertThat(out.get("breached").asBoolean()).isTrue();
            assertThat(r.exit()).as(r.err()).isEqualTo(CandorCli.EXIT_POLICY_VIOLATION);
            assertThat(out.get("windows").size()).isGreaterThan(10);
            assertThat(out.get("windows").get(0).get("key").asText()).matches("\\d{4}-W\\d{2}");
            JsonNode last = out.get("windows").get(out.get("windows").size() - 1);
            assertThat(last.get("complete").asBoolean()).isFalse();
            // the label delay: the last window has no label, yet CBPE estimates it
            assertThat(last.get("performance").has("accuracy")).isFalse();
            assertThat(last.get("estimated_performance").get("accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(last.get("estimated_performance").get("by_group").get("sex").has("female")).isTrue();
            assertThat(out.get("windows").get(0).get("fairness").get("sex").get("intervals")
                    .get("disparate_impact").get("lower").isNumber()).isTrue();
            JsonNode d = out.get("deliveries");
            assertThat(d).hasSize(3);
            assertThat(d.get(0).get("channel").asText()).isEqualTo("prometheus");
            assertThat(d.get(0).get("ok").asBoolean()).isTrue();
            assertThat(d.get(1).get("channel").asText()).isEqualTo("webhook");
            assertThat(d.get(1).get("ok").asBoolean()).isFalse();
            assertThat(d.get(1).get("attempts").asInt()).isEqualTo(posts.get()).isGreaterThan(1);
            assertThat(d.get(2).get("channel").asText()).isEqualTo("email");
            assertThat(d.get(2).get("ok").asBoolean()).isFalse();
            assertThat(Files.readString(prom)).contains("candor_accuracy{");
            assertThat(r.err()).contains("delivery failed: webhook");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unsortedTimestampsAreBadInputNamingTheRow() throws IOException {
        Path csv = tmp.resolve("log.csv");
        StringBuilder b = new StringBuilder("ts,x,y,score,pred\n");
        for (int i = 0; i < 40; i++) {
            String day = i == 20 ? "2024-01-01" : java.time.LocalDate.of(2024, 2, 1).plusDays(i / 2).toString();
            b.append(day).append(',').append(i % 7).append(',').append(i % 2).append(',').append(0.1 + i % 5 * 0.2)
                    .append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(csv, b.toString());
        CliRun r = CliRun.of("monitor", "--data", csv.toString(), "--reference-rows", "10", "--time-column", "ts",
                "--window", "1w", "--label", "y", "--score", "score", "--prediction", "pred");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("row 20").contains("2024-01-01").contains("time order");
    }

    @Test
    void readmeMonitoringCommandsRunAsWritten() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int from = readme.indexOf("<!-- monitor-commands:start -->");
        int to = readme.indexOf("<!-- monitor-commands:end -->");
        assertThat(from).as("README monitoring marker").isNotNegative();
        String block = readme.substring(from, to).replace("\\\n", " ");
        int ran = 0;
        for (String line : block.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("./candor ")) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (String a : l.substring("./candor ".length()).split("\\s+")) {
                if (a.startsWith("../shared/")) {
                    args.add(ROOT.resolve(a).normalize().toString());
                } else if (!a.startsWith("-") && a.matches("[\\w.-]+\\.(csv|json|prom|html)")) {
                    args.add(tmp.resolve(a).toString());
                } else {
                    args.add(a);
                }
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(l + "\n" + r.err()).isIn(CandorCli.EXIT_OK, CandorCli.EXIT_POLICY_VIOLATION);
            ran++;
        }
        assertThat(ran).isGreaterThanOrEqualTo(2);
    }
}
