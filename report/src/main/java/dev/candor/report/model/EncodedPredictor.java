package dev.candor.report.model;

/** P(favorable) for rows in a classifier's one-hot encoding. */
@FunctionalInterface
interface EncodedPredictor {
    double[] predict(double[][] encodedRows);
}
