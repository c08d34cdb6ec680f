package dev.candor.monitor.alert;

import dev.candor.core.AtomicFiles;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a monitoring run's watched values as a Prometheus text-format file for node_exporter's
 * textfile collector ({@code --collector.textfile.directory}), with the official Prometheus Java
 * text-format writer ({@code prometheus-metrics-exposition-textformats}, format 0.0.4).
 *
 * <h2>Content</h2>
 * <ul>
 *   <li>Every {@link MetricSample} becomes one sample of the gauge {@code candor_<name>}, with the
 *       sample's labels ({@code model}, {@code window}, and where they apply {@code feature},
 *       {@code attribute}, {@code group}, {@code test}). Samples of the same name form one metric
 *       family, with the {@code HELP} text of the first of them. Names and label names are made
 *       valid with {@link PrometheusNaming#sanitizeMetricName(String)} and
 *       {@link PrometheusNaming#sanitizeLabelName(String)} (invalid characters become {@code _}, a
 *       reserved suffix such as {@code _total} is removed).</li>
 *   <li>{@code candor_alerts{model, severity}}: the number of alerts of the run per severity, all
 *       three severities written (0 included), so an alerting rule can watch one series.</li>
 *   <li>{@code candor_last_run_timestamp_seconds{model}}: when the file was written (Unix seconds),
 *       so a stale file (a monitor that stopped running) can be alerted on.</li>
 * </ul>
 *
 * <h2>Undefined values</h2>
 * A sample whose value is {@code NaN} (an empty window, a zero denominator) is <b>written as
 * {@code NaN}</b>, never skipped: the series keeps existing, Prometheus stores NaN as a value, and
 * every comparison with NaN in PromQL is false, so an undefined value never fires a threshold rule
 * by itself; {@code candor_x != candor_x} selects the undefined ones. The reason stays in the JSON
 * result.
 *
 * <h2>Atomicity and failures</h2>
 * The file is written in full to a temporary file in the same directory and moved over the target
 * in one atomic rename ({@link AtomicFiles}), so the collector never reads a partial file. Two
 * samples with the same name and the same labels, a missing directory or an unwritable file make a
 * failed {@link Delivery} (one attempt, the error named); {@link #deliver} never throws for them.
 *
 * @see <a href="https://github.com/prometheus/node_exporter#textfile-collector">node_exporter textfile collector</a>
 * @see <a href="https://prometheus.io/docs/instrumenting/exposition_formats/">Prometheus exposition formats</a>
 * @since 0.2.0
 */
public final class PrometheusFileChannel implements AlertChannel {

    /** The channel name in {@link Delivery#channel()}. */
    public static final String NAME = "prometheus";
    /** The prefix of every metric name. */
    public static final String PREFIX = "candor_";

    private static final System.Logger LOG = System.getLogger(PrometheusFileChannel.class.getName());

    private final Path file;
    private final Clock clock;

    /**
     * @param file the file to (re)write, conventionally ending in {@code .prom}
     */
    public PrometheusFileChannel(Path file) {
        this(file, Clock.systemUTC());
    }

    /**
     * @param file  the file to (re)write
     * @param clock the clock giving {@code candor_last_run_timestamp_seconds}
     */
    public PrometheusFileChannel(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the file written */
    public Path file() {
        return file;
    }

    @Override
    public Delivery deliver(MonitoringRun run) {
        Objects.requireNonNull(run, "run");
        try {
            AtomicFiles.writeString(file, render(run));
            return new Delivery(NAME, file.toString(), true, 1, null);
        } catch (IOException | IllegalArgumentException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "prometheus file " + file + " not written: " + error);
            return new Delivery(NAME, file.toString(), false, 1, error);
        }
    }

    /**
     * Renders the text the file receives.
     *
     * @param run the run
     * @return the Prometheus text format
     * @throws IllegalArgumentException if two samples share a name and labels
     */
    String render(MonitoringRun run) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, List<GaugeSnapshot.GaugeDataPointSnapshot>> points = new LinkedHashMap<>();
        for (MetricSample s : run.samples()) {
            String name = PrometheusNaming.sanitizeMetricName(PREFIX + s.name());
            help.putIfAbsent(name, s.help());
            points.computeIfAbsent(name, k -> new ArrayList<>()).add(point(s.labels(), s.value()));
        }
        String alerts = PREFIX + "alerts";
        help.putIfAbsent(alerts, "Number of monitoring alerts of the last run, by severity");
        for (Severity sev : Severity.values()) {
            long count = run.alerts().stream().filter(a -> a.severity() == sev).count();
            points.computeIfAbsent(alerts, k -> new ArrayList<>())
                    .add(point(Map.of("model", run.model(), "severity", sev.key()), count));
        }
        String last = PREFIX + "last_run_timestamp_seconds";
        help.putIfAbsent(last, "When the monitor last wrote this file, in Unix seconds");
        points.computeIfAbsent(last, k -> new ArrayList<>())
                .add(point(Map.of("model", run.model()), clock.millis() / 1000.0));

        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (Map.Entry<String, List<GaugeSnapshot.GaugeDataPointSnapshot>> e : points.entrySet()) {
            GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(e.getKey()).help(help.get(e.getKey()));
            e.getValue().forEach(g::dataPoint);
            try {
                snapshots.add(g.build());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("metric " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, new MetricSnapshots(snapshots));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed: " + e.getMessage(), e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(Map<String, String> labels, double value) {
        Map<String, String> sorted = new TreeMap<>();
        labels.forEach((k, v) -> sorted.put(PrometheusNaming.sanitizeLabelName(k), v));
        return GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of(new ArrayList<>(sorted.keySet()), new ArrayList<>(sorted.values())))
                .value(value).build();
    }
}
