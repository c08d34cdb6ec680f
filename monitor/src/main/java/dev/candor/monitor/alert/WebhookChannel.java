package dev.candor.monitor.alert;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Posts a monitoring run's alerts to an HTTP(S) endpoint in one of the {@link WebhookFormat}s, with
 * a per-attempt timeout and bounded retries.
 *
 * <h2>Retries</h2>
 * Attempt {@code k} (1-based) that fails with a connection error, a timeout, HTTP 429 or HTTP 5xx is
 * followed, while {@code k < maxAttempts}, by a pause of {@code backoff · 2^(k-1)} and attempt
 * {@code k + 1}. Any other answer ends the delivery: 2xx is success, any other status (3xx, 4xx but
 * 429) a failure that a retry would repeat. The worst-case time of one delivery is therefore
 * {@code maxAttempts · timeout + backoff · (2^(maxAttempts-1) - 1)} (plus connection set-up, which
 * the timeout also bounds). Defaults: timeout 10 s, 3 attempts, backoff 1 s. {@code Retry-After}
 * headers are not followed; the pauses stay bounded as configured.
 *
 * <h2>Secrets</h2>
 * Credentials in the URL ({@code https://user:password@host/...}) are sent as HTTP basic
 * authentication and removed from the request line. The {@link Delivery#target()} and log lines show
 * the URL without user information, without the query and fragment, and with every path segment of
 * 16 or more characters that mixes letters and digits (a token such as the last segment of a Slack
 * webhook URL) replaced by {@code ***}. Header values ({@link Builder#header}) are never shown.
 *
 * <h2>Failures</h2>
 * {@link #deliver} never throws for a failed delivery: it returns a {@link Delivery} with
 * {@code ok = false}, the number of attempts made and the last error ({@code HTTP 503: <start of
 * the body>}, or the exception's type and message), and logs it at {@code WARNING} through
 * {@link System.Logger}. The channel is thread-safe and may be reused across runs.
 *
 * @since 0.2.0
 */
public final class WebhookChannel implements AlertChannel {

    /** The channel name in {@link Delivery#channel()}. */
    public static final String NAME = "webhook";
    /** The default timeout of one attempt. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default number of attempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The default pause after the first failed attempt; it doubles after each further one. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(WebhookChannel.class.getName());
    private static final int ERROR_BODY_CHARS = 200;

    private final URI uri;
    private final String target;
    private final WebhookFormat format;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final Map<String, String> headers;
    private final Clock clock;
    private final HttpClient client;

    private WebhookChannel(Builder b) {
        this.format = b.format;
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.clock = b.clock;
        this.target = redact(b.uri);
        Map<String, String> h = new LinkedHashMap<>(b.headers);
        String userInfo = b.uri.getRawUserInfo();
        if (userInfo != null && !h.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Authorization"))) {
            String decoded = java.net.URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
            h.put("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
        }
        this.headers = Map.copyOf(h);
        this.uri = withoutUserInfo(b.uri);
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // Fail at build time, not at the first alert, on a header the HTTP client refuses (Host, Content-Length...).
        request(new byte[0]);
    }

    /**
     * @param uri the endpoint, {@code http} or {@code https}
     * @return a builder with the defaults (format {@code candor}, timeout 10 s, 3 attempts, backoff 1 s)
     * @throws IllegalArgumentException if the URI is not an absolute http(s) URI with a host
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** @return the endpoint as shown in deliveries and logs (see the class documentation) */
    public String target() {
        return target;
    }

    /** @return the payload format */
    public WebhookFormat format() {
        return format;
    }

    @Override
    public Delivery deliver(MonitoringRun run) {
        Objects.requireNonNull(run, "run");
        byte[] body = format.body(run, clock.instant()).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request(body);
        String error = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            attempt++;
            boolean retryable;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return new Delivery(NAME, target, true, attempt, null);
                }
                String text = r.body() == null ? "" : r.body().strip();
                error = "HTTP " + status + (text.isEmpty() ? "" : ": "
                        + (text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text));
                retryable = status == 429 || status >= 500;
            } catch (IOException e) {
                error = describe(e);
                retryable = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
            LOG.log(Level.WARNING, "webhook " + target + " attempt " + attempt + " of " + maxAttempts + " failed: "
                    + error);
            if (!retryable) {
                break;
            }
            if (attempt < maxAttempts && !pause(RetrySettings.pauseAfter(attempt, backoff))) {
                error = error + " (interrupted while waiting to retry)";
                break;
            }
        }
        return new Delivery(NAME, target, false, attempt, error);
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "candor-monitor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::setHeader);
        return rb.build();
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(IOException e) {
        String msg = e.getMessage();
        Throwable cause = e.getCause();
        if (msg == null && cause != null) {
            msg = cause.getMessage();
        }
        if (msg == null) {
            msg = e instanceof java.net.ConnectException ? "cannot connect" : "no detail";
        }
        return e.getClass().getSimpleName() + ": " + msg;
    }

    private static URI withoutUserInfo(URI u) {
        try {
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), u.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook URL: " + e.getMessage(), e);
        }
    }

    /**
     * The URL as shown in deliveries and logs: no user information, query or fragment, and tokens in
     * the path masked (see the class documentation).
     *
     * @param u the URL
     * @return the redacted text
     */
    static String redact(URI u) {
        StringBuilder sb = new StringBuilder();
        sb.append(u.getScheme()).append("://").append(u.getHost());
        if (u.getPort() >= 0) {
            sb.append(':').append(u.getPort());
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            sb.append('/').append(looksLikeToken(segments[i]) ? "***" : segments[i]);
        }
        if (u.getRawQuery() != null) {
            sb.append("?***");
        }
        return sb.toString();
    }

    private static boolean looksLikeToken(String s) {
        return s.length() >= 16 && s.chars().anyMatch(Character::isLetter) && s.chars().anyMatch(Character::isDigit);
    }

    /** The settings of a {@link WebhookChannel}. */
    public static final class Builder {
        private final URI uri;
        private WebhookFormat format = WebhookFormat.CANDOR;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration backoff = DEFAULT_BACKOFF;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("webhook URL must be an absolute http or https URL with a host, got '"
                        + redactForMessage(uri) + "'");
            }
            this.uri = uri;
        }

        private static String redactForMessage(URI uri) {
            return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
        }

        /**
         * @param f the payload format
         * @return this builder
         */
        public Builder format(WebhookFormat f) {
            this.format = Objects.requireNonNull(f, "format");
            return this;
        }

        /**
         * @param t the timeout of one attempt (connection and response), positive
         * @return this builder
         */
        public Builder timeout(Duration t) {
            this.timeout = RetrySettings.timeout(t);
            return this;
        }

        /**
         * @param n the number of attempts, 1 to 10
         * @return this builder
         */
        public Builder maxAttempts(int n) {
            this.maxAttempts = RetrySettings.maxAttempts(n);
            return this;
        }

        /**
         * @param b the pause after the first failed attempt, zero or positive; doubled after each further one
         * @return this builder
         */
        public Builder backoff(Duration b) {
            this.backoff = RetrySettings.backoff(b);
            return this;
        }

        /**
         * Adds a header sent with every request (an API key, a bearer token); its value is never shown.
         *
         * @param name  the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            headers.put(name, value);
            return this;
        }

        /**
         * @param c the clock giving Alertmanager's {@code startsAt} (default: the system clock, UTC)
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @return the channel
         * @throws IllegalArgumentException if a header is one the HTTP client does not allow to set
         */
        public WebhookChannel build() {
            return new WebhookChannel(this);
        }
    }
}
