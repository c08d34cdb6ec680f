package dev.candor.explain.lime;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.Model;
import dev.candor.explain.ProgressListener;
import dev.candor.explain.RowRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * of outputs or a non-finite output makes {@link #explain} throw an {@link IllegalStateException}
 * naming the row and the sample.
 *
 * <p>Instances are immutable and thread-safe (if the model is); {@link #explainAll} explains rows
 * in parallel with identical output for any number of threads.
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
    private final int numSamples;
    private final long seed;
    private final double kernelWidth;
    private final int numFeatures;
    private final FeatureSelection selection;
    private final Discretization discretization;
    private final boolean referenceCompatible;
    private final boolean sampleAroundInstance;
    private final double ridgeAlpha;
    private final int threads;
    private final String[] names;
    private final boolean[] categorical;
    private final Map<Integer, List<String>> categoryNames;
    private final Discretizer discretizer;           // null without discretization
    private final LevelSampler[] samplers;           // null for a continuous feature without discretization
    private final LevelSampler.Table levelTable;     // all samplers flattened, with discretization
    private final double[][] categoryValues;         // sorted distinct values of categorical features
    private final double[] mean;                     // without discretization: training mean
    private final double[] scale;                    // without discretization: training std (1 if 0)
    private final double[] kernelByDiffs;            // kernel weight by number of differing features
    private final Fingerprint trainingFingerprint;
    private final Map<String, Object> parameters;
    private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(this::newWorkspace);

    /** Per-thread buffers reused across explanations (the model must not keep the rows it is given). */
    private static final class Workspace {
        final double[][] rows;
        final int[] diff;
        final int[] start;
        private final int n;
        private final int m;
        private double[] shifted;
        private double[] dist;

        Workspace(int n, int m) {
            this.n = n;
            this.m = m;
            this.rows = new double[n][m];
            this.diff = new int[(n - 1) * m + 1];
            this.start = new int[n + 1];
        }

        double[] shifted() {
            if (shifted == null) {
                shifted = new double[n * m];
            }
            return shifted;
        }

        double[] dist() {
            if (dist == null) {
                dist = new double[n];
            }
            return dist;
        }
    }

    private Workspace newWorkspace() {
        return new Workspace(numSamples, m);
    }

    private LimeTabular(Builder b) {
        this.model = b.model;
        this.m = b.m;
        this.numSamples = b.numSamples;
        this.seed = b.seed;
        this.kernelWidth = Double.isNaN(b.kernelWidth) ? 0.75 * Math.sqrt(m) : b.kernelWidth;
        this.numFeatures = b.numFeatures <= 0 ? m : Math.min(b.numFeatures, m);
        this.selection = b.selection;
        this.discretization = b.discretization;
        this.referenceCompatible = b.referenceCompatible;
        this.sampleAroundInstance = b.sampleAroundInstance;
        this.ridgeAlpha = b.ridgeAlpha;
        this.threads = b.threads;
        this.names = b.names != null ? b.names.clone() : defaultNames(m);
        this.categorical = new boolean[m];
        for (int j : b.categorical) {
            categorical[j] = true;
        }
        Map<Integer, List<String>> cn = new TreeMap<>(b.categoryNames);
        this.categoryNames = Collections.unmodifiableMap(cn);
        double[][] data = b.training;
        int n = data.length;
        this.categoryValues = new double[m][];
        this.samplers = new LevelSampler[m];
        for (int j = 0; j < m; j++) {
            if (!categorical[j]) {
                continue;
            }
            TreeMap<Double, long[]> counts = new TreeMap<>();
            for (double[] row : data) {
                counts.computeIfAbsent(row[j], k -> new long[1])[0]++;
            }
            double[] values = new double[counts.size()];
            long[] c = new long[counts.size()];
            int t = 0;
            for (Map.Entry<Double, long[]> e : counts.entrySet()) {
                values[t] = e.getKey();
                c[t++] = e.getValue()[0];
            }
            categoryValues[j] = values;
            samplers[j] = LevelSampler.categorical(c, values);
            List<String> labels = cn.get(j);
            if (labels != null) {
                for (int i = 0; i < n; i++) {
                    double v = data[i][j];
                    if (v != Math.rint(v) || v < 0 || v >= labels.size()) {
                        throw new IllegalArgumentException("trainingData: row " + i + ", column " + j + " ("
                                + names[j] + ") is " + v + ", which has no category name (names given for codes 0.."
                                + (labels.size() - 1) + ")");
                    }
                }
            }
        }
        if (discretization != Discretization.NONE) {
            this.discretizer = Discretizer.fit(discretization, data, categorical, b.labels, names);
            for (int j = 0; j < m; j++) {
                if (!categorical[j]) {
                    samplers[j] = LevelSampler.bins(discretizer.bins(j), referenceCompatible);
                }
            }
            this.levelTable = new LevelSampler.Table(samplers);
            this.mean = null;
            this.scale = null;
        } else {
            this.discretizer = null;
            this.levelTable = null;
            this.mean = new double[m];
            this.scale = new double[m];
            for (int j = 0; j < m; j++) {
                if (categorical[j]) {
                    scale[j] = 1;
                    continue;
                }
                double s = 0;
                for (double[] row : data) {
                    s += row[j];
                }
                double mu = s / n;
                double ss = 0;
                for (double[] row : data) {
                    double d = row[j] - mu;
                    ss += d * d;
                }
                double sd = Math.sqrt(ss / n);
                mean[j] = mu;
                scale[j] = sd == 0 ? 1 : sd;
            }
        }
        this.kernelByDiffs = new double[m + 1];
        for (int d = 0; d <= m; d++) {
            kernelByDiffs[d] = kernel(Math.sqrt(d));
        }
        this.trainingFingerprint = Fingerprint.of(data);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("numSamples", numSamples);
        p.put("discretization", discretization);
        p.put("kernelWidth", kernelWidth);
        p.put("numFeatures", numFeatures);
        p.put("featureSelection", selection);
        p.put("ridgeAlpha", ridgeAlpha);
        p.put("referenceCompatibleUndiscretize", referenceCompatible);
        if (discretization == Discretization.NONE) {
            p.put("sampleAroundInstance", sampleAroundInstance);
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

    private double kernel(double d) {
        return Math.sqrt(Math.exp(-(d * d) / (kernelWidth * kernelWidth)));
    }

    /**
     * Starts a builder.
     *
     * @param model        the model to explain
     * @param trainingData the training rows (at least one, all of the same width, finite): they give
     *                     the bins, the sampling frequencies and the scale; not copied after
     *                     {@link Builder#build()} returns
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
        int[] xLevel = levelsOf(x, "x");
        return explainChecked(x, xLevel, index);
    }

    /**
     * Explains many rows in parallel on {@link Builder#threads(int)} threads, row i with the random
     * stream of index i: the result is the same for any number of threads.
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
     * @throws IllegalArgumentException if a row is invalid (the message names it)
     * @throws IllegalStateException    if the model fails
     */
    public List<LimeExplanation> explainAll(double[][] rows, ProgressListener listener) {
        if (rows == null) {
            throw new IllegalArgumentException("rows: is null");
        }
        int[][] levels = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            TrainingData.checkRow(rows[i], m, "rows[" + i + "]");
            levels[i] = levelsOf(rows[i], "rows[" + i + "]");
        }
        return run(rows.length, i -> explainChecked(rows[i], levels[i], i), listener);
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
        int[] xLevel = levelsOf(x, "x");
        List<LimeExplanation> all = run(runs, i -> explainChecked(x, xLevel, i), ProgressListener.NONE);
        return StabilitySummary.of(all, topK, m);
    }

    /** @return the discretizer, or null without discretization */
    public Discretizer discretizer() {
        return discretizer;
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

    private interface RowTask {
        LimeExplanation explain(int i);
    }

    private List<LimeExplanation> run(int n, RowTask task, ProgressListener listener) {
        LimeExplanation[] out = new LimeExplanation[n];
        int t = Math.min(threads, n);
        AtomicLong done = new AtomicLong();
        if (t <= 1) {
            for (int i = 0; i < n; i++) {
                out[i] = task.explain(i);
                listener.progress(done.incrementAndGet(), n);
            }
            return List.of(out);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "candor-lime");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < t; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        out[i] = task.explain(i);
                        listener.progress(done.incrementAndGet(), n);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(n);
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error er) {
                        throw er;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while explaining rows", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    /** The level (bin or category index) of each feature of x; -1 for continuous features without bins. */
    private int[] levelsOf(double[] x, String name) {
        int[] lv = new int[m];
        for (int j = 0; j < m; j++) {
            if (categorical[j]) {
                int k = Arrays.binarySearch(categoryValues[j], x[j]);
                if (k < 0) {
                    throw new IllegalArgumentException(name + ": column " + j + " (" + names[j] + ") is " + x[j]
                            + ", a category never seen in the training data (seen: "
                            + Arrays.toString(categoryValues[j]) + "); LIME samples categories from their training "
                            + "frequencies and cannot explain an unseen one");
                }
                lv[j] = k;
            } else if (discretizer != null) {
                lv[j] = discretizer.bin(j, x[j]);
            } else {
                lv[j] = -1;
            }
        }
        return lv;
    }

    private LimeExplanation explainChecked(double[] x, int[] xLevel, long index) {
        SplittableRandom rng = RowRandom.forRow(seed, index);
        int n = numSamples;
        Workspace ws = workspace.get();
        double[][] rows = ws.rows;
        System.arraycopy(x, 0, rows[0], 0, m);
        double[] shiftX = new double[m];
        WeightedRidge.Moments mo;
        double[] y;
        if (discretizer != null) {
            Arrays.fill(shiftX, 1.0);
            LevelSampler.Table table = levelTable;
            int[] diff = ws.diff;
            int[] start = ws.start;
            sampleBins(table, rows, xLevel, diff, start, rng);
            y = predict(rows, index);
            mo = new WeightedRidge.Moments(shiftX, y[0]);
            mo.addBinaryRows(diff, start, n, y, kernelByDiffs);
        } else {
            for (int j = 0; j < m; j++) {
                shiftX[j] = categorical[j] ? 1.0 : (x[j] - mean[j]) / scale[j];
            }
            double[] shifted = ws.shifted();
            double[] dist = ws.dist();
            for (int i = 1; i < n; i++) {
                double[] r = rows[i];
                double d2 = 0;
                int base = i * m;
                for (int j = 0; j < m; j++) {
                    double z;
                    if (categorical[j]) {
                        LevelSampler s = samplers[j];
                        int pos = s.draw(rng);
                        r[j] = s.value(pos, rng);
                        z = s.level(pos) == xLevel[j] ? 0.0 : -1.0;
                    } else {
                        double v = rng.nextGaussian() * scale[j] + (sampleAroundInstance ? x[j] : mean[j]);
                        r[j] = v;
                        z = (v - mean[j]) / scale[j] - shiftX[j];
                    }
                    shifted[base + j] = z;
                    d2 += z * z;
                }
                dist[i] = Math.sqrt(d2);
            }
            y = predict(rows, index);
            mo = new WeightedRidge.Moments(shiftX, y[0]);
            double[] d = new double[m];
            for (int i = 0; i < n; i++) {
                System.arraycopy(shifted, i * m, d, 0, m);
                mo.addDense(d, y[i], kernel(dist[i]));
            }
        }
        mo.symmetrize();
        int[] used = select(mo, shiftX);
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
        return new LimeExplanation(weights, fit.intercept(), fit.score(), status, fit.atShift(), y[0], features,
                conditions(x, xLevel), prov);
    }

    /**
     * Fills rows 1..n−1 with values drawn bin by bin and lists, for each row, the features whose bin
     * differs from x's ({@code diff[start[i]..start[i+1])}, ascending). Kept small and separate so the
     * compiler optimizes the hot loop on its own.
     */
    private void sampleBins(LevelSampler.Table table, double[][] rows, int[] xLevel, int[] diff, int[] start,
                            SplittableRandom rng) {
        int cursor = 0;
        int[] level = table.level;
        for (int i = 1; i < rows.length; i++) {
            double[] r = rows[i];
            for (int j = 0; j < m; j++) {
                int pos = table.draw(j, rng);
                r[j] = table.value(pos, rng);
                diff[cursor] = j; // kept only when the level differs: branch-free on a random outcome
                cursor += level[pos] != xLevel[j] ? 1 : 0;
            }
            start[i + 1] = cursor;
        }
    }

    private double[] predict(double[][] rows, long index) {
        double[] y;
        try {
            y = model.predict(rows);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the model failed on the " + rows.length
                    + "-row neighbourhood of row " + index + ": " + e, e);
        }
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

    private int[] select(WeightedRidge.Moments mo, double[] shiftX) {
        int k = numFeatures;
        FeatureSelection s = selection;
        if (s == FeatureSelection.AUTO) {
            s = k <= 6 ? FeatureSelection.FORWARD_SELECTION : FeatureSelection.HIGHEST_WEIGHTS;
        }
        int[] all = new int[m];
        for (int j = 0; j < m; j++) {
            all[j] = j;
        }
        switch (s) {
            case NONE:
                return all;
            case HIGHEST_WEIGHTS: {
                if (k >= m) {
                    return all;
                }
                WeightedRidge.Fit f = WeightedRidge.fit(mo, all, 0.01);
                Integer[] order = new Integer[m];
                double[] key = new double[m];
                for (int j = 0; j < m; j++) {
                    order[j] = j;
                    key[j] = Math.abs(f.coef()[j] * shiftX[j]);
                }
                Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
                int[] out = new int[k];
                for (int r = 0; r < k; r++) {
                    out[r] = order[r];
                }
                return out;
            }
            default: {
                int[] used = new int[0];
                boolean[] taken = new boolean[m];
                for (int step = 0; step < k; step++) {
                    double best = -1e8;
                    int bestFeature = -1;
                    for (int j = 0; j < m; j++) {
                        if (taken[j]) {
                            continue;
                        }
                        int[] trial = Arrays.copyOf(used, used.length + 1);
                        trial[used.length] = j;
                        double score = WeightedRidge.fit(mo, trial, 0).score();
                        if (bestFeature < 0 || score > best) {
                            if (bestFeature < 0 || !Double.isNaN(score)) {
                                best = Double.isNaN(score) ? best : score;
                                bestFeature = j;
                            }
                        }
                    }
                    taken[bestFeature] = true;
                    used = Arrays.copyOf(used, used.length + 1);
                    used[used.length - 1] = bestFeature;
                }
                return used;
            }
        }
    }

    private List<String> conditions(double[] x, int[] xLevel) {
        List<String> c = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            if (categorical[j]) {
                List<String> labels = categoryNames.get(j);
                String value = labels != null ? labels.get((int) x[j]) : formatValue(x[j]);
                c.add(names[j] + "=" + value);
            } else if (discretizer != null) {
                c.add(discretizer.condition(j, xLevel[j]));
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
        private int threads = Runtime.getRuntime().availableProcessors();
        private String[] names;
        private int[] categorical = new int[0];
        private final Map<Integer, List<String>> categoryNames = new HashMap<>();

        private Builder(Model model, double[][] trainingData) {
            if (model == null) {
                throw new IllegalArgumentException("model: is null");
            }
            this.model = model;
            this.m = TrainingData.checkMatrix(trainingData, "trainingData");
            this.training = trainingData;
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
