package dev.candor.datasets;

import dev.candor.core.Fingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An immutable tabular dataset for fairness and explanation work: a numeric feature matrix, a
 * binary label (1 = favorable), one or more protected attributes, optional sample weights, and the
 * record of the rows its loader dropped.
 *
 * <ul>
 *   <li>{@link #x()} is row-major; a numeric feature holds its value, a categorical feature the code
 *       {@code 0..k-1} of its level in {@link Feature#levels()}. Values are never NaN.</li>
 *   <li>{@link #labels()} holds 1 for the favorable outcome and 0 otherwise; {@link #favorableValue()}
 *       is the favorable label's text in the source.</li>
 *   <li>Protected attributes are text columns kept beside the features (a loader may also use the same
 *       information as a feature, as the German {@code personal_status} does).</li>
 * </ul>
 *
 * <p>Accessors that return arrays return copies; the instance never changes. Build one with
 * {@link #builder(String)}, or get one from a loader ({@link Datasets#load(String)}).
 *
 * @since 0.1.0
 */
public final class Dataset {

    private final String name;
    private final List<Feature> features;
    private final double[][] x;
    private final int[] labels;
    private final String labelName;
    private final String favorableValue;
    private final List<ProtectedAttribute> protectedAttributes;
    private final double[] weights;
    private final List<DroppedRows> dropped;

    private Dataset(Builder b) {
        this.name = b.name;
        this.features = List.copyOf(b.features);
        this.labels = b.labels.clone();
        this.labelName = b.labelName;
        this.favorableValue = b.favorableValue;
        this.protectedAttributes = List.copyOf(b.protectedAttributes);
        this.weights = b.weights == null ? null : b.weights.clone();
        this.dropped = List.copyOf(b.dropped);
        this.x = DatasetChecks.copyChecked(features, b.x, labels, protectedAttributes);
        if (weights != null) {
            DatasetChecks.checkWeights(weights, labels.length);
        }
    }

    /**
     * @param name the dataset name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the dataset name, for example {@code german} */
    public String name() {
        return name;
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /** @return the feature columns, in the column order of {@link #x()} */
    public List<Feature> features() {
        return features;
    }

    /**
     * @param featureName a feature name
     * @return its column index in {@link #x()}
     * @throws IllegalArgumentException if there is no such feature
     */
    public int featureIndex(String featureName) {
        for (int j = 0; j < features.size(); j++) {
            if (features.get(j).name().equals(featureName)) {
                return j;
            }
        }
        throw new IllegalArgumentException("featureName: no feature '" + featureName + "' in dataset '" + name
                + "'; features are " + featureNames());
    }

    /** @return the feature names in column order */
    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    /** @return a copy of the row-major feature matrix (categoricals as level codes) */
    public double[][] x() {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    /**
     * @param featureName a feature name
     * @return a copy of that column
     */
    public double[] column(String featureName) {
        int j = featureIndex(featureName);
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    /**
     * @param row     a row index
     * @param feature a column index
     * @return the stored value (a level code for a categorical feature)
     */
    public double value(int row, int feature) {
        return x[row][feature];
    }

    /** @return a copy of the labels, 1 = favorable */
    public int[] labels() {
        return labels.clone();
    }

    /** @return the name of the label column */
    public String labelName() {
        return labelName;
    }

    /** @return the source text of the favorable label, for example {@code >50K} */
    public String favorableValue() {
        return favorableValue;
    }

    /** @return the protected attributes, in declaration order */
    public List<ProtectedAttribute> protectedAttributes() {
        return protectedAttributes;
    }

    /**
     * @param attributeName a protected attribute name
     * @return that attribute
     * @throws IllegalArgumentException if there is no such attribute
     */
    public ProtectedAttribute protectedAttribute(String attributeName) {
        return protectedAttributes.stream().filter(p -> p.name().equals(attributeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("attributeName: no protected attribute '"
                        + attributeName + "' in dataset '" + name + "'; protected attributes are "
                        + protectedAttributes.stream().map(ProtectedAttribute::name).toList()));
    }

    /** @return a copy of the sample weights, or null when the dataset has none */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** @return the rows the loader dropped, one entry per rule */
    public List<DroppedRows> dropped() {
        return dropped;
    }

    /**
     * A copy with sample weights (for example from reweighing).
     *
     * @param newWeights one finite weight {@code >= 0} per row, or null to remove the weights
     * @return the weighted dataset
     * @throws IllegalArgumentException on a length mismatch or a negative, NaN or infinite weight
     */
    public Dataset withWeights(double[] newWeights) {
        return toBuilder().weights(newWeights).build();
    }

    /**
     * A copy with one more protected attribute (for example an intersection, see
     * {@link ProtectedAttribute#intersection(List)}), or with an attribute of the same name replaced.
     *
     * @param attribute the attribute, one value per row
     * @return the new dataset
     * @throws IllegalArgumentException if its length is not {@link #rows()}
     */
    public Dataset withProtectedAttribute(ProtectedAttribute attribute) {
        Objects.requireNonNull(attribute, "attribute");
        Builder b = toBuilder();
        b.protectedAttributes.removeIf(p -> p.name().equals(attribute.name()));
        b.protectedAttributes.add(attribute);
        return b.build();
    }

    /**
     * A copy without some feature columns (for example {@code fnlwgt} of Adult or the COMPAS
     * {@code decile_score}). Labels, protected attributes and weights are unchanged.
     *
     * @param featureNames names of features to remove
     * @return the dataset without them
     * @throws IllegalArgumentException if a name is not a feature
     */
    public Dataset dropFeatures(String... featureNames) {
        Set<Integer> drop = new HashSet<>();
        for (String f : featureNames) {
            drop.add(featureIndex(f));
        }
        int[] keep = java.util.stream.IntStream.range(0, features.size()).filter(j -> !drop.contains(j)).toArray();
        List<Feature> kf = new ArrayList<>();
        for (int j : keep) {
            kf.add(features.get(j));
        }
        double[][] kx = new double[x.length][keep.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < keep.length; k++) {
                kx[i][k] = x[i][keep[k]];
            }
        }
        return toBuilder().features(kf, kx).build();
    }

    /**
     * The given rows, in the given order (repeats allowed, as for a bootstrap sample). Dropped-row
     * records are kept since they describe how the source was prepared.
     *
     * @param rowIndices row indices
     * @return the selected rows as a dataset with the same columns, levels and attributes
     * @throws IllegalArgumentException if an index is out of range
     */
    public Dataset select(int[] rowIndices) {
        Objects.requireNonNull(rowIndices, "rows");
        int n = rowIndices.length;
        double[][] sx = new double[n][];
        int[] sy = new int[n];
        double[] sw = weights == null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            int i = rowIndices[k];
            if (i < 0 || i >= labels.length) {
                throw new IllegalArgumentException("rows: index " + i + " at position " + k
                        + " is outside 0.." + (labels.length - 1));
            }
            sx[k] = x[i];
            sy[k] = labels[i];
            if (sw != null) {
                sw[k] = weights[i];
            }
        }
        Builder b = toBuilder();
        b.x = sx;
        b.labels = sy;
        b.weights = sw;
        b.protectedAttributes = new ArrayList<>();
        for (ProtectedAttribute p : protectedAttributes) {
            b.protectedAttributes.add(p.select(rowIndices));
        }
        return b.build();
    }

    /**
     * A seeded split stratified by label: within each label class, the rows are shuffled with a
     * {@link SplittableRandom} seeded with {@code seed} (class 0 first, then class 1, each a Fisher-Yates
     * shuffle) and the first {@code round(testFraction * n_class)} go to the test part. Both parts keep
     * the original row order. The same seed always gives the same split.
     *
     * @param testFraction the share of each class that goes to the test part, in (0, 1)
     * @param seed         the random seed
     * @return the train and test parts
     * @throws IllegalArgumentException if {@code testFraction} is not strictly between 0 and 1
     */
    public TrainTestSplit split(double testFraction, long seed) {
        int[][] parts = StratifiedSplit.indices(labels, testFraction, seed);
        return new TrainTestSplit(select(parts[0]), select(parts[1]));
    }

    /**
     * Counts and base rates: see {@link DatasetSummary}.
     *
     * @return the summary
     */
    public DatasetSummary describe() {
        return DatasetSummary.of(this, labels, weights);
    }

    /**
     * One-hot encodes the categorical features (see {@link Encoder}), fitted on this dataset.
     *
     * @return the encoded matrix with its column names and feature groups
     */
    public EncodedMatrix oneHot() {
        return Encoder.fit(this).apply(this);
    }

    /**
     * A fingerprint of the content (features, labels, protected attributes, weights), for provenance.
     *
     * @return the fingerprint
     */
    public Fingerprint fingerprint() {
        Fingerprint.Builder fb = Fingerprint.builder();
        fb.add(name);
        for (Feature f : features) {
            fb.add(f.name());
            fb.add(f.levels().toArray(String[]::new));
        }
        for (double[] row : x) {
            fb.add(row);
        }
        fb.add(labels);
        for (ProtectedAttribute p : protectedAttributes) {
            fb.add(p.name());
            fb.add(p.values());
        }
        if (weights != null) {
            fb.add(weights);
        }
        return fb.build(labels.length, features.size());
    }

    /** @return a builder holding this dataset's content */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.features = new ArrayList<>(features);
        b.x = x;
        b.labels = labels;
        b.labelName = labelName;
        b.favorableValue = favorableValue;
        b.protectedAttributes = new ArrayList<>(protectedAttributes);
        b.weights = weights;
        b.dropped = new ArrayList<>(dropped);
        return b;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", rows=" + rows() + ", features=" + features.size() + ", label=" + labelName
                + " (favorable " + favorableValue + "), protected="
                + protectedAttributes.stream().map(ProtectedAttribute::name).toList() + "]";
    }

    /**
     * Builds a {@link Dataset}; every array is copied at {@link #build()}, which validates the whole.
     */
    public static final class Builder {
        private String name;
        private List<Feature> features = new ArrayList<>();
        private double[][] x;
        private int[] labels;
        private String labelName = "label";
        private String favorableValue = "1";
        private List<ProtectedAttribute> protectedAttributes = new ArrayList<>();
        private double[] weights;
        private List<DroppedRows> dropped = new ArrayList<>();

        private Builder(String name) {
            this.name(name);
        }

        /**
         * @param datasetName the dataset name
         * @return this builder
         */
        public Builder name(String datasetName) {
            Objects.requireNonNull(datasetName, "name");
            if (datasetName.isBlank()) {
                throw new IllegalArgumentException("name: a dataset needs a non-blank name");
            }
            this.name = datasetName;
            return this;
        }

        /**
         * @param featureColumns the feature columns, in the column order of {@code x}
         * @param matrix         the row-major feature matrix
         * @return this builder
         */
        public Builder features(List<Feature> featureColumns, double[][] matrix) {
            this.features = new ArrayList<>(Objects.requireNonNull(featureColumns, "features"));
            this.x = Objects.requireNonNull(matrix, "x");
            return this;
        }

        /**
         * @param column    the label column name
         * @param favorable the source text of the favorable label
         * @param values    per row, 1 = favorable, 0 = unfavorable
         * @return this builder
         */
        public Builder labels(String column, String favorable, int[] values) {
            this.labelName = Objects.requireNonNull(column, "labelName");
            this.favorableValue = Objects.requireNonNull(favorable, "favorableValue");
            this.labels = Objects.requireNonNull(values, "labels");
            return this;
        }

        /**
         * @param attribute a protected attribute (added after the ones already given)
         * @return this builder
         */
        public Builder protectedAttribute(ProtectedAttribute attribute) {
            protectedAttributes.add(Objects.requireNonNull(attribute, "protectedAttribute"));
            return this;
        }

        /**
         * @param w one weight per row, or null for none
         * @return this builder
         */
        public Builder weights(double[] w) {
            this.weights = w;
            return this;
        }

        /**
         * @param rows rows removed by a loader rule (added after the ones already given)
         * @return this builder
         */
        public Builder dropped(DroppedRows rows) {
            dropped.add(Objects.requireNonNull(rows, "dropped"));
            return this;
        }

        /**
         * @return the dataset
         * @throws IllegalArgumentException if the parts disagree in length or hold invalid values
         *                                  (NaN feature, out-of-range level code, label not 0/1,
         *                                  negative weight); the message names the row and column
         */
        public Dataset build() {
            if (x == null || labels == null) {
                throw new IllegalArgumentException("features and labels must both be given before build()");
            }
            return new Dataset(this);
        }
    }

    static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }
}
