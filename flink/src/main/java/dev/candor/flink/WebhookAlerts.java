package dev.candor.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.AlertChannel;
import dev.candor.monitor.alert.Delivery;
import dev.candor.monitor.alert.Severity;
import dev.candor.monitor.alert.WebhookChannel;
import dev.candor.monitor.alert.WebhookFormat;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Delivers each alert through the monitor's {@link WebhookChannel} (its formats, timeout and retries)
 * from Flink's async I/O: deliveries run on their own threads, so a slow or failing receiver never
 * blocks the pipeline. Each alert gives one {@link Delivery} JSON line ({@code channel, target, ok,
 * attempts, error, alert}); a delivery that fails after every attempt, or outlasts its budget, is
 * reported as such and never fails the job, and the alert is already in the window results.
 *
 * <p>In the {@code candor} format the body is the alert's JSON object.
 *
 * @since 0.2.0
 */
public final class WebhookAlerts extends RichAsyncFunction<String, String> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final WebhookFormat format;
    private transient WebhookChannel channel;
    private transient ExecutorService pool;

    /**
     * @param url    the webhook URL
     * @param format the payload format
     */
    public WebhookAlerts(String url, WebhookFormat format) {
        URI.create(url);
        this.url = url;
        this.format = format;
    }

    /**
     * Attaches the webhook to the alert stream.
     *
     * @param alerts the alerts (JSON objects)
     * @param url    the webhook URL
     * @param format the payload format
     * @return the deliveries (JSON lines)
     */
    public static DataStream<String> attach(DataStream<String> alerts, String url, WebhookFormat format) {
        WebhookAlerts fn = new WebhookAlerts(url, format);
        return AsyncDataStream.unorderedWait(alerts, fn, budgetMillis(), TimeUnit.MILLISECONDS, 100)
                .name("webhook " + WebhookChannel.builder(URI.create(url)).build().target());
    }

    /** @return the time every attempt and back-off together may take before the delivery is reported as timed out */
    static long budgetMillis() {
        long attempts = WebhookChannel.DEFAULT_MAX_ATTEMPTS;
        return attempts * WebhookChannel.DEFAULT_TIMEOUT.toMillis()
                + WebhookChannel.DEFAULT_BACKOFF.toMillis() * ((1L << attempts) - 1) + 5_000L;
    }

    @Override
    public void open(OpenContext context) {
        channel = WebhookChannel.builder(URI.create(url)).format(format).build();
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "candor-webhook");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public void asyncInvoke(String alert, ResultFuture<String> result) {
        CompletableFuture.supplyAsync(() -> {
            Alert a = alert(alert);
            return channel.deliver(new AlertChannel.MonitoringRun(a.labels().getOrDefault("model", "model"),
                    List.of(a), List.of(), alert));
        }, pool).handle((d, error) -> error == null ? d
                : new Delivery(WebhookChannel.NAME, target(), false, 1, String.valueOf(error.getCause() != null
                        ? error.getCause() : error)))
                .thenAccept(d -> result.complete(List.of(delivery(d, alert))));
    }

    @Override
    public void timeout(String alert, ResultFuture<String> result) {
        result.complete(List.of(delivery(new Delivery(WebhookChannel.NAME, target(), false,
                WebhookChannel.DEFAULT_MAX_ATTEMPTS, "timed out after " + budgetMillis() + " ms"), alert)));
    }

    private String target() {
        return channel != null ? channel.target() : url;
    }

    /** Reads an alert back from its JSON object ({@code MonitorJson.alert}). */
    static Alert alert(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            Map<String, String> labels = new LinkedHashMap<>();
            if (n.has("labels")) {
                n.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            }
            return new Alert(n.path("rule").asText(), n.path("metric").asText(), n.path("window").asText(),
                    number(n.get("value")), number(n.get("lower")), number(n.get("upper")),
                    Severity.parse(n.path("severity").asText("warning")), labels);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }

    private static String delivery(Delivery d, String alert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", d.channel());
        m.put("target", d.target());
        m.put("ok", d.ok());
        m.put("attempts", d.attempts());
        m.put("error", d.error());
        m.put("alert", alert);
        return WindowEvaluate.json(m);
    }
}
