package dev.candor.explain.lime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.explain.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The German-credit golden fixtures: the logistic-regression model of
 * {@code golden/explain/german_model.json} (evaluated exactly as its README prescribes, with
 * {@code StrictMath.exp}), the 1000 training rows of {@code datasets/german/german.data-numeric},
 * and the LIME golden file.
 */
final class GermanFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode modelJson;
    private static JsonNode limeJson;
    private static double[][] training;

    private GermanFixtures() {
    }

    static synchronized JsonNode modelJson() {
        if (modelJson == null) {
            modelJson = read(SharedData.golden("explain/german_model.json"));
        }
        return modelJson;
    }

    static synchronized JsonNode limeJson() {
        if (limeJson == null) {
            limeJson = read(SharedData.golden("explain/german_lime.json"));
        }
        return limeJson;
    }

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** The model: z = b; z += w[j] * ((x[j] - mu[j]) / sd[j]) left to right; p = 1 / (1 + exp(-z)). */
    static final class LogisticModel implements Model {
        final double[] mu;
        final double[] sd;
        final double[] w;
        final double b;

        LogisticModel(JsonNode json) {
            mu = doubles(json.get("mu"));
            sd = doubles(json.get("sd"));
            w = doubles(json.get("w"));
            b = json.get("b").asDouble();
        }

        double p(double[] x) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
                z = z + w[j] * ((x[j] - mu[j]) / sd[j]);
            }
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }

        @Override
        public double[] predict(double[][] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = p(rows[i]);
            }
            return out;
        }
    }

    static LogisticModel model() {
        return new LogisticModel(modelJson());
    }

    /** All 1000 rows of german.data-numeric, 24 attributes (the class column dropped). */
    static synchronized double[][] training() {
        if (training == null) {
            Path p = SharedData.datasetsDir().orElseThrow(() -> new IllegalStateException("no datasets directory"))
                    .resolve("german/german.data-numeric");
            try {
                List<String> lines = Files.readAllLines(p);
                training = lines.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
                    String[] t = s.split("\\s+");
                    double[] row = new double[24];
                    for (int j = 0; j < 24; j++) {
                        row[j] = Double.parseDouble(t[j]);
                    }
                    return row;
                }).toArray(double[][]::new);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return training;
    }

    /** Rows of a golden CSV with a header line. */
    static double[][] csv(String relative) {
        try {
            List<String> lines = Files.readAllLines(SharedData.golden(relative));
            return lines.stream().skip(1).filter(s -> !s.isBlank())
                    .map(s -> java.util.Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
