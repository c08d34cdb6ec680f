package dev.candor.explain;

/**
 * A model with several outputs per row, such as the class probabilities of a classifier.
 *
 * <p>Contract: the result has one array per input row, in the same order, each of length
 * {@link #outputs()}; the model must not keep or modify the {@code rows} array. As for
 * {@link Model}, an implementation may be called from several threads at once.
 *
 * <p>Use {@link Models#output(MultiOutputModel, int)} to explain one output as a {@link Model}, or
 * give the multi-output model to {@code KernelShap.builder(MultiOutputModel, Background)} to explain
 * every output from one set of model calls.
 *
 * @since 0.1.0
 */
public interface MultiOutputModel {

    /**
     * Predicts a batch of rows.
     *
     * @param rows the rows, each of the model's input width
     * @return {@code result[i][k]} is output {@code k} for row {@code i}
     */
    double[][] predict(double[][] rows);

    /** @return the number of outputs per row (at least 1) */
    int outputs();
}
