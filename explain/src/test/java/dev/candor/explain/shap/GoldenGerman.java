package dev.candor.explain.shap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.explain.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The golden German-credit logistic models and data of {@code golden/explain} (read in place). */
final class GoldenGerman {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenGerman() {
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(SharedData.golden("explain/" + name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    static double[][] matrix(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(a.get(i));
        }
        return out;
    }

    /** CSV with a header, first {@code cols} columns. */
    static double[][] csv(String name, int cols) {
        Path p = SharedData.golden("explain/" + name);
        try {
            List<String> lines = Files.readAllLines(p);
            double[][] out = new double[lines.size() - 1][cols];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                for (int j = 0; j < cols; j++) {
                    out[i - 1][j] = Double.parseDouble(f[j]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logistic model exactly as the README gives it: left-to-right sum, StrictMath.exp. */
    record Logistic(double[] mu, double[] sd, double[] w, double b) implements Model {
        static Logistic load(String file) {
            JsonNode j = json(file);
            return new Logistic(doubles(j.get("mu")), doubles(j.get("sd")), doubles(j.get("w")),
                    j.get("b").asDouble());
        }

        double z(double[] x) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
                z = z + w[j] * ((x[j] - mu[j]) / sd[j]);
            }
            return z;
        }

        double p(double[] x) {
            return 1.0 / (1.0 + StrictMath.exp(-z(x)));
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
}
