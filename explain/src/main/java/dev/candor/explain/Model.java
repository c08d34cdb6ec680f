package dev.candor.explain;

/**
 * A model to explain: one scalar output for each row of a batch.
 *
 * <p>Explainers call it with large batches (thousands of rows at once), so an implementation
 * should predict a whole batch in one go rather than row by row. The output is typically the
 * probability of the favorable class for a classifier, or the prediction of a regressor.
 *
 * <p>Contract: the returned array has exactly one element per input row, in the same order, and
 * the model must not keep or modify the {@code rows} array (explainers reuse their buffers). An
 * implementation may be called from several threads at once when rows are explained in parallel;
 * a model that is not thread-safe should be wrapped or explained with one thread.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Model {

    /**
     * Predicts a batch of rows.
     *
     * @param rows the rows, each of the model's input width
     * @return one output per row
     */
    double[] predict(double[][] rows);
}
