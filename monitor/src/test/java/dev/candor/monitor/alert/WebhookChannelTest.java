package dev.candor.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a real JDK HTTP server on the loopback address. */
class WebhookChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    /** What the server received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a server whose n-th request (1-based) is answered with status {@code statusOf(n)}. */
    private URI serve(IntUnaryOperator statusOf, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger n = new AtomicInteger();
        server.createContext("/", (HttpExchange ex) -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(),
                    Map.copyOf(ex.getRequestHeaders()), body));
            int status = statusOf.applyAsInt(n.incrementAndGet());
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] reply = (status == 200 ? "ok" : "failure " + status).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, reply.length);
            ex.getResponseBody().write(reply);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/alerts");
    }

    static AlertChannel.MonitoringRun run() {
        List<Alert> alerts = List.of(
                new Alert("performance.accuracy", "accuracy", "[40000:44999]", 0.54, 0.5518, Double.NaN,
                        Severity.CRITICAL, Map.of()),
                new Alert("fairness.disparate_impact", "age_group.disparate_impact", "[45000:45210]", 0.62, 0.8, 1.25,
                        Severity.WARNING, Map.of("attribute", "age_group", "group", "lt25")));
        List<MetricSample> samples = List.of(
                new MetricSample("accuracy", "Accuracy", Map.of("model", "bank", "window", "[40000:44999]"), 0.54));
        return new AlertChannel.MonitoringRun("bank", alerts, samples, "{\"windows\": [], \"alerts\": [1, 2]}");
    }

    private WebhookChannel.Builder channel(URI uri) {
        return WebhookChannel.builder(uri).backoff(Duration.ofMillis(20)).timeout(Duration.ofSeconds(5))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void candorFormatPostsTheResultJsonUnchanged() throws Exception {
        URI uri = serve(k -> 200, 0);
        Delivery d = channel(uri).format(WebhookFormat.CANDOR).header("X-Api-Key", "s3cret").build().deliver(run());
        assertThat(d).isEqualTo(new Delivery("webhook", uri.toString(), true, 1, null));
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v2/alerts");
        assertThat(r.body()).isEqualTo(run().resultJson());
        assertThat(r.headers().get("Content-type")).containsExactly("application/json; charset=utf-8");
        assertThat(r.headers().get("X-api-key")).containsExactly("s3cret");
    }

    @Test
    void alertmanagerFormatIsAListOfPostableAlerts() throws Exception {
        URI uri = serve(k -> 200, 0);
        Delivery d = channel(uri).format(WebhookFormat.ALERTMANAGER).build().deliver(run());
        assertThat(d.ok()).isTrue();
        JsonNode list = JSON.readTree(received.get(0).body());
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);

        JsonNode a = list.get(0);
        assertThat(a.get("labels").properties()).hasSize(6);
        assertThat(a.at("/labels/alertname").asText()).isEqualTo("performance.accuracy");
        assertThat(a.at("/labels/rule").asText()).isEqualTo("performance.accuracy");
        assertThat(a.at("/labels/severity").asText()).isEqualTo("critical");
        assertThat(a.at("/labels/model").asText()).isEqualTo("bank");
        assertThat(a.at("/labels/window").asText()).isEqualTo("[40000:44999]");
        assertThat(a.at("/labels/metric").asText()).isEqualTo("accuracy");
        assertThat(a.at("/annotations/summary").asText())
                .isEqualTo("bank: accuracy = 0.54 below 0.5518 in [40000:44999]");
        assertThat(a.at("/annotations/description").asText()).isEqualTo("Model bank, window [40000:44999]: rule "
                + "performance.accuracy (critical) breached; accuracy = 0.54, lower bound 0.5518, upper bound NaN.");
        assertThat(a.get("startsAt").asText()).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(a.has("endsAt")).isFalse();

        JsonNode b = list.get(1);
        assertThat(b.get("labels").properties()).hasSize(8);
        assertThat(b.at("/labels/alertname").asText()).isEqualTo("fairness.disparate_impact");
        assertThat(b.at("/labels/severity").asText()).isEqualTo("warning");
        assertThat(b.at("/labels/metric").asText()).isEqualTo("age_group.disparate_impact");
        assertThat(b.at("/labels/attribute").asText()).isEqualTo("age_group");
        assertThat(b.at("/labels/group").asText()).isEqualTo("lt25");
        assertThat(b.at("/annotations/summary").asText())
                .isEqualTo("bank: age_group.disparate_impact = 0.62 below 0.8 in [45000:45210]");
    }

    @Test
    void slackFormatHasTextAndOneSectionPerAlert() throws Exception {
        URI uri = serve(k -> 200, 0);
        assertThat(channel(uri).format(WebhookFormat.SLACK).build().deliver(run()).ok()).isTrue();
        JsonNode msg = JSON.readTree(received.get(0).body());
        assertThat(msg.get("text").asText()).isEqualTo("[CRITICAL] Candor monitor: bank: 2 alerts");
        JsonNode blocks = msg.get("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.at("/0/type").asText()).isEqualTo("header");
        assertThat(blocks.at("/0/text/type").asText()).isEqualTo("plain_text");
        assertThat(blocks.at("/0/text/text").asText()).isEqualTo("[CRITICAL] Candor monitor: bank: 2 alerts");
        assertThat(blocks.at("/1/type").asText()).isEqualTo("section");
        assertThat(blocks.at("/1/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.at("/1/text/text").asText())
                .isEqualTo("*critical* `performance.accuracy` accuracy = 0.54 below 0.5518 in [40000:44999]");
        assertThat(blocks.at("/2/text/text").asText()).isEqualTo("*warning* `fairness.disparate_impact` "
                + "age_group.disparate_impact = 0.62 below 0.8 in [45000:45210] (attribute=age_group, group=lt25)");
    }

    @Test
    void slackFormatCountsTheAlertsBeyondTheBlockLimit() throws Exception {
        URI uri = serve(k -> 200, 0);
        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(new Alert("drift.share", "drift_share", "w" + i, 0.6, Double.NaN, 0.5, Severity.INFO, Map.of()));
        }
        channel(uri).format(WebhookFormat.SLACK).build()
                .deliver(new AlertChannel.MonitoringRun("m", many, List.of(), "{}"));
        JsonNode blocks = JSON.readTree(received.get(0).body()).get("blocks");
        assertThat(blocks).hasSize(1 + WebhookFormat.SLACK_MAX_ALERTS + 1);
        assertThat(blocks.at("/41/type").asText()).isEqualTo("context");
        assertThat(blocks.at("/41/elements/0/text").asText()).isEqualTo("and 5 more alerts in the monitoring result");
    }

    @Test
    void retriesTwoServerErrorsThenSucceeds() throws Exception {
        URI uri = serve(k -> k <= 2 ? 500 : 200, 0);
        Delivery d = channel(uri).maxAttempts(3).build().deliver(run());
        assertThat(d.ok()).isTrue();
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.error()).isNull();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(Received::body).containsOnly(run().resultJson());
    }

    @Test
    void retriesTooManyRequests() throws Exception {
        URI uri = serve(k -> k == 1 ? 429 : 200, 0);
        Delivery d = channel(uri).build().deliver(run());
        assertThat(d.ok()).isTrue();
        assertThat(d.attempts()).isEqualTo(2);
    }

    @Test
    void serverErrorsOnEveryAttemptAreAFailedDeliveryWithTheLastError() throws Exception {
        URI uri = serve(k -> 500 + k, 0);
        Delivery d = channel(uri).maxAttempts(4).build().deliver(run());
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(4);
        assertThat(d.error()).isEqualTo("HTTP 504: failure 504");
        assertThat(received).hasSize(4);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        URI uri = serve(k -> 400, 0);
        Delivery d = channel(uri).maxAttempts(3).build().deliver(run());
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.error()).isEqualTo("HTTP 400: failure 400");
        assertThat(received).hasSize(1);
    }

    @Test
    void aServerThatIsDownIsAFailedDeliveryAfterEveryAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/hook");
        long start = System.nanoTime();
        Delivery d = channel(uri).maxAttempts(3).backoff(Duration.ofMillis(50)).build().deliver(run());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.error()).startsWith("ConnectException");
        assertThat(d.target()).isEqualTo("http://127.0.0.1:" + port + "/hook");
        // Two pauses of 50 ms and 100 ms separate the three attempts.
        assertThat(millis).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aSlowServerTimesOutOnEveryAttempt() throws Exception {
        URI uri = serve(k -> 200, 1_500);
        Delivery d = channel(uri).timeout(Duration.ofMillis(200)).maxAttempts(2).build().deliver(run());
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.error()).startsWith("HttpTimeoutException");
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndNeverReachTheTarget() throws Exception {
        URI plain = serve(k -> 200, 0);
        URI withSecret = URI.create("http://alice:p%40ss@127.0.0.1:" + plain.getPort() + "/api/v2/alerts?token=abc");
        Delivery d = channel(withSecret).build().deliver(run());
        assertThat(d.ok()).isTrue();
        assertThat(d.target()).isEqualTo("http://127.0.0.1:" + plain.getPort() + "/api/v2/alerts?***");
        assertThat(d.toString()).doesNotContain("alice").doesNotContain("p%40ss").doesNotContain("abc");
        assertThat(received.get(0).headers().get("Authorization")).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString("alice:p@ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(received.get(0).path()).isEqualTo("/api/v2/alerts?token=abc");
    }

    @Test
    void aSlackTokenInThePathIsMasked() {
        assertThat(WebhookChannel.redact(URI.create(
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXX1")))
                .isEqualTo("https://hooks.slack.com/services/T00000000/B00000000/***");
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> WebhookChannel.builder(URI.create("ftp://host/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> WebhookChannel.builder(URI.create("http://127.0.0.1/")).header("Host", "x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookChannel.builder(URI.create("http://127.0.0.1/")).maxAttempts(0))
                .hasMessage("maxAttempts: must be in [1, 10], got 0");
        assertThatThrownBy(() -> WebhookFormat.parse("teams"))
                .hasMessage("unknown webhook format 'teams': expected candor, alertmanager or slack");
        assertThat(WebhookFormat.parse(" Slack ")).isEqualTo(WebhookFormat.SLACK);
    }
}
