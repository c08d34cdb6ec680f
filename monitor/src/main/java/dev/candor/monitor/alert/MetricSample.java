package dev.candor.monitor.alert;

import java.util.Map;
import java.util.Objects;

/**
 * One watched value of one window, as exported to metric systems (the Prometheus text file, Flink
 * gauges). {@code name} is the metric without the {@code candor_} prefix, in snake case.
 *
 * @param name   the metric name, e.g. {@code accuracy}, {@code drift_share}, {@code feature_drift_value}
 * @param help   one line describing the metric
 * @param labels identifying labels: {@code model}, {@code window}, and where they apply {@code feature},
 *               {@code attribute}, {@code group}, {@code test}
 * @param value  the value; {@code NaN} when undefined
 * @since 0.2.0
 */
public record MetricSample(String name, String help, Map<String, String> labels, double value) {

    /** Validates and copies the labels. */
    public MetricSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        labels = Map.copyOf(labels);
    }
}
