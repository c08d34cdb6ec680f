package dev.candor.fairness.mitigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden post-processing file of one dataset ({@code ../shared/golden/mitigation/<name>_postprocessing.json},
 * fairlearn 0.14.0 and AIF360 0.6.1; see the README there) and the predictions file it was computed on,
 * with the largest deviation seen by each kind of check, for the record.
 */
final class PostProcessingGolden {

    private static final Map<String, PostProcessingGolden> CACHE = new HashMap<>();
    /** The largest deviation seen per method (the key's first segment); printed when CANDOR_GOLDEN_REPORT is set. */
    private static final Map<String, Double> WORST = new java.util.TreeMap<>();

    static {
        if (System.getenv("CANDOR_GOLDEN_REPORT") != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("worst golden deviation " + WORST)));
        }
    }

    private static synchronized void record(String key, double dev) {
        WORST.merge(key.substring(0, key.indexOf('.')), dev, Math::max);
    }

    final String name;
    final JsonNode json;
    final Map<String, String[]> columns;
    final double[] score;
    final int[] label;

    private PostProcessingGolden(String name, JsonNode json, Map<String, String[]> columns, String labelColumn) {
        this.name = name;
        this.json = json;
        this.columns = columns;
        this.score = Arrays.stream(columns.get("score")).mapToDouble(Double::parseDouble).toArray();
        this.label = Arrays.stream(columns.get(labelColumn)).mapToInt(Integer::parseInt).toArray();
    }

    static synchronized PostProcessingGolden german() {
        return CACHE.computeIfAbsent("german", n -> load(n, "credit"));
    }

    static synchronized PostProcessingGolden adult() {
        return CACHE.computeIfAbsent("adult", n -> load(n, "income"));
    }

    private static PostProcessingGolden load(String name, String labelColumn) {
        try {
            JsonNode json = new ObjectMapper().readTree(
                    SharedData.golden("mitigation/" + name + "_postprocessing.json").toFile());
            Path csv = SharedData.golden("fairness/" + name + "_predictions.csv");
            List<String> lines = Files.readAllLines(csv);
            String[] header = lines.get(0).split(",");
            Map<String, String[]> cols = new HashMap<>();
            int n = lines.size() - 1;
            for (String h : header) {
                cols.put(h, new String[n]);
            }
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",", -1);
                for (int c = 0; c < header.length; c++) {
                    cols.get(header[c])[i] = f[c];
                }
            }
            return new PostProcessingGolden(name, json, cols, labelColumn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String[] column(String attr) {
        return columns.get(attr);
    }

    JsonNode node(String key) {
        JsonNode v = json.get(key);
        assertNotNull(v, () -> name + ": no golden key " + key);
        return v;
    }

    boolean has(String key) {
        return json.has(key);
    }

    double number(String key) {
        JsonNode v = node(key);
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    /** Asserts a number at an absolute tolerance and returns the deviation. */
    double assertClose(String key, double actual, double tol) {
        double expected = number(key);
        double dev = expected == actual ? 0 : Math.abs(expected - actual);
        record(key, dev);
        assertTrue(dev <= tol || (Double.isNaN(expected) && Double.isNaN(actual)),
                () -> name + " " + key + ": expected " + expected + " but was " + actual);
        return dev;
    }

    double assertArray(String key, double[] actual, double tol) {
        JsonNode arr = node(key);
        assertEquals(arr.size(), actual.length, () -> name + " " + key + ": length");
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            JsonNode v = arr.get(i);
            double e = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
            double dev = e == actual[i] ? 0 : Math.abs(e - actual[i]);
            final int at = i;
            assertTrue(dev <= tol, () -> name + " " + key + "[" + at + "]: expected " + e + " but was " + actual[at]);
            worst = Math.max(worst, dev);
        }
        record(key, worst);
        return worst;
    }

    void assertInt(String key, long actual) {
        assertEquals(node(key).asLong(), actual, () -> name + " " + key);
    }
}
