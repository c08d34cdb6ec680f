package dev.candor.models;

import dev.candor.explain.Model;
import dev.candor.explain.MultiOutputModel;
import java.util.Arrays;
import java.util.Objects;
import smile.classification.Classifier;
import smile.regression.Regression;

/**
 * Adapters that let Candor's explainers call Smile models trained on {@code double[]} rows.
 *
 * <ul>
 *   <li>{@link #posterior(Classifier, int)}: the posterior probability of one class (the favorable
 *       one) of a soft classifier, such as {@code LogisticRegression}, {@code RandomForest} or
 *       {@code GradientTreeBoost} fitted on a matrix;</li>
 *   <li>{@link #posteriors(Classifier)}: every class probability at once, to explain all outputs;</li>
 *   <li>{@link #regression(Regression)}: the prediction of a regressor.</li>
 * </ul>
 *
 * <p>Smile predicts one row at a time; the adapters loop over the batch. They hold no state beyond
 * the model, so they are as thread-safe as the model's {@code predict} (Smile's fitted models are
 * read-only). A model trained on a data frame with a formula (categorical factors) is adapted by
 * {@link ClassifierTrainer}'s {@link TrainedClassifier} instead, which encodes rows the same way.
 *
 * @since 0.1.0
 */
public final class SmileModels {

    private SmileModels() {
    }

    /**
     * The posterior probability of class {@code favorableClass} for every row.
     *
     * @param classifier     a soft Smile classifier ({@code classifier.soft()} is true)
     * @param favorableClass the class label whose probability is returned, one of
     *                       {@code classifier.classes()}
     * @return the model
     * @throws IllegalArgumentException if the classifier gives no probabilities or does not know the class
     */
    public static Model posterior(Classifier<double[]> classifier, int favorableClass) {
        int index = classIndex(classifier, favorableClass);
        int k = classifier.numClasses();
        return rows -> {
            double[] out = new double[rows.length];
            double[] post = new double[k];
            for (int i = 0; i < rows.length; i++) {
                classifier.predict(rows[i], post);
                out[i] = post[index];
            }
            return out;
        };
    }

    /**
     * Every class probability, in the order of {@code classifier.classes()}.
     *
     * @param classifier a soft Smile classifier
     * @return the multi-output model
     * @throws IllegalArgumentException if the classifier gives no probabilities
     */
    public static MultiOutputModel posteriors(Classifier<double[]> classifier) {
        requireSoft(classifier);
        int k = classifier.numClasses();
        return new MultiOutputModel() {
            @Override
            public double[][] predict(double[][] rows) {
                double[][] out = new double[rows.length][k];
                for (int i = 0; i < rows.length; i++) {
                    classifier.predict(rows[i], out[i]);
                }
                return out;
            }

            @Override
            public int outputs() {
                return k;
            }
        };
    }

    /**
     * The prediction of a Smile regressor for every row.
     *
     * @param regression the regressor
     * @return the model
     */
    public static Model regression(Regression<double[]> regression) {
        Objects.requireNonNull(regression, "regression");
        return rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = regression.predict(rows[i]);
            }
            return out;
        };
    }

    private static void requireSoft(Classifier<double[]> classifier) {
        Objects.requireNonNull(classifier, "classifier");
        if (!classifier.soft()) {
            throw new IllegalArgumentException("classifier: " + classifier.getClass().getSimpleName()
                    + " gives no class probabilities (soft() is false); explain a soft classifier, or a "
                    + "regression on its decision score");
        }
    }

    private static int classIndex(Classifier<double[]> classifier, int favorableClass) {
        requireSoft(classifier);
        int[] classes = classifier.classes();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == favorableClass) {
                return i;
            }
        }
        throw new IllegalArgumentException("favorableClass: " + favorableClass + " is not a class of the model "
                + Arrays.toString(classes));
    }
}
