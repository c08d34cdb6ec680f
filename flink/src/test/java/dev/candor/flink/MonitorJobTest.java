package dev.candor.flink;

import static dev.candor.flink.JsonAssert.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.candor.core.SharedData;
import dev.candor.monitor.window.WindowProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring job on a real Flink MiniCluster, in process: the golden Bank stream window by window
 * against the same summary computed in batch and against the golden file's counts and fairness
 * metrics; out-of-order and late events; alerts reaching a loopback webhook.
 */
class MonitorJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static BankStream bank;
    static JsonNode golden;

    @BeforeAll
    static void read() throws IOException {
        bank = BankStream.get();
        golden = JobRun.JSON.readTree(SharedData.golden("monitoring/bank_monitoring.json").toFile());
    }

    static DataStream<String> fileSource(StreamExecutionEnvironment env, Path file) {
        FileSource<String> src = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(file.toUri())).build();
        return env.fromSource(src, WatermarkStrategy.noWatermarks(), "prediction log");
    }

    /** The summary of rows [from, to) computed in batch by the same aggregation. */
    static JsonNode batchWindow(long start, long end) {
        return batchWindow(bank, start, end);
    }

    /** The summary of rows [from, to) of {@code bank} computed in batch by the same aggregation. */
    static JsonNode batchWindow(BankStream bank, long start, long end) {
        ProfileAccumulator acc = bank.aggregation.create();
        for (long row = start; row < Math.min(end, bank.rows()); row++) {
            bank.aggregation.add(acc, bank.parser.parse(bank.lines.get((int) row + 1)).orElseThrow());
        }
        return JobRun.JSON.valueToTree(bank.aggregation.evaluate(acc, new WindowBounds(start, end, true)));
    }

    static JsonNode withoutStreamKeys(JsonNode w) {
        ObjectNode copy = w.deepCopy();
        copy.remove(List.of("model", "firing", "alerts"));
        return copy;
    }

    @Test
    void everyBankWindowEqualsTheBatchMonitorAndAlertsReachTheWebhook(@TempDir Path dir) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            AlertRule rule = AlertRule.parse("fairness.age_group.metrics.disparate_impact=0.8:1.25:critical");
            MonitorJob<WindowProfile> job = MonitorJob.builder(bank.parser, bank.monitor)
                    .rowWindows(BankStream.CHUNK).rules(List.of(rule)).build();
            JobRun run = new JobRun(env, job.attach(fileSource(env, bank.writeStream(dir))),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");

            List<JsonNode> batch = bank.batchWindows(BankStream.REFERENCE_ROWS, bank.rows());
            JsonNode goldenWindows = golden.get("windows");
            assertThat(run.windows).hasSize(goldenWindows.size()).hasSize(batch.size());
            run.windows.sort((a, b) -> Long.compare(a.get("start").asLong(), b.get("start").asLong()));
            List<String> expectedAlerts = new ArrayList<>();
            for (int i = 0; i < run.windows.size(); i++) {
                JsonNode w = run.windows.get(i);
                JsonNode g = goldenWindows.get(i);
                String key = g.get("key").asText();
                assertThat(w.get("model").asText()).isEqualTo("bank");
                assertThat(w.get("firing").asInt()).isEqualTo(1);
                // the batch monitor's window object on the same rows, and the same rule alerts
                ObjectNode expected = batch.get(i).deepCopy();
                JsonNode batchAlerts = expected.remove("alerts");
                assertClose(key, expected, withoutStreamKeys(w));
                List<JsonNode> streamAlerts = new ArrayList<>();
                w.get("alerts").forEach(streamAlerts::add);
                for (int k = 0; k < batchAlerts.size(); k++) {
                    assertClose(key + " alert " + k, batchAlerts.get(k), streamAlerts.get(k));
                    expectedAlerts.add(key + " " + batchAlerts.get(k).get("metric").asText());
                }
                // and the golden file, independently
                assertThat(w.get("key").asText()).isEqualTo(key);
                assertThat(w.get("rows").asLong()).isEqualTo(g.get("n").asLong());
                assertThat(w.get("complete").asBoolean()).isEqualTo(g.get("complete").asBoolean());
                for (String m : List.of("accuracy", "roc_auc", "log_loss", "brier_score_loss")) {
                    assertClose(key + " " + m, g.get("performance").get(m), w.at("/performance/" + m));
                }
                double di = g.at("/fairness/age_group/aif360/disparate_impact").asDouble();
                assertClose(key + " disparate_impact", g.at("/fairness/age_group/aif360/disparate_impact"),
                        w.at("/fairness/age_group/metrics/disparate_impact"));
                if (di < 0.8 || di > 1.25) {
                    expectedAlerts.add(key + " " + rule.path());
                }
                assertThat(streamAlerts).hasSize(batchAlerts.size() + (di < 0.8 || di > 1.25 ? 1 : 0));
            }
            assertThat(expectedAlerts).anyMatch(a -> a.endsWith(rule.path()));
            assertThat(run.alerts).extracting(a -> a.get("window").asText() + " " + a.get("metric").asText())
                    .containsExactlyInAnyOrderElementsOf(expectedAlerts);
            assertThat(run.deliveries).hasSize(expectedAlerts.size()).allSatisfy(d -> {
                assertThat(d.get("ok").asBoolean()).isTrue();
                assertThat(d.get("attempts").asInt()).isEqualTo(1);
            });
            assertThat(received).extracting(b -> {
                JsonNode a = JobRun.JSON.readTree(b);
                return a.get("window").asText() + " " + a.get("metric").asText();
            }).containsExactlyInAnyOrderElementsOf(expectedAlerts);
            assertThat(run.counter(MonitorJob.LATE_EVENTS)).isZero();
            assertThat(run.counter(MonitorJob.REJECTED_LINES)).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void outOfOrderEventsWithinTheBoundGiveTheSameWindowsAsOrderedEvents(@TempDir Path dir) throws Exception {
        List<String> ordered = bank.streamLines(BankStream.REFERENCE_ROWS, 20_000);
        List<String> shuffled = new ArrayList<>(ordered.subList(1, ordered.size()));
        Random rnd = new Random(17);
        for (int from = 0; from < shuffled.size(); from += 40) {   // every event moves by fewer than 40 rows
            Collections.shuffle(shuffled.subList(from, Math.min(from + 40, shuffled.size())), rnd);
        }
        shuffled.add(0, ordered.get(0));
        assertThat(shuffled).isNotEqualTo(ordered);
        List<List<JsonNode>> results = new ArrayList<>();
        for (List<String> lines : List.of(ordered, shuffled)) {
            Path f = java.nio.file.Files.write(java.nio.file.Files.createTempDirectory(dir, "in").resolve("log.csv"), lines);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            MonitorJob<WindowProfile> job = MonitorJob.builder(bank.parser, bank.monitor)
                    .rowWindows(BankStream.CHUNK).outOfOrderness(40).build();
            JobRun run = new JobRun(env, job.attach(fileSource(env, f)), null);
            assertThat(run.counter(MonitorJob.LATE_EVENTS)).isZero();
            results.add(run.windows);
        }
        assertThat(results.get(0)).hasSize(2);
        assertThat(results.get(1)).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertClose("window " + i, results.get(0).get(i), results.get(1).get(i));
        }
    }

    @Test
    void eventsLaterThanTheAllowedLatenessReachTheSideOutputAndAreCounted() throws Exception {
        EventSchema schema = EventSchema.builder(List.of("t", "y", "pred", "score", "g", "x")).time("t").label("y")
                .prediction("pred").score("score").protectedAttribute("g", "a").numeric(List.of("x")).build();
        EventParser parser = new EventParser(schema);
        List<String> lines = new ArrayList<>();
        lines.add("t,y,pred,score,g,x");
        for (int t = 0; t < 30; t++) {
            lines.add(t + "," + (t % 2) + "," + (t % 3 == 0 ? 1 : 0) + ",0." + (t % 10) + "," + (t % 4 == 0 ? "b" : "a") + "," + t);
            if (t == 23) {
                lines.add("14,1,1,0.9,b,14");   // watermark 20: window [10,20) closed at 19, open until 22
            }
        }
        lines.add("3,1,1,0.9,a,3");            // watermark 26: window [0,10) is past its lateness
        lines.add("5,0,0,0.1,a,5");
        lines.add("7,0,zero,0.1,a,oops");      // unreadable: rejected, not dropped
        List<PredictionEvent> reference = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            reference.add(parser.parse(lines.get(t + 1)).orElseThrow());
        }
        ProfileAggregation agg = ProfileAggregation.fromReference(schema, reference);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        MonitorJob<ProfileAccumulator> job = MonitorJob.builder(parser, agg).rowWindows(10).outOfOrderness(2)
                .allowedLateness(3).build();
        JobRun run = new JobRun(env, job.attach(env.fromData(lines)), null);

        assertThat(run.counter(MonitorJob.LATE_EVENTS)).isEqualTo(2);
        assertThat(run.late).extracting(l -> l.get("timestamp").asLong()).containsExactlyInAnyOrder(3L, 5L);
        assertThat(run.counter(MonitorJob.REJECTED_LINES)).isEqualTo(1);
        assertThat(run.rejected.get(0).get("error").asText()).contains("column 'x'").contains("'oops'");
        assertThat(run.windows).extracting(w -> w.get("key").asText() + " rows " + w.get("rows").asLong()
                + " firing " + w.get("firing").asInt())
                .containsExactly("[0:9] rows 10 firing 1", "[10:19] rows 10 firing 1", "[10:19] rows 11 firing 2",
                        "[20:29] rows 10 firing 1");
        JsonNode updated = run.windows.get(2);
        assertThat(updated.at("/features/x/count").asLong()).isEqualTo(11);
        assertThat(updated.at("/features/x/mean").asDouble()).isCloseTo((145.0 + 14.0) / 11.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(updated.at("/performance/counts/tp").asLong() + updated.at("/performance/counts/fn").asLong())
                .isEqualTo(6);   // odd t in 10..19 (5) plus the late label 1
    }
}
