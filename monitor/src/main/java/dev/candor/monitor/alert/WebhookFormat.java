package dev.candor.monitor.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body a {@link WebhookChannel} posts, one constant per receiver. Each constant renders a
 * {@link AlertChannel.MonitoringRun} itself; every body is UTF-8 JSON.
 *
 * <ul>
 *   <li>{@link #CANDOR}: the monitoring result ({@code MonitoringRun.resultJson}) byte for byte.</li>
 *   <li>{@link #ALERTMANAGER}: the body of Alertmanager's API v2 {@code POST /api/v2/alerts}, a list
 *       of postable alerts, one per {@link Alert}: {@code labels} {@code alertname} (the rule's key),
 *       {@code severity}, {@code model}, {@code window}, {@code metric}, {@code rule} and the alert's
 *       own labels (feature, attribute, group; names outside {@code [a-zA-Z_][a-zA-Z0-9_]*} have
 *       every other character replaced by {@code _}; the fixed labels win a clash);
 *       {@code annotations} {@code summary} and {@code description}; {@code startsAt} (RFC 3339,
 *       the delivery time). No {@code endsAt}: Alertmanager resolves the alert after its
 *       {@code resolve_timeout} unless the next run sends it again. A run without alerts posts an
 *       empty list, which Alertmanager accepts and ignores.</li>
 *   <li>{@link #SLACK}: an incoming-webhook message, {@code text} (the fallback shown in
 *       notifications) and {@code blocks}: a {@code header}, one {@code section} (mrkdwn) per alert
 *       up to {@link #SLACK_MAX_ALERTS}, and a {@code context} block counting the alerts left out,
 *       which keeps the message under Slack's 50-block limit.</li>
 * </ul>
 *
 * @see <a href="https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml">Alertmanager API v2</a>
 * @see <a href="https://api.slack.com/messaging/webhooks">Slack incoming webhooks</a>
 * @since 0.2.0
 */
public enum WebhookFormat {

    /** The monitoring result JSON unchanged. */
    CANDOR {
        @Override
        String body(AlertChannel.MonitoringRun run, Instant now) {
            return run.resultJson();
        }
    },

    /** Alertmanager API v2 postable alerts. */
    ALERTMANAGER {
        @Override
        String body(AlertChannel.MonitoringRun run, Instant now) {
            ArrayNode list = JSON.createArrayNode();
            for (Alert a : run.alerts()) {
                ObjectNode alert = list.addObject();
                Map<String, String> labels = new TreeMap<>();
                a.labels().forEach((k, v) -> labels.put(labelName(k), v));
                labels.put("alertname", a.rule());
                labels.put("rule", a.rule());
                labels.put("severity", a.severity().key());
                labels.put("model", run.model());
                labels.put("window", a.window());
                labels.put("metric", a.metric());
                ObjectNode l = alert.putObject("labels");
                labels.forEach(l::put);
                ObjectNode ann = alert.putObject("annotations");
                ann.put("summary", run.model() + ": " + a.describe());
                ann.put("description", AlertText.description(run.model(), a));
                alert.put("startsAt", now.toString());
            }
            return write(list);
        }
    },

    /** A Slack incoming-webhook message with text and blocks. */
    SLACK {
        @Override
        String body(AlertChannel.MonitoringRun run, Instant now) {
            List<Alert> alerts = run.alerts();
            String title = AlertText.title(run);
            ObjectNode msg = JSON.createObjectNode();
            msg.put("text", title);
            ArrayNode blocks = msg.putArray("blocks");
            ObjectNode header = blocks.addObject();
            header.put("type", "header");
            ObjectNode ht = header.putObject("text");
            ht.put("type", "plain_text");
            ht.put("text", title.length() > 150 ? title.substring(0, 149) + "…" : title);
            int shown = Math.min(alerts.size(), SLACK_MAX_ALERTS);
            for (int i = 0; i < shown; i++) {
                Alert a = alerts.get(i);
                ObjectNode section = blocks.addObject();
                section.put("type", "section");
                ObjectNode st = section.putObject("text");
                st.put("type", "mrkdwn");
                st.put("text", "*" + a.severity().key() + "* `" + a.rule() + "` " + a.describe()
                        + AlertText.labels(a.labels()));
            }
            if (alerts.size() > shown) {
                ObjectNode context = blocks.addObject();
                context.put("type", "context");
                ObjectNode ct = context.putArray("elements").addObject();
                ct.put("type", "mrkdwn");
                ct.put("text", "and " + (alerts.size() - shown) + " more alerts in the monitoring result");
            }
            return write(msg);
        }
    };

    /** At most this many alerts get their own Slack section; the rest are counted. */
    public static final int SLACK_MAX_ALERTS = 40;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Renders the body.
     *
     * @param run what to deliver
     * @param now the delivery time
     * @return the JSON text
     */
    abstract String body(AlertChannel.MonitoringRun run, Instant now);

    /** @return the name used on the command line ({@code candor}, {@code alertmanager}, {@code slack}) */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a format name in any case
     * @return the format
     * @throws IllegalArgumentException naming the accepted values when {@code key} is none of them
     */
    public static WebhookFormat parse(String key) {
        for (WebhookFormat f : values()) {
            if (f.key().equalsIgnoreCase(key.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown webhook format '" + key + "': expected candor, alertmanager or slack");
    }

    /** A Prometheus/Alertmanager label name: {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    static String labelName(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 1);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            sb.append(ok ? c : '_');
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree: " + e.getMessage(), e);
        }
    }
}
