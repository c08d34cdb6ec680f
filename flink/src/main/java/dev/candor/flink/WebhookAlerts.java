package dev.candor.flink;

import dev.candor.monitor.alert.Delivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Posts each alert (its JSON object, {@code Content-Type: application/json}) to a webhook with Flink's
 * async I/O, so a slow or failing receiver never blocks the pipeline: requests are sent without
 * waiting, retried with a doubling delay, and each attempt's outcome becomes one {@link Delivery} JSON
 * line ({@code channel, target, ok, attempts, error, alert}). A delivery that fails after every
 * attempt, or times out, is reported as such; it never fails the job and never hides the alert,
 * which is already in the window results.
 *
 * @since 0.2.0
 */
public final class WebhookAlerts extends RichAsyncFunction<String, String> {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final int attempts;
    private final long firstDelayMillis;
    private transient HttpClient client;

    /**
     * @param url              the webhook URL
     * @param attempts         attempts per alert, at least 1
     * @param firstDelayMillis delay before the first retry (doubling after each)
     */
    public WebhookAlerts(String url, int attempts, long firstDelayMillis) {
        URI.create(url);
        if (attempts < 1) {
            throw new IllegalArgumentException("webhook attempts must be at least 1: " + attempts);
        }
        this.url = url;
        this.attempts = attempts;
        this.firstDelayMillis = firstDelayMillis;
    }

    /**
     * Attaches the webhook to the alert stream.
     *
     * @param alerts the alerts (JSON objects)
     * @param url    the webhook URL
     * @return the deliveries (JSON lines)
     */
    public static DataStream<String> attach(DataStream<String> alerts, String url) {
        WebhookAlerts fn = new WebhookAlerts(url, 3, 200);
        return AsyncDataStream.unorderedWait(alerts, fn, fn.budgetMillis(), TimeUnit.MILLISECONDS, 100)
                .name("webhook " + target(url));
    }

    /** @return the time every attempt and delay together may take, after which the delivery is reported as timed out */
    long budgetMillis() {
        return attempts * 10_000L + firstDelayMillis * ((1L << attempts) - 1);
    }

    @Override
    public void open(OpenContext context) {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void asyncInvoke(String alert, ResultFuture<String> result) {
        send(alert, 1, firstDelayMillis).thenAccept(d -> result.complete(List.of(delivery(d, alert))));
    }

    @Override
    public void timeout(String alert, ResultFuture<String> result) {
        result.complete(List.of(delivery(new Delivery("webhook", target(url), false, attempts,
                "timed out after " + budgetMillis() + " ms"), alert)));
    }

    private CompletableFuture<Delivery> send(String alert, int attempt, long delay) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alert)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                return CompletableFuture.completedFuture(new Delivery("webhook", target(url), true, attempt, null));
            }
            String why = error != null ? String.valueOf(error.getCause() != null ? error.getCause() : error)
                    : "HTTP " + response.statusCode();
            if (attempt >= attempts) {
                return CompletableFuture.completedFuture(new Delivery("webhook", target(url), false, attempt, why));
            }
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> send(alert, attempt + 1, delay * 2));
        }).thenCompose(f -> f);
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

    /** @return the URL without user information or query (which may hold credentials) */
    static String target(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + u.getPath();
    }
}
