package dev.candor.models;

/** P(favorable) for rows in a classifier's one-hot encoding. */
@FunctionalInterface
interface EncodedPredictor {
    double[] predict(double[][] encodedRows);
}
