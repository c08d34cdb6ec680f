package dev.candor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.explain.Model;
import java.io.IOException;

/**
 * The golden German-credit logistic model ({@code golden/explain/german_model.json}),
 * {@code p = 1 / (1 + exp(-(b + sum_j w_j (x_j - mu_j) / sd_j)))}, in the two forms the explainer
 * benchmarks run.
 *
 * <ul>
 *   <li>{@link Form#FOLDED}: the function the Python scripts of {@code benchmarks/python/} give shap,
 *       lime and the numpy floors ({@code explain_floor.Logistic}): the standardisation folded into the
 *       coefficients once ({@code c_j = w_j / sd_j}, {@code c_0 = b - sum_j c_j mu_j}), then one dot
 *       product and {@code Math.exp} per row. Equal to the golden form to about 1e-15; the form to
 *       compare with the references.</li>
 *   <li>{@link Form#GOLDEN}: the golden files' own evaluation, bit for bit: standardise each value, sum
 *       left to right, {@code StrictMath.exp}. About 2.5 times the cost of the folded form (24
 *       divisions and a dependent chain of 24 additions per row).</li>
 * </ul>
 *
 * @param mu the standardisation means
 * @param sd the standardisation deviations
 * @param w  the coefficients on the standardised features
 * @param b  the intercept
 */
public record GermanLogistic(double[] mu, double[] sd, double[] w, double b) {

    /** How the model is evaluated. */
    public enum Form { FOLDED, GOLDEN }

    /**
     * @return the model of {@code golden/explain/german_model.json} (in {@code ../shared}, or
     *         {@code CANDOR_SHARED})
     * @throws IOException if the file cannot be read
     */
    public static GermanLogistic load() throws IOException {
        JsonNode json = new ObjectMapper().readTree(SharedData.golden("explain/german_model.json").toFile());
        return new GermanLogistic(doubles(json.get("mu")), doubles(json.get("sd")), doubles(json.get("w")),
                json.get("b").asDouble());
    }

    /** @return the numbers of a JSON array */
    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /**
     * Checks that the folded form computes the golden function on the given rows (to 1e-12), so that the
     * benchmarks' speed figures are for the same model whichever form they run.
     *
     * @param rows rows to compare the two forms on
     * @throws IllegalStateException when they differ by more than 1e-12 on a row
     */
    public void checkForms(double[][] rows) {
        double[] folded = model(Form.FOLDED).predict(rows);
        double[] golden = model(Form.GOLDEN).predict(rows);
        for (int i = 0; i < rows.length; i++) {
            if (!(Math.abs(folded[i] - golden[i]) <= 1e-12)) {
                throw new IllegalStateException("the folded model gives " + folded[i] + " for row " + i
                        + ", the golden form " + golden[i]);
            }
        }
    }

    /**
     * @param form the evaluation
     * @return the model
     */
    public Model model(Form form) {
        int d = w.length;
        if (form == Form.GOLDEN) {
            double[] mu0 = mu.clone();
            double[] sd0 = sd.clone();
            double[] w0 = w.clone();
            return batch -> {
                double[] out = new double[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    double[] x = batch[i];
                    double z = b;
                    for (int j = 0; j < d; j++) {
                        z = z + w0[j] * ((x[j] - mu0[j]) / sd0[j]);
                    }
                    out[i] = 1.0 / (1.0 + StrictMath.exp(-z));
                }
                return out;
            };
        }
        double[] c = new double[d];
        double c0 = b;
        for (int j = 0; j < d; j++) {
            c[j] = w[j] / sd[j];
            c0 -= c[j] * mu[j];
        }
        double intercept = c0;
        return batch -> {
            double[] out = new double[batch.length];
            for (int i = 0; i < batch.length; i++) {
                double[] x = batch[i];
                double z = intercept;
                for (int j = 0; j < d; j++) {
                    z += c[j] * x[j];
                }
                out[i] = 1.0 / (1.0 + Math.exp(-z));
            }
            return out;
        };
    }
}
