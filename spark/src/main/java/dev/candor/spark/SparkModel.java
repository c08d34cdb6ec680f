package dev.candor.spark;

import dev.candor.explain.Model;
import java.io.Serializable;

/**
 * A {@link Model} that Spark can ship to its executors: a serializable model. A lambda or method
 * reference typed as {@code SparkModel} is serializable when what it captures is
 * ({@code SparkModel m = rows -> myModel.predict(rows);} with a serializable {@code myModel}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SparkModel extends Model, Serializable {

    /**
     * @param model a model that is already serializable (a record, or a class implementing {@link Serializable})
     * @return it, as a {@code SparkModel}
     * @throws IllegalArgumentException if the model is not serializable
     */
    static SparkModel of(Model model) {
        if (model instanceof SparkModel s) {
            return s;
        }
        if (!(model instanceof Serializable)) {
            throw new IllegalArgumentException("the model " + model.getClass().getName() + " is not Serializable; "
                    + "Spark must ship it to the executors (implement Serializable, or type the lambda as SparkModel)");
        }
        Model m = model;
        return (SparkModel & Serializable) rows -> m.predict(rows);
    }
}
