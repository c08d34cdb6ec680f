package dev.candor.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.monitor.alert.Alert;
import dev.candor.report.MonitorJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a closed window's accumulator into the window object (one JSON line), checks the alert rules,
 * sends each breach to the {@link MonitorJob#ALERTS} side output, and publishes every number of the
 * window object as a Flink gauge ({@code candor.key.<key>.<path with _ for .>} under the operator's metric group, so
 * Flink's Prometheus reporter exposes them).
 *
 * <p>Besides the aggregation's keys the object holds {@code model}, {@code segment} (when keyed by
 * segment), {@code firing} (1 when the watermark closes the window, 2, 3, ... when an event within the
 * allowed lateness updates it) and {@code alerts}.
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public final class WindowEvaluate<A> extends ProcessWindowFunction<A, String, String, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WindowAggregation<A> aggregation;
    private final boolean rowWindows;
    private final List<AlertRule> rules;
    private final CalendarWindows calendar;
    private transient Map<String, Double> latest;
    private transient ValueStateDescriptor<Integer> firings;

    /**
     * @param aggregation the window summary
     * @param rowWindows  whether event time is a row sequence number
     * @param rules       the alert rules
     * @param calendar    the calendar windows (for their keys), or {@code null}
     */
    public WindowEvaluate(WindowAggregation<A> aggregation, boolean rowWindows, List<AlertRule> rules,
            CalendarWindows calendar) {
        this.aggregation = aggregation;
        this.rowWindows = rowWindows;
        this.rules = List.copyOf(rules);
        this.calendar = calendar;
    }

    @Override
    public void open(OpenContext context) {
        latest = new HashMap<>();
        firings = new ValueStateDescriptor<>("firings", Types.INT);
    }

    @Override
    public void process(String key, Context context, Iterable<A> elements, Collector<String> out) throws Exception {
        A acc = elements.iterator().next();
        TimeWindow tw = context.window();
        Map<String, Object> window = aggregation.evaluate(acc, new WindowBounds(tw.getStart(), tw.getEnd(), rowWindows,
                calendar == null ? null : calendar.key(tw.getStart())));
        ValueState<Integer> fired = context.windowState().getState(firings);
        int firing = fired.value() == null ? 1 : fired.value() + 1;
        fired.update(firing);
        String[] parts = key.split("/", 2);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("model", parts[0]);
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("model", parts[0]);
        if (parts.length > 1) {
            full.put("segment", parts[1]);
            labels.put("segment", parts[1]);
        }
        full.putAll(window);
        full.put("firing", firing);
        String windowKey = String.valueOf(window.get("key"));
        List<Object> alerts = new ArrayList<>();
        if (window.get("alerts") instanceof List<?> fromRules) {
            // the monitor's own rules, evaluated with the window
            for (Object a : fromRules) {
                alerts.add(a);
                context.output(MonitorJob.ALERTS, json(a));
            }
        }
        for (AlertRule r : rules) {
            r.check(window, windowKey, labels).ifPresent(a -> {
                Map<String, Object> m = toMap(a);
                alerts.add(m);
                context.output(MonitorJob.ALERTS, json(m));
            });
        }
        full.put("alerts", alerts);
        publish(key, "", window);
        out.collect(json(full));
    }

    /** Registers a gauge the first time a number appears, then updates the value it reads. */
    private void publish(String key, String prefix, Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String path = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> inner) {
                publish(key, path, inner);
            } else if (e.getValue() instanceof Number || e.getValue() == null) {
                // a null is an undefined value: its gauge reads NaN
                String id = key + "|" + path;
                double v = e.getValue() == null ? Double.NaN : ((Number) e.getValue()).doubleValue();
                if (latest.put(id, v) == null) {
                    getRuntimeContext().getMetricGroup().addGroup("candor").addGroup("key", key)
                            .gauge(path.replaceAll("[^A-Za-z0-9_]", "_"), (Gauge<Double>) () -> latest.get(id));
                }
            }
        }
    }

    /**
     * @param a an alert
     * @return its JSON object as in {@code candor monitor}: {@code rule, metric, window, value, lower, upper,
     *         severity, labels, description}
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(Alert a) {
        return JSON.convertValue(MonitorJson.alert(a), Map.class);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
