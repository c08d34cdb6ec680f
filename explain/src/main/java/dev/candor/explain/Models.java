package dev.candor.explain;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Adapters that turn common model shapes into the batched {@link Model} contract.
 *
 * @since 0.1.0
 */
public final class Models {

    private Models() {
    }

    /**
     * A model that predicts one row at a time. Explainers still hand it large batches; the adapter
     * loops over the rows. Prefer a true batched implementation when the underlying library has one.
     *
     * @param rowPredictor the prediction for one row; must be thread-safe if rows are explained in
     *                     parallel
     * @return the batched model
     * @throws NullPointerException if {@code rowPredictor} is null
     */
    public static Model rowwise(ToDoubleFunction<double[]> rowPredictor) {
        Objects.requireNonNull(rowPredictor, "rowPredictor");
        return rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rowPredictor.applyAsDouble(rows[i]);
            }
            return out;
        };
    }

    /**
     * One output of a multi-output model, for example the probability of one class.
     *
     * @param model  the multi-output model
     * @param output the index of the output to keep, {@code 0 <= output < model.outputs()}
     * @return a model returning that output
     * @throws IllegalArgumentException if {@code output} is out of range, or (when called) if the model
     *                                  returns a row of the wrong length
     */
    public static Model output(MultiOutputModel model, int output) {
        Objects.requireNonNull(model, "model");
        int k = model.outputs();
        if (output < 0 || output >= k) {
            throw new IllegalArgumentException("output must be in [0, " + k + "), got " + output);
        }
        return rows -> {
            double[][] all = model.predict(rows);
            if (all == null || all.length != rows.length) {
                throw new IllegalArgumentException("model returned " + (all == null ? "null" : all.length
                        + " rows") + " for a batch of " + rows.length + " rows");
            }
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (all[i] == null || all[i].length != k) {
                    throw new IllegalArgumentException("model returned " + (all[i] == null ? "null"
                            : all[i].length + " outputs") + " for row " + i + " of a batch, expected " + k);
                }
                out[i] = all[i][output];
            }
            return out;
        };
    }

    /**
     * A multi-output model made of several single-output models evaluated on the same rows.
     *
     * @param outputs the models, one per output (at least one)
     * @return the multi-output model
     */
    public static MultiOutputModel stack(Model... outputs) {
        if (outputs == null || outputs.length == 0) {
            throw new IllegalArgumentException("outputs must hold at least one model");
        }
        Model[] ms = outputs.clone();
        for (int k = 0; k < ms.length; k++) {
            Objects.requireNonNull(ms[k], "outputs[" + k + "]");
        }
        return new MultiOutputModel() {
            @Override
            public double[][] predict(double[][] rows) {
                double[][] out = new double[rows.length][ms.length];
                for (int k = 0; k < ms.length; k++) {
                    double[] p = ms[k].predict(rows);
                    if (p == null || p.length != rows.length) {
                        throw new IllegalArgumentException("outputs[" + k + "] returned "
                                + (p == null ? "null" : p.length + " values") + " for " + rows.length + " rows");
                    }
                    for (int i = 0; i < rows.length; i++) {
                        out[i][k] = p[i];
                    }
                }
                return out;
            }

            @Override
            public int outputs() {
                return ms.length;
            }
        };
    }
}
