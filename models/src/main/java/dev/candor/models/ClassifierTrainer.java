package dev.candor.models;

import dev.candor.core.Provenance;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.EncodedMatrix;
import dev.candor.datasets.Encoder;
import dev.candor.datasets.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.LongStream;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.formula.Formula;

/**
 * Trains a {@link TrainedClassifier} of a {@link ClassifierKind} on a {@link Dataset}, optionally with
 * sample weights. Immutable; change settings with the {@code with...} methods.
 *
 * <h2>What each kind does with sample weights</h2>
 * <ul>
 *   <li>{@link ClassifierKind#LOGISTIC}: the weights enter the log-likelihood as they are (fractional
 *       weights such as reweighing's are used exactly); see {@link WeightedLogisticRegression}. The
 *       input is the one-hot encoding of the features (every level kept, as
 *       {@link dev.candor.datasets.Encoder}) with each numeric column standardized by the mean and
 *       population standard deviation of the training rows (unweighted, as scikit-learn's
 *       {@code StandardScaler} in a pipeline; a constant column is left unscaled), L2 penalty
 *       \(\lambda = 1\) (scikit-learn's {@code C = 1}).</li>
 *   <li>{@link ClassifierKind#RANDOM_FOREST} and {@link ClassifierKind#GRADIENT_BOOSTING}: Smile 3.1.1's
 *       {@code RandomForest} and {@code GradientTreeBoost} accept no per-row weights: their fit methods
 *       take integer class weights only, and the integer per-row counts of Smile's
 *       {@code DecisionTree} constructor are not a substitute (checked on German credit: a tree
 *       grown with counts {@code c} differs from the tree grown on the rows repeated {@code c} times). With weights they are
 *       trained on a {@link WeightedResampling weighted resample} of the training rows (as many draws as
 *       rows, seeded), which matches the weights only in expectation; the classifier's settings say
 *       {@code weights = weighted resampling}. Without weights they train on the data as it is.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * Every random choice is seeded from {@link #seed()} (default {@value #DEFAULT_SEED}): the forest's
 * per-tree seeds are {@code seed, seed + 1, ...}; gradient boosting uses no row subsampling (sampling
 * rate 1) and all features at every split, so it is deterministic; the resample is seeded with
 * {@code seed}.
 *
 * @since 0.1.0
 */
public final class ClassifierTrainer {

    /** Default seed of every random choice. */
    public static final long DEFAULT_SEED = 12345L;

    private final ClassifierKind kind;
    private final long seed;
    private final double l2;
    private final int trees;
    private final int maxDepth;
    private final int maxNodes;
    private final int nodeSize;
    private final double shrinkage;

    private ClassifierTrainer(ClassifierKind kind, long seed, double l2, int trees, int maxDepth, int maxNodes,
                              int nodeSize, double shrinkage) {
        this.kind = kind;
        this.seed = seed;
        this.l2 = l2;
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
        this.nodeSize = nodeSize;
        this.shrinkage = shrinkage;
    }

    /**
     * A trainer with the default settings of a kind: logistic {@code l2 = 1}; random forest 200 trees,
     * max depth 20, max nodes 500, node size 5; gradient boosting 200 trees of max depth 4 and at most
     * 6 leaves, node size 5, shrinkage 0.05.
     *
     * @param kind the classifier kind
     * @return the trainer
     */
    public static ClassifierTrainer of(ClassifierKind kind) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case LOGISTIC -> new ClassifierTrainer(kind, DEFAULT_SEED, WeightedLogisticRegression.DEFAULT_L2,
                    0, 0, 0, 0, 0);
            case RANDOM_FOREST -> new ClassifierTrainer(kind, DEFAULT_SEED, 0, 200, 20, 500, 5, 0);
            case GRADIENT_BOOSTING -> new ClassifierTrainer(kind, DEFAULT_SEED, 0, 200, 4, 6, 5, 0.05);
        };
    }

    /** @return the classifier kind */
    public ClassifierKind kind() {
        return kind;
    }

    /** @return the seed of every random choice */
    public long seed() {
        return seed;
    }

    /**
     * @param newSeed the seed
     * @return a copy with that seed
     */
    public ClassifierTrainer withSeed(long newSeed) {
        return new ClassifierTrainer(kind, newSeed, l2, trees, maxDepth, maxNodes, nodeSize, shrinkage);
    }

    /**
     * @param lambda the logistic L2 penalty \(\lambda \ge 0\) (ignored by the tree kinds)
     * @return a copy with that penalty
     * @throws IllegalArgumentException if lambda is negative or not finite
     */
    public ClassifierTrainer withL2(double lambda) {
        WeightedLogisticRegression.withDefaults().withL2(lambda);
        return new ClassifierTrainer(kind, seed, lambda, trees, maxDepth, maxNodes, nodeSize, shrinkage);
    }

    /**
     * @param count the number of trees of a forest or boosting run, {@code >= 1}
     * @return a copy with that many trees
     * @throws IllegalArgumentException if count is below 1
     */
    public ClassifierTrainer withTrees(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("trees must be >= 1, got " + count);
        }
        return new ClassifierTrainer(kind, seed, l2, count, maxDepth, maxNodes, nodeSize, shrinkage);
    }

    /**
     * @param depth the maximum tree depth, {@code >= 1}
     * @return a copy with that depth
     * @throws IllegalArgumentException if depth is below 1
     */
    public ClassifierTrainer withMaxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, got " + depth);
        }
        return new ClassifierTrainer(kind, seed, l2, trees, depth, maxNodes, nodeSize, shrinkage);
    }

    /** @return the settings that {@link TrainedClassifier#settings()} reports, in a stable order */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kind", kind.name());
        switch (kind) {
            case LOGISTIC -> {
                s.put("l2", String.valueOf(l2));
                s.put("standardize", "numeric columns, training mean and population sd");
            }
            case RANDOM_FOREST -> {
                s.put("trees", String.valueOf(trees));
                s.put("maxDepth", String.valueOf(maxDepth));
                s.put("maxNodes", String.valueOf(maxNodes));
                s.put("nodeSize", String.valueOf(nodeSize));
                s.put("seed", String.valueOf(seed));
            }
            case GRADIENT_BOOSTING -> {
                s.put("trees", String.valueOf(trees));
                s.put("maxDepth", String.valueOf(maxDepth));
                s.put("maxNodes", String.valueOf(maxNodes));
                s.put("nodeSize", String.valueOf(nodeSize));
                s.put("shrinkage", String.valueOf(shrinkage));
                s.put("samplingRate", "1.0");
            }
        }
        return s;
    }

    /**
     * Trains on a dataset with its own weights ({@link Dataset#weights()}, unit weights when it has none).
     *
     * @param train the training data
     * @return the trained classifier
     * @throws IllegalArgumentException if the data has a single label value or cannot be encoded
     * @throws IllegalStateException    if the logistic fit does not converge
     */
    public TrainedClassifier train(Dataset train) {
        return train(train, train.weights());
    }

    /**
     * Trains on a dataset with the given sample weights (replacing any the dataset has).
     *
     * @param train   the training data
     * @param weights one finite weight {@code >= 0} per row, or null for unit weights
     * @return the trained classifier
     * @throws IllegalArgumentException on a length mismatch, a bad weight, a single label value or data
     *                                  that cannot be encoded
     * @throws IllegalStateException    if the logistic fit does not converge
     */
    public TrainedClassifier train(Dataset train, double[] weights) {
        Objects.requireNonNull(train, "train");
        if (weights != null && weights.length != train.rows()) {
            throw new IllegalArgumentException("weights has " + weights.length + " rows but the training data '"
                    + train.name() + "' has " + train.rows());
        }
        int[] y = train.labels();
        boolean hasPos = false;
        boolean hasNeg = false;
        for (int v : y) {
            hasPos |= v == 1;
            hasNeg |= v == 0;
        }
        if (!hasPos || !hasNeg) {
            throw new IllegalArgumentException("train: the training data '" + train.name()
                    + "' has only one label value (" + (hasPos ? 1 : 0) + "); a classifier needs both");
        }
        Encoder encoder = Encoder.fit(train);
        Map<String, String> settings = settings();
        settings.put("weights", weights == null ? "none"
                : kind == ClassifierKind.LOGISTIC ? "sample weights" : "weighted resampling (seed " + seed + ")");
        Map<String, Object> params = new LinkedHashMap<>(settings);
        Provenance provenance = Provenance.of("ClassifierTrainer/" + kind.name(), params,
                kind == ClassifierKind.LOGISTIC ? null : seed, train.fingerprint());
        EncodedMatrix enc = encoder.apply(train);
        return switch (kind) {
            case LOGISTIC -> trainLogistic(train, weights, encoder, enc, settings, provenance);
            case RANDOM_FOREST, GRADIENT_BOOSTING -> trainSmile(train, weights, encoder, enc, settings, provenance);
        };
    }

    private TrainedClassifier trainLogistic(Dataset train, double[] weights, Encoder encoder, EncodedMatrix enc,
                                            Map<String, String> settings, Provenance provenance) {
        double[][] x = enc.x();
        int cols = enc.columns();
        double[] center = new double[cols];
        double[] scale = new double[cols];
        java.util.Arrays.fill(scale, 1.0);
        List<Feature> features = encoder.features();
        int n = x.length;
        for (int f = 0; f < features.size(); f++) {
            if (features.get(f).isCategorical()) {
                continue;
            }
            int j = enc.featureColumns()[f][0];
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double ss = 0;
            for (double[] row : x) {
                double d = row[j] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / n);
            center[j] = mean;
            scale[j] = sd > 0 ? sd : 1.0;
        }
        Standardizer standardizer = new Standardizer(center, scale);
        LogisticModel model = WeightedLogisticRegression.withDefaults().withL2(l2)
                .fit(standardizer.apply(x), train.labels(), weights);
        String name = kind.label() + " (L2 " + l2 + (weights == null ? "" : ", weighted") + ")";
        return new TrainedClassifier(name, kind, settings, provenance, encoder, enc.featureColumns(),
                rows -> model.probabilities(standardizer.apply(rows)), model);
    }

    private TrainedClassifier trainSmile(Dataset train, double[] weights, Encoder encoder, EncodedMatrix enc,
                                         Map<String, String> settings, Provenance provenance) {
        Dataset data = weights == null ? train : train.select(WeightedResampling.draw(weights, train.rows(), seed));
        Formula formula = Formula.lhs(train.labelName());
        smile.data.DataFrame df = SmileBridge.toDataFrame(data);
        DataFrameClassifier model;
        if (kind == ClassifierKind.RANDOM_FOREST) {
            int mtry = Math.max(1, (int) Math.floor(Math.sqrt(train.features().size())));
            settings.put("mtry", String.valueOf(mtry));
            model = RandomForest.fit(formula, df, trees, mtry, smile.base.cart.SplitRule.GINI, maxDepth, maxNodes,
                    nodeSize, 1.0, null, LongStream.range(seed, seed + trees));
        } else {
            Properties p = new Properties();
            p.setProperty("smile.gradient_boost.trees", String.valueOf(trees));
            p.setProperty("smile.gradient_boost.max_depth", String.valueOf(maxDepth));
            p.setProperty("smile.gradient_boost.max_nodes", String.valueOf(maxNodes));
            p.setProperty("smile.gradient_boost.node_size", String.valueOf(nodeSize));
            p.setProperty("smile.gradient_boost.shrinkage", String.valueOf(shrinkage));
            p.setProperty("smile.gradient_boost.sampling_rate", "1.0");
            model = GradientTreeBoost.fit(formula, df, p);
        }
        String name = kind.label() + " (" + trees + " trees" + (weights == null ? "" : ", weighted resampling")
                + ")";
        SmilePredictor predictor = new SmilePredictor(model, train, encoder, enc.featureColumns());
        return new TrainedClassifier(name, kind, settings, provenance, encoder, enc.featureColumns(), predictor,
                null);
    }

    @Override
    public String toString() {
        return "ClassifierTrainer" + settings();
    }
}
