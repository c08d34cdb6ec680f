package dev.candor.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus text file, parsed back line by line by the grammar of the text format 0.0.4 and
 * checked with {@code promtool check metrics} (Debian's prometheus package) where it is installed;
 * under CI it must be.
 */
class PrometheusFileChannelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00.250Z");

    @TempDir
    Path dir;

    /** One parsed sample line. */
    record Parsed(String name, Map<String, String> labels, double value) {
    }

    static AlertChannel.MonitoringRun run() {
        List<MetricSample> s = new ArrayList<>();
        s.add(new MetricSample("accuracy", "Accuracy of the window's predictions",
                Map.of("model", "bank", "window", "[10000:14999]"), 0.8871));
        s.add(new MetricSample("accuracy", "Accuracy of the window's predictions",
                Map.of("model", "bank", "window", "[15000:19999]"), 0.54));
        s.add(new MetricSample("accuracy", "Accuracy of the window's predictions",
                Map.of("model", "bank", "window", "[20000:20003]"), Double.NaN));
        s.add(new MetricSample("feature_drift_value", "Drift statistic of a feature",
                Map.of("model", "bank", "window", "[10000:14999]", "feature", "age", "test", "wasserstein"),
                0.14100000000000001));
        s.add(new MetricSample("disparate_impact", "Disparate impact of an attribute",
                Map.of("model", "bank", "window", "w \"1\"\\n", "attribute", "age_group", "group", "lt25"), 1e-300));
        List<Alert> alerts = List.of(
                new Alert("performance.accuracy", "accuracy", "[15000:19999]", 0.54, 0.55, Double.NaN,
                        Severity.CRITICAL, Map.of()),
                new Alert("drift.share", "drift_share", "[15000:19999]", 0.6, Double.NaN, 0.5, Severity.WARNING, Map.of()),
                new Alert("drift.share", "drift_share", "[20000:20003]", 0.7, Double.NaN, 0.5, Severity.WARNING, Map.of()));
        return new AlertChannel.MonitoringRun("bank", alerts, s, "{}");
    }

    @Test
    void everySampleIsWrittenAndReadsBackExactly() throws IOException {
        Path file = dir.resolve("candor.prom");
        PrometheusFileChannel ch = new PrometheusFileChannel(file, Clock.fixed(NOW, ZoneOffset.UTC));
        Delivery d = ch.deliver(run());
        assertThat(d).isEqualTo(new Delivery("prometheus", file.toString(), true, 1, null));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Parsed> parsed = parse(text);
        Map<String, String> types = new HashMap<>();
        Map<String, String> helps = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                assertThat(types.put(p[2], p[3])).as("one TYPE line per family").isNull();
            } else if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                helps.put(rest.substring(0, rest.indexOf(' ')), rest.substring(rest.indexOf(' ') + 1));
            }
        }
        assertThat(types).containsOnlyKeys("candor_accuracy", "candor_feature_drift_value", "candor_disparate_impact",
                "candor_alerts", "candor_last_run_timestamp_seconds").containsValue("gauge").doesNotContainValue("counter");
        assertThat(helps).containsEntry("candor_accuracy", "Accuracy of the window's predictions");

        // 5 samples + 3 severities + the timestamp.
        assertThat(parsed).hasSize(9);
        List<MetricSample> expected = run().samples();
        for (MetricSample s : expected) {
            Parsed p = parsed.stream().filter(x -> x.name().equals("candor_" + s.name()) && x.labels().equals(s.labels()))
                    .findFirst().orElseThrow(() -> new AssertionError("missing " + s));
            if (Double.isNaN(s.value())) {
                assertThat(p.value()).isNaN();
            } else {
                assertThat(p.value()).isEqualTo(s.value());
            }
        }
        assertThat(value(parsed, "candor_alerts", Map.of("model", "bank", "severity", "critical"))).isEqualTo(1.0);
        assertThat(value(parsed, "candor_alerts", Map.of("model", "bank", "severity", "warning"))).isEqualTo(2.0);
        assertThat(value(parsed, "candor_alerts", Map.of("model", "bank", "severity", "info"))).isEqualTo(0.0);
        assertThat(value(parsed, "candor_last_run_timestamp_seconds", Map.of("model", "bank"))).isEqualTo(NOW.getEpochSecond() + 0.25);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left beside the target").containsExactly(file);
        }
    }

    @Test
    void promtoolAcceptsTheFile() throws Exception {
        Path promtool = onPath("promtool");
        if (promtool == null && System.getenv("CI") != null) {
            fail("promtool is not installed; CI installs Debian's prometheus package (apt-get install -y prometheus)");
        }
        assumeTrue(promtool != null, "promtool is not installed (apt-get install -y prometheus)");
        Path file = dir.resolve("candor.prom");
        assertThat(new PrometheusFileChannel(file).deliver(run()).ok()).isTrue();
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).isBlank();

        // The check is real: a malformed file fails it.
        Path bad = dir.resolve("bad.prom");
        Files.writeString(bad, "# TYPE candor_x gauge\ncandor_x{model=\"a} 1\n");
        Process q = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(bad.toFile())
                .redirectErrorStream(true).start();
        q.getInputStream().readAllBytes();
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isNotZero();
    }

    @Test
    void aRewriteReplacesTheWholeFile() throws IOException {
        Path file = dir.resolve("candor.prom");
        Files.writeString(file, "stale content that must disappear\n");
        PrometheusFileChannel ch = new PrometheusFileChannel(file, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(ch.deliver(run()).ok()).isTrue();
        AlertChannel.MonitoringRun empty = new AlertChannel.MonitoringRun("bank", List.of(), List.of(), "{}");
        assertThat(ch.deliver(empty).ok()).isTrue();
        List<Parsed> parsed = parse(Files.readString(file));
        assertThat(parsed).extracting(Parsed::name).containsOnly("candor_alerts", "candor_last_run_timestamp_seconds");
        assertThat(parsed).hasSize(4);
    }

    @Test
    void namesAreMadeValid() throws IOException {
        Path file = dir.resolve("candor.prom");
        MetricSample odd = new MetricSample("age-group.ratio", "h", Map.of("model", "m", "sub-group", "x"), 2);
        new PrometheusFileChannel(file).deliver(new AlertChannel.MonitoringRun("m", List.of(), List.of(odd), "{}"));
        Parsed p = parse(Files.readString(file)).get(0);
        assertThat(p.name()).isEqualTo("candor_age_group_ratio");
        assertThat(p.labels()).isEqualTo(Map.of("model", "m", "sub_group", "x"));
    }

    @Test
    void failuresAreReportedNotThrown() {
        Path missing = dir.resolve("no-such-dir").resolve("candor.prom");
        Delivery d = new PrometheusFileChannel(missing).deliver(run());
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.error()).contains("no-such-dir");

        MetricSample a = new MetricSample("x", "h", Map.of("model", "m"), 1);
        MetricSample b = new MetricSample("x", "h", Map.of("model", "m"), 2);
        Delivery dup = new PrometheusFileChannel(dir.resolve("dup.prom"))
                .deliver(new AlertChannel.MonitoringRun("m", List.of(), List.of(a, b), "{}"));
        assertThat(dup.ok()).isFalse();
        assertThat(dup.error()).contains("candor_x");
        assertThat(dir.resolve("dup.prom")).doesNotExist();
    }

    private static double value(List<Parsed> parsed, String name, Map<String, String> labels) {
        return parsed.stream().filter(p -> p.name().equals(name) && p.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("missing " + name + labels)).value();
    }

    /**
     * Parses sample lines of the text format 0.0.4: {@code name[{l="v",...}] value}, label values with
     * the escapes {@code \\}, {@code \"} and {@code \n}; values as Go's ParseFloat reads them.
     */
    static List<Parsed> parse(String text) {
        List<Parsed> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
                i++;
            }
            String name = line.substring(0, i);
            assertThat(name).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
            Map<String, String> labels = new LinkedHashMap<>();
            if (line.charAt(i) == '{') {
                i++;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String key = line.substring(i, eq);
                    assertThat(key).matches("[a-zA-Z_][a-zA-Z0-9_]*");
                    assertThat(line.charAt(eq + 1)).isEqualTo('"');
                    StringBuilder v = new StringBuilder();
                    int j = eq + 2;
                    while (line.charAt(j) != '"') {
                        char c = line.charAt(j);
                        if (c == '\\') {
                            char n = line.charAt(++j);
                            v.append(n == 'n' ? '\n' : n);
                        } else {
                            v.append(c);
                        }
                        j++;
                    }
                    labels.put(key, v.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
            }
            String[] rest = line.substring(i).trim().split(" ");
            double value = switch (rest[0]) {
                case "NaN" -> Double.NaN;
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(rest[0]);
            };
            out.add(new Parsed(name, labels, value));
        }
        return out;
    }

    private static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
