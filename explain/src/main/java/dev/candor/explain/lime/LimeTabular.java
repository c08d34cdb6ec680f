package dev.candor.explain.lime;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.ExplanationFailedException;
import dev.candor.explain.Model;
import dev.candor.explain.ProgressListener;
import dev.candor.explain.RowRandom;
import dev.candor.explain.RowRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * LIME for tabular data: explains one prediction of any model by a weighted linear surrogate
 * fitted on random perturbations of the row, following the reference {@code LimeTabularExplainer}
 * (M. T. Ribeiro, S. Singh, C. Guestrin, "Why Should I Trust You?": Explaining the Predictions of
 * Any Classifier, KDD 2016, doi:10.1145/2939672.2939778; {@code lime} 0.2.0.1, files
 * {@code lime_tabular.py}, {@code lime_base.py}, {@code discretize.py}).
 *
 * <h2>Algorithm (with discretization, the default)</h2>
 * <ol>
 *   <li>Each continuous feature is cut into bins learned from the training data
 *       ({@link Discretization}, quartiles by default; see {@link Discretizer}).</li>
 *   <li>{@code numSamples} rows are drawn; row 0 is the explained row x itself. For every other row
 *       and feature, a bin (or a category, for a categorical feature) is drawn from its training
 *       frequency, and the value fed to the model is a normal draw with the bin's training mean and
 *       standard deviation, truncated to the bin's bounds (a category is fed as itself).</li>
 *   <li>The interpretable representation z<sub>ij</sub> is 1 when sample i's bin or category of
 *       feature j equals x's, else 0 (row 0 is all ones). The distance of a sample to x is the
 *       Euclidean distance on z, √(number of features that differ), and its weight is the kernel
 *       π = √(exp(−d²/w²)) with width w = 0.75·√M by default.</li>
 *   <li>The model is called once on all samples. Features are selected
 *       ({@link FeatureSelection}); a weighted ridge regression (α = 1, unpenalized intercept,
 *       like scikit-learn's {@code Ridge}) of the outputs on z gives the weights, the intercept,
 *       the weighted R² and the local prediction (the surrogate at z = 1).</li>
 * </ol>
 * Without discretization ({@link Discretization#NONE}) a continuous feature is sampled as
 * N(0, 1)·σ<sub>j</sub> + μ<sub>j</sub> (or + x<sub>j</sub> with
 * {@link Builder#sampleAroundInstance(boolean)}), where μ and σ are its training mean and population
 * standard deviation (σ = 1 for a constant column, as scikit-learn's scaler does); the surrogate and
 * the distance use the standardized values (v − μ)/σ, and categorical features their indicator.
 *
 * <h2>Differences from the reference</h2>
 * <ul>
 *   <li><b>Bins without spread.</b> For a bin whose bounds coincide (for example the bottom bin
 *       "f ≤ 1" of a feature whose minimum is 1) the reference feeds the model
 *       (min − mean)/(std + 1e−11) = 0 instead of the bin's value, because it returns the
 *       standardized bound without transforming it back. Candor feeds the bin's real value (and,
 *       for a bin whose training values are all equal, exactly that value rather than a draw with
 *       standard deviation 1e−11). {@link Builder#referenceCompatibleUndiscretize(boolean)}
 *       reproduces the reference for comparisons.</li>
 *   <li>Random numbers come from per-row streams {@link RowRandom#forRow}(seed, row index), so the
 *       output depends only on the seed and the row's index, never on call order or threads; the
 *       streams differ from numpy's, so results agree with the reference in distribution.</li>
 *   <li>{@code numFeatures} defaults to all features (the reference's default is 10).</li>
 *   <li>The {@code lasso_path} selection and {@code lhs} sampling of the reference are not offered.</li>
 *   <li>The explained output is the model's single output ({@link Model} returns one value per row);
 *       to explain another class or a logit, as the reference's {@code labels} does, wrap the model
 *       (for example {@code rows -> 1 - p(rows)}).</li>
 * </ul>
 *
 * <h2>Edge cases</h2>
 * A constant training column has one bin; its indicator is 1 for every sample and its weight is
 * exactly 0. An explained value of a categorical feature that never occurs in the training data,
 * a NaN or infinite value, or a row of the wrong width is rejected with an
 * {@link IllegalArgumentException} naming the column. A model that throws, returns the wrong number
 * of outputs or a non-finite output makes {@link #explain} throw an {@link ExplanationFailedException}
 * (an {@link IllegalStateException}) naming the row, with the model's exception as the cause.
 *
 * <p>The neighbourhood is drawn by {@link Neighbourhood}, the features chosen by
 * {@link FeatureSelection} and the surrogate fitted by {@link WeightedRidge}.
 * Instances are immutable and thread-safe (if the model is); {@link #explainAll} explains rows
 * in parallel on a {@link RowRunner} with identical output for any number of threads.
 *
 * @since 0.1.0
 */
public final class LimeTabular {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 12345L;

    /** The number of samples used when none is given, as in the reference. */
    public static final int DEFAULT_NUM_SAMPLES = 5000;

    private final Model model;
    private final int m;
    private final long seed;
    private final double kernelWidth;
    private final int numFeatures;
    private final FeatureSelection selection;
    private final double ridgeAlpha;
    private final RowRunner runner;
    private final String[] names;
    private final boolean[] categorical;
    private final Map<Integer, List<String>> categoryNames;
    private final Neighbourhood neighbourhood;
    private final Fingerprint trainingFingerprint;
    private final Map<String, Object> parameters;
    private final ThreadLocal<Neighbourhood.Workspace> workspace;

    private LimeTabular(Builder b) {
        this.model = b.model;
        this.m = b.m;
        this.seed = b.seed;
        this.kernelWidth = Double.isNaN(b.kernelWidth) ? 0.75 * Math.sqrt(m) : b.kernelWidth;
        this.numFeatures = b.numFeatures <= 0 ? m : Math.min(b.numFeatures, m);
        this.selection = b.selection;
        this.ridgeAlpha = b.ridgeAlpha;
        this.runner = RowRunner.of(b.threads, b.executor);
        this.names = b.names != null ? b.names.clone() : defaultNames(m);
        this.categorical = new boolean[m];
        for (int j : b.categorical) {
            categorical[j] = true;
        }
        Map<Integer, List<String>> cn = new TreeMap<>(b.categoryNames);
        this.categoryNames = Collections.unmodifiableMap(cn);
        this.neighbourhood = new Neighbourhood(b.training, categorical, cn, names, b.discretization,
                b.labels == null ? null : b.labels.clone(), b.referenceCompatible, b.sampleAroundInstance,
                kernelWidth, b.numSamples);
        this.workspace = ThreadLocal.withInitial(neighbourhood::newWorkspace);
        this.trainingFingerprint = Fingerprint.of(b.training);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("numSamples", b.numSamples);
        p.put("discretization", b.discretization);
        p.put("kernelWidth", kernelWidth);
        p.put("numFeatures", numFeatures);
        p.put("featureSelection", selection);
        p.put("ridgeAlpha", ridgeAlpha);
        p.put("referenceCompatibleUndiscretize", b.referenceCompatible);
        if (b.discretization == Discretization.NONE) {
            p.put("sampleAroundInstance", b.sampleAroundInstance);
        }
        p.put("categoricalFeatures", Arrays.toString(b.categorical));
        this.parameters = Collections.unmodifiableMap(p);
    }

    private static String[] defaultNames(int m) {
        String[] s = new String[m];
        for (int j = 0; j < m; j++) {
            s[j] = "f" + j;
        }
        return s;
    }

    /**
     * Starts a builder.
     *
     * @param model        the model to explain
     * @param trainingData the training rows (at least one, all of the same width, finite): they give
     *                     the bins, the sampling frequencies and the scale; copied here, so later
     *                     changes to the array affect neither the builder nor the explainer
     * @return a builder with the reference's defaults
     */
    public static Builder builder(Model model, double[][] trainingData) {
        return new Builder(model, trainingData);
    }

    /**
     * Explains one row with the random stream of row index 0.
     *
     * @param x the row, of the training data's width, finite
     * @return its explanation
     * @throws IllegalArgumentException if the row is invalid (see the class description)
     * @throws IllegalStateException    if the model fails or returns invalid outputs
     */
    public LimeExplanation explain(double[] x) {
        return explain(x, 0);
    }

    /**
     * Explains one row with the random stream of a given row index, so that it equals
     * {@code explainAll(rows).get(index)} when {@code rows[index]} is x.
     *
     * @param x     the row
     * @param index the row's index (any long; selects the random stream)
     * @return its explanation
     */
    public LimeExplanation explain(double[] x, long index) {
        TrainingData.checkRow(x, m, "x");
        int[] xLevel = neighbourhood.levelsOf(x, "x");
        return RowRunner.one(index, () -> explainChecked(workspace.get(), x, xLevel, index));
    }

    /**
     * Explains many rows in parallel on {@link Builder#threads(int)} workers (see {@link RowRunner}),
     * row i with the random stream of index i: the result is the same for any number of threads.
     *
     * @param rows the rows to explain
     * @return one explanation per row, in order
     */
    public List<LimeExplanation> explainAll(double[][] rows) {
        return explainAll(rows, ProgressListener.NONE);
    }

    /**
     * Explains many rows in parallel, reporting progress after each row.
     *
     * @param rows     the rows to explain (each checked before any work starts)
     * @param listener receives (rows done, rows in all)
     * @return one explanation per row, in order
     * @throws IllegalArgumentException   if a row is invalid (the message names it), before any work
     * @throws ExplanationFailedException if the model fails on a row (the lowest such row is named)
     */
    public List<LimeExplanation> explainAll(double[][] rows, ProgressListener listener) {
        if (rows == null) {
            throw new IllegalArgumentException("rows: is null");
        }
        int[][] levels = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            TrainingData.checkRow(rows[i], m, "rows[" + i + "]");
            levels[i] = neighbourhood.levelsOf(rows[i], "rows[" + i + "]");
        }
        return runner.run(rows.length, neighbourhood::newWorkspace,
                (ws, i) -> explainChecked(ws, rows[i], levels[i], i), listener);
    }

    /**
     * Explains the same row {@code runs} times with the random streams of indices 0..runs−1 and
     * measures how much the explanation moves; top k is min(5, M).
     *
     * @param x    the row
     * @param runs number of explanations, &ge; 1
     * @return the stability summary
     */
    public LimeStability explainStability(double[] x, int runs) {
        return explainStability(x, runs, Math.min(5, m));
    }

    /**
     * Explains the same row {@code runs} times with the random streams of indices 0..runs−1 (run 0
     * equals {@link #explain(double[])}) and summarizes each feature's weight over the runs; see
     * {@link LimeStability} for the definitions.
     *
     * @param x    the row
     * @param runs number of explanations, &ge; 1
     * @param topK the k of the top-k counts, in [1, M]
     * @return the stability summary
     */
    public LimeStability explainStability(double[] x, int runs, int topK) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs: must be >= 1, got " + runs);
        }
        if (topK < 1 || topK > m) {
            throw new IllegalArgumentException("topK: must be in [1, " + m + "], got " + topK);
        }
        TrainingData.checkRow(x, m, "x");
        int[] xLevel = neighbourhood.levelsOf(x, "x");
        List<LimeExplanation> all = runner.run(runs, neighbourhood::newWorkspace,
                (ws, i) -> explainChecked(ws, x, xLevel, i), ProgressListener.NONE);
        return StabilitySummary.of(all, topK, m);
    }

    /** @return the discretizer, or null without discretization */
    public Discretizer discretizer() {
        return neighbourhood.discretizer();
    }

    /** @return the kernel width in use */
    public double kernelWidth() {
        return kernelWidth;
    }

    /** @return the number of features of the model's input */
    public int numFeatures() {
        return m;
    }

    /** @return the parameters recorded in every explanation's provenance */
    public Map<String, Object> parameters() {
        return parameters;
    }

    private LimeExplanation explainChecked(Neighbourhood.Workspace ws, double[] x, int[] xLevel, long index) {
        WeightedRidge.Moments mo = neighbourhood.draw(ws, x, xLevel, RowRandom.forRow(seed, index),
                rows -> predict(rows, index));
        int[] used = selection.select(mo, mo.shiftX, numFeatures);
        WeightedRidge.Fit fit = WeightedRidge.fit(mo, used, ridgeAlpha);
        double[] weights = new double[m];
        for (int r = 0; r < used.length; r++) {
            weights[used[r]] = fit.coef()[r];
        }
        Integer[] order = new Integer[used.length];
        for (int r = 0; r < used.length; r++) {
            order[r] = used[r];
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(weights[b]), Math.abs(weights[a])));
        int[] features = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        LimeExplanation.ScoreStatus status = Double.isNaN(fit.score())
                ? LimeExplanation.ScoreStatus.CONSTANT_MODEL_OUTPUT : LimeExplanation.ScoreStatus.DEFINED;
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("row", index);
        Provenance prov = Provenance.of("LimeTabular", p, seed, trainingFingerprint);
        return new LimeExplanation(weights, fit.intercept(), fit.score(), status, fit.atShift(), mo.shiftY, features,
                conditions(x, xLevel), prov);
    }

    private double[] predict(double[][] rows, long index) {
        double[] y = model.predict(rows); // a model exception is reported with the row by the caller
        if (y == null || y.length != rows.length) {
            throw new IllegalStateException("the model returned " + (y == null ? "null" : y.length + " outputs")
                    + " for the " + rows.length + "-row neighbourhood of row " + index + ", expected one per row");
        }
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i]) || Double.isInfinite(y[i])) {
                throw new IllegalStateException("the model returned " + y[i] + " for sample " + i
                        + (i == 0 ? " (the explained row itself)" : "") + " of the neighbourhood of row " + index
                        + ": " + Arrays.toString(rows[i]));
            }
        }
        return y;
    }

    private List<String> conditions(double[] x, int[] xLevel) {
        List<String> c = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            if (categorical[j]) {
                List<String> labels = categoryNames.get(j);
                String value = labels != null ? labels.get((int) x[j]) : formatValue(x[j]);
                c.add(names[j] + "=" + value);
            } else if (neighbourhood.discretizer() != null) {
                c.add(neighbourhood.discretizer().condition(j, xLevel[j]));
            } else {
                c.add(names[j]);
            }
        }
        return c;
    }

    private static String formatValue(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Options of {@link LimeTabular}; every option has the reference's default unless noted.
     * Not thread-safe; {@link #build()} validates everything and learns the bins.
     */
    public static final class Builder {
        private final Model model;
        private final double[][] training;
        private final int m;
        private int numSamples = DEFAULT_NUM_SAMPLES;
        private long seed = DEFAULT_SEED;
        private double kernelWidth = Double.NaN;
        private int numFeatures = -1;
        private FeatureSelection selection = FeatureSelection.AUTO;
        private Discretization discretization = Discretization.QUARTILE;
        private int[] labels;
        private boolean referenceCompatible;
        private boolean sampleAroundInstance;
        private double ridgeAlpha = 1.0;
        private int threads = RowRunner.defaultThreads();
        private Executor executor;
        private String[] names;
        private int[] categorical = new int[0];
        private final Map<Integer, List<String>> categoryNames = new HashMap<>();

        private Builder(Model model, double[][] trainingData) {
            if (model == null) {
                throw new IllegalArgumentException("model: is null");
            }
            this.model = model;
            this.m = TrainingData.checkMatrix(trainingData, "trainingData");
            // copied, so that what was checked here is what build() learns from
            this.training = new double[trainingData.length][];
            for (int i = 0; i < trainingData.length; i++) {
                this.training[i] = trainingData[i].clone();
            }
        }

        /**
         * @param numSamples size of the neighbourhood including the row itself, &ge; 2 (default 5000)
         * @return this builder
         */
        public Builder numSamples(int numSamples) {
            if (numSamples < 2) {
                throw new IllegalArgumentException("numSamples: must be >= 2, got " + numSamples);
            }
            this.numSamples = numSamples;
            return this;
        }

        /**
         * @param seed the seed of every random stream (default {@link #DEFAULT_SEED})
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param kernelWidth the kernel width w &gt; 0 (default 0.75·√M)
         * @return this builder
         */
        public Builder kernelWidth(double kernelWidth) {
            if (!(kernelWidth > 0) || Double.isInfinite(kernelWidth)) {
                throw new IllegalArgumentException("kernelWidth: must be finite and > 0, got " + kernelWidth);
            }
            this.kernelWidth = kernelWidth;
            return this;
        }

        /**
         * @param numFeatures the most features the surrogate may use, &ge; 1 (default: all M; the
         *                    reference's default is 10)
         * @return this builder
         */
        public Builder numFeatures(int numFeatures) {
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures: must be >= 1, got " + numFeatures);
            }
            this.numFeatures = numFeatures;
            return this;
        }

        /**
         * @param selection how features are selected (default {@link FeatureSelection#AUTO})
         * @return this builder
         */
        public Builder featureSelection(FeatureSelection selection) {
            this.selection = java.util.Objects.requireNonNull(selection, "selection");
            return this;
        }

        /**
         * @param discretization how continuous features are binned (default
         *                       {@link Discretization#QUARTILE})
         * @return this builder
         */
        public Builder discretization(Discretization discretization) {
            this.discretization = java.util.Objects.requireNonNull(discretization, "discretization");
            return this;
        }

        /**
         * @param labels class labels of the training rows (integers &ge; 0), needed by
         *               {@link Discretization#ENTROPY}
         * @return this builder
         */
        public Builder trainingLabels(int[] labels) {
            this.labels = labels == null ? null : labels.clone();
            return this;
        }

        /**
         * Reproduces the reference's handling of a bin whose bounds coincide (its minimum equals its
         * maximum, for example the bottom bin "f ≤ 1" of a feature whose minimum is 1): the reference
         * feeds the model (min − mean)/(std + 1e−11), which is 0 rather than the bin's value, and
         * draws every other bin with standard deviation std + 1e−11 and no clamping. Off by default:
         * Candor feeds the bin's real value. Use it only to compare with the reference.
         *
         * @param enabled whether to reproduce the reference
         * @return this builder
         */
        public Builder referenceCompatibleUndiscretize(boolean enabled) {
            this.referenceCompatible = enabled;
            return this;
        }

        /**
         * Without discretization, centre the normal samples of continuous features on the explained
         * row instead of the training mean (default false).
         *
         * @param enabled whether to sample around the instance
         * @return this builder
         */
        public Builder sampleAroundInstance(boolean enabled) {
            this.sampleAroundInstance = enabled;
            return this;
        }

        /**
         * @param alpha the surrogate's ridge penalty, &ge; 0 (default 1, as the reference); 0 gives
         *              weighted least squares
         * @return this builder
         */
        public Builder ridgeAlpha(double alpha) {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("ridgeAlpha: must be finite and >= 0, got " + alpha);
            }
            this.ridgeAlpha = alpha;
            return this;
        }

        /**
         * @param threads threads used by {@link #explainAll} and {@link #explainStability}, &ge; 1
         *                (default: available processors); results do not depend on it
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param executor where the helper workers of {@link #explainAll} and {@link #explainStability}
         *                 run (null, the default: a private pool per call; see {@link RowRunner})
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * @param names one name per feature, used in the conditions (default f0, f1, ...)
         * @return this builder
         */
        public Builder featureNames(String... names) {
            if (names.length != m) {
                throw new IllegalArgumentException("featureNames: expected " + m + " names, got " + names.length);
            }
            this.names = names.clone();
            return this;
        }

        /**
         * Declares categorical features: they are not discretized, their values are sampled from
         * their training frequencies, and their indicator is "same category as the row".
         *
         * @param features feature indices
         * @return this builder
         */
        public Builder categoricalFeatures(int... features) {
            for (int j : features) {
                if (j < 0 || j >= m) {
                    throw new IllegalArgumentException("categoricalFeatures: index " + j + " is outside 0.." + (m - 1));
                }
            }
            this.categorical = Arrays.stream(features).distinct().sorted().toArray();
            return this;
        }

        /**
         * Names the values of a categorical feature coded 0, 1, 2, ...: the condition of value k reads
         * {@code name=names[k]}, for example {@code housing=own}.
         *
         * @param feature a feature declared categorical
         * @param names   the name of each code
         * @return this builder
         */
        public Builder categoryNames(int feature, String... names) {
            if (feature < 0 || feature >= m) {
                throw new IllegalArgumentException("categoryNames: feature " + feature + " is outside 0.." + (m - 1));
            }
            this.categoryNames.put(feature, List.of(names));
            return this;
        }

        /**
         * @return the explainer
         * @throws IllegalArgumentException if an option contradicts the data (category names for a
         *                                  feature not declared categorical, a code without a name,
         *                                  entropy discretization without labels)
         */
        public LimeTabular build() {
            for (int f : categoryNames.keySet()) {
                if (Arrays.binarySearch(categorical, f) < 0) {
                    throw new IllegalArgumentException("categoryNames: feature " + f
                            + " is not declared in categoricalFeatures");
                }
            }
            return new LimeTabular(this);
        }
    }
}
