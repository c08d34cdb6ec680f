package dev.candor.explain.shap;

import dev.candor.explain.Model;
import dev.candor.explain.MultiOutputModel;
import java.util.Objects;

/**
 * The model as the coalition evaluator sees it: a batch of rows in, {@code rows.length * outputs()}
 * values out, row-major, with the model's answer checked for shape (a wrong count names the batch
 * size; a non-finite value is checked by the caller, who knows which coalition it belongs to).
 */
interface BatchModel {

    /** @return the number of outputs per row */
    int outputs();

    /**
     * @param rows the rows (not kept by the model)
     * @param out  receives output k of row i at {@code i * outputs() + k}
     */
    void predict(double[][] rows, double[] out);

    static BatchModel of(Model model) {
        return new Single(Objects.requireNonNull(model, "model"));
    }

    static BatchModel of(MultiOutputModel model) {
        Objects.requireNonNull(model, "model");
        if (model.outputs() < 1) {
            throw new IllegalArgumentException("model.outputs() must be >= 1, got " + model.outputs());
        }
        return new Multi(model);
    }

    /** A single-output model. */
    record Single(Model model) implements BatchModel {
        @Override
        public int outputs() {
            return 1;
        }

        @Override
        public void predict(double[][] rows, double[] out) {
            double[] p = model.predict(rows);
            if (p == null || p.length != rows.length) {
                throw new IllegalArgumentException("model returned " + (p == null ? "null" : p.length + " values")
                        + " for a batch of " + rows.length + " rows; expected one value per row");
            }
            System.arraycopy(p, 0, out, 0, p.length);
        }
    }

    /** A multi-output model. */
    record Multi(MultiOutputModel model) implements BatchModel {
        @Override
        public int outputs() {
            return model.outputs();
        }

        @Override
        public void predict(double[][] rows, double[] out) {
            int k = model.outputs();
            double[][] p = model.predict(rows);
            if (p == null || p.length != rows.length) {
                throw new IllegalArgumentException("model returned " + (p == null ? "null" : p.length + " rows")
                        + " for a batch of " + rows.length + " rows");
            }
            for (int i = 0; i < p.length; i++) {
                if (p[i] == null || p[i].length != k) {
                    throw new IllegalArgumentException("model returned " + (p[i] == null ? "null" : p[i].length
                            + " outputs") + " for row " + i + " of a batch; expected " + k);
                }
                System.arraycopy(p[i], 0, out, i * k, k);
            }
        }
    }
}
