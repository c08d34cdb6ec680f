package dev.candor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every number of a closed window is a Flink gauge that a metric reporter (Prometheus, ...) sees. */
class MetricGaugesTest {

    /** Gauges by their full name, as a reporter receives them. */
    static final Map<String, Gauge<?>> GAUGES = new ConcurrentHashMap<>();

    /** A reporter that keeps the gauges it is given. */
    public static final class Collect implements MetricReporter, MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Collect();
        }

        @Override
        public void open(MetricConfig config) {
        }

        @Override
        public void close() {
        }

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
            if (metric instanceof Gauge<?> g) {
                GAUGES.put(group.getMetricIdentifier(name), g);
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
            // keep the last values for the assertions
        }
    }

    private static Configuration reporter() {
        Configuration c = new Configuration();
        c.setString("metrics.reporter.collect.factory.class", Collect.class.getName());
        return c;
    }

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(reporter()).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void theLastClosedWindowsNumbersAreGauges() throws Exception {
        EventSchema schema = EventSchema.builder(List.of("t", "y", "pred", "score", "g", "x")).time("t").modelName("credit")
                .label("y").prediction("pred").score("score").protectedAttribute("g", "a").numeric(List.of("x")).build();
        EventParser parser = new EventParser(schema);
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            lines.add(t + "," + (t % 2) + "," + (t % 3 == 0 ? 1 : 0) + ",0." + (t % 10) + "," + (t % 4 == 0 ? "b" : "a") + "," + t);
        }
        List<PredictionEvent> reference = new ArrayList<>();
        lines.subList(0, 10).forEach(l -> reference.add(parser.parse(l).orElseThrow()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        MonitorJob<ProfileAccumulator> job = MonitorJob.builder(parser, ProfileAggregation.fromReference(schema, reference))
                .rowWindows(10).build();
        JobRun run = new JobRun(env, job.attach(env.fromData(lines)), null);

        JsonNode last = run.windows.get(1);
        assertThat(last.get("key").asText()).isEqualTo("[10:19]");
        Gauge<?> mean = gauge(".candor.key.credit.features_x_mean");
        Gauge<?> tp = gauge(".candor.key.credit.performance_counts_tp");
        assertThat((Double) mean.getValue()).isEqualTo(last.at("/features/x/mean").asDouble()).isEqualTo(14.5);
        assertThat((Double) tp.getValue()).isEqualTo(last.at("/performance/counts/tp").asDouble());
    }

    private static Gauge<?> gauge(String suffix) {
        return GAUGES.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no gauge ending in " + suffix + " among " + GAUGES.keySet()));
    }
}
