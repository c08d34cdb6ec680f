package dev.candor.monitor.alert;

import java.util.List;

/**
 * A way alerts reach people or systems. Implementations never throw for delivery failures: they
 * retry as configured and report the outcome as a {@link Delivery}, so a failing channel never hides
 * a breach.
 *
 * @since 0.2.0
 */
public interface AlertChannel {

    /**
     * Delivers the alerts of one monitoring run.
     *
     * @param run what was monitored and what breached
     * @return the outcome, also when delivery failed
     */
    Delivery deliver(MonitoringRun run);

    /**
     * What a channel is given to deliver: the model's name, the alerts, the watched values and the
     * complete monitoring result already rendered as JSON (the {@code candor} webhook format sends it
     * unchanged).
     *
     * @param model      the monitored model's name
     * @param alerts     the breaches, possibly empty
     * @param samples    every watched value of every window
     * @param resultJson the monitoring result as JSON text
     */
    record MonitoringRun(String model, List<Alert> alerts, List<MetricSample> samples, String resultJson) {
        /** Copies the lists. */
        public MonitoringRun {
            alerts = List.copyOf(alerts);
            samples = List.copyOf(samples);
        }
    }
}
