package dev.candor.models;

import dev.candor.core.Provenance;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.EncodedMatrix;
import dev.candor.datasets.Encoder;
import dev.candor.datasets.Feature;
import dev.candor.explain.Model;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A classifier trained by {@link ClassifierTrainer}: it gives \(P(\text{favorable} \mid x)\) for the
 * rows of a dataset with the training data's features.
 *
 * <p>As a {@link Model} it predicts rows of the one-hot encoding it was trained on
 * ({@link #columnNames()}; {@link #featureColumns()} gives the encoded columns of each original
 * feature, for explainers that mask a whole categorical block at once). Standardization, where the
 * model uses it, happens inside. The tree kinds need every one-hot block of a row to hold exactly one
 * 1 (a level), which KernelSHAP's and LIME's block-wise substitution keeps.
 *
 * <p>Immutable; predictions may run from several threads at once.
 *
 * @since 0.1.0
 */
public final class TrainedClassifier implements Model {

    private final String name;
    private final ClassifierKind kind;
    private final Map<String, String> settings;
    private final Provenance provenance;
    private final Encoder encoder;
    private final String[] columnNames;
    private final int[][] featureColumns;
    private final EncodedPredictor predictor;
    private final LogisticModel logistic;

    TrainedClassifier(String name, ClassifierKind kind, Map<String, String> settings, Provenance provenance,
                      Encoder encoder, int[][] featureColumns, EncodedPredictor predictor, LogisticModel logistic) {
        this.name = name;
        this.kind = kind;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.provenance = provenance;
        this.encoder = encoder;
        this.columnNames = encoder.columnNames();
        this.featureColumns = featureColumns;
        this.predictor = predictor;
        this.logistic = logistic;
    }

    /** @return a short description, for example {@code "logistic regression (L2 1.0, weighted)"} */
    public String name() {
        return name;
    }

    /** @return the classifier kind */
    public ClassifierKind kind() {
        return kind;
    }

    /** @return the training settings (kind, hyper-parameters, seed, how weights were used) */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return what trained this classifier, on which data */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the one-hot encoder fitted on the training data */
    public Encoder encoder() {
        return encoder;
    }

    /** @return the original features, in order */
    public List<Feature> features() {
        return encoder.features();
    }

    /** @return the names of the encoded columns that {@link #predict(double[][])} expects (a copy) */
    public String[] columnNames() {
        return columnNames.clone();
    }

    /** @return for each original feature, its encoded column indices (a deep copy) */
    public int[][] featureColumns() {
        int[][] c = new int[featureColumns.length][];
        for (int f = 0; f < c.length; f++) {
            c[f] = featureColumns[f].clone();
        }
        return c;
    }

    /** @return the fitted logistic model (on standardized columns), for {@link ClassifierKind#LOGISTIC} */
    public Optional<LogisticModel> logisticModel() {
        return Optional.ofNullable(logistic);
    }

    /**
     * Encodes a dataset as this classifier's input.
     *
     * @param data a dataset with the training data's features
     * @return its encoded matrix
     * @throws IllegalArgumentException if a feature is missing or a level unknown
     */
    public EncodedMatrix encode(Dataset data) {
        return encoder.apply(Objects.requireNonNull(data, "data"));
    }

    /**
     * @param encodedRows rows of the training encoding ({@link #columnNames()})
     * @return \(P(\text{favorable})\) per row
     * @throws IllegalArgumentException if a row has the wrong width (or, for trees, a block is not one-hot)
     */
    @Override
    public double[] predict(double[][] encodedRows) {
        return predictor.predict(encodedRows);
    }

    /**
     * @param data a dataset with the training data's features
     * @return \(P(\text{favorable})\) per row
     * @throws IllegalArgumentException if a feature is missing or a level unknown
     */
    public double[] predictProba(Dataset data) {
        return predict(encode(data).x());
    }

    /**
     * @param data      a dataset with the training data's features
     * @param threshold rows with \(P(\text{favorable}) \ge\) threshold are predicted 1 (favorable)
     * @return the predicted labels, 1 = favorable
     * @throws IllegalArgumentException if the threshold is outside [0, 1] or the data cannot be encoded
     */
    public int[] predictLabels(Dataset data, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        double[] p = predictProba(data);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] >= threshold ? 1 : 0;
        }
        return out;
    }

    @Override
    public String toString() {
        return "TrainedClassifier[" + name + ", " + settings + "]";
    }
}
