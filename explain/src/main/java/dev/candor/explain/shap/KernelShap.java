package dev.candor.explain.shap;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.Background;
import dev.candor.explain.ExplanationFailedException;
import dev.candor.explain.Model;
import dev.candor.explain.MultiOutputModel;
import dev.candor.explain.ProgressListener;
import dev.candor.explain.RowRandom;
import dev.candor.explain.RowRunner;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Kernel SHAP: model-agnostic Shapley values of a row's features, estimated by a weighted linear
 * regression over feature coalitions (Lundberg and Lee, "A Unified Approach to Interpreting Model
 * Predictions", NeurIPS 2017, arXiv:1705.07874). It follows shap's {@code KernelExplainer} (v0.51.0).
 *
 * <p><b>Game.</b> The value of a coalition S of players (columns, or groups of columns) is
 * {@code v(S) = g(sum_b w_b f(x_S, z_b,notS))}: the row x with the players outside S replaced by each
 * background row z_b, the model outputs averaged with the background weights w_b, then mapped by the
 * link g. The Shapley value of player i is
 * {@code phi_i = sum_{S not containing i} |S|! (M-|S|-1)! / M! (v(S u {i}) - v(S))}, and
 * {@code sum_i phi_i = v(all) - v(empty) = g(f(x)) - g(E[f])} (efficiency).
 *
 * <p><b>Estimator.</b> Players whose columns equal every background value get 0 and are left out
 * (M counts the others). When {@code 2^M - 2 <= nsamples} every coalition is enumerated and the
 * regression returns the exact Shapley values. Otherwise coalitions are chosen by the
 * {@link Builder#sampling(CoalitionSampling) sampling scheme}. The default,
 * {@link CoalitionSampling#LEVERAGE Leverage SHAP} (Musco and Witter, ICLR 2025, arXiv:2410.01917),
 * takes coalition sizes uniformly, subsets uniformly within a size, in complementary pairs and without
 * replacement, each weighted by its Shapley kernel weight over its inclusion probability; on the
 * golden German model its error against the exact values is about 0.6x that of shap's scheme at
 * every budget from 64 to 2048 (README). {@link CoalitionSampling#SHAP} follows shap: subset
 * sizes s and M - s are enumerated completely, from the outside in, while the budget allows; the rest
 * of the budget is sampled (size by Shapley kernel mass, then a uniform subset and its complement),
 * repeats adding weight instead of rows. The Shapley kernel weights
 * {@code (M - 1) / (C(M, s) s (M - s))} enter a least-squares fit whose efficiency constraint is
 * enforced exactly by eliminating one variable (see {@code ShapleyRegression}). The default budget is
 * shap's {@code 2 M + 2048} coalitions.
 *
 * <p><b>Differences from shap.</b> The default sampling scheme is Leverage SHAP (since 0.1.0; pin
 * {@code sampling(CoalitionSampling.SHAP)} to sample as shap does). A player "does not vary" only when its values are exactly equal
 * to every background value (shap uses {@code np.isclose}); final values below 1e-10 are kept rather
 * than set to 0 (so efficiency holds to rounding); samples come from a per-row
 * {@link java.util.SplittableRandom} ({@link RowRandom#forRow(long, long)}) instead of numpy's global
 * stream, so the same seed gives the same values in any order and with any number of threads; no
 * L1 feature selection is done (shap's {@code l1_reg=False}).
 *
 * <p><b>Cost.</b> Each explanation evaluates {@code coalitions * backgroundRows + 1} model rows
 * ({@link CoalitionEvaluator}, shared with {@link ExactShap}), built in one reused buffer and passed
 * to the model in batches of at most
 * {@link Builder#maxBatchRows(int)} rows. {@link #estimateCost(long)} computes the total;
 * {@link #explainAll(double[][])} logs a warning above {@link Builder#costWarningRows(long)}.
 *
 * <p>Instances are immutable and thread-safe (if the model is).
 *
 * @since 0.1.0
 */
public final class KernelShap {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42L;
    /** Default largest number of rows passed to the model in one call. */
    public static final int DEFAULT_MAX_BATCH_ROWS = 1 << 14;
    /** Default total model rows above which {@link #explainAll} logs a cost warning (10^9). */
    public static final long DEFAULT_COST_WARNING_ROWS = 1_000_000_000L;

    private static final System.Logger LOG = System.getLogger(KernelShap.class.getName());

    private final CoalitionEvaluator evaluator;
    private final KernelShapEstimator estimator;
    private final FeatureGroups groups;
    private final int outputs;
    private final long seed;
    private final Link link;
    private final CoalitionSampling sampling;
    private final RowRunner runner;
    private final ProgressListener progress;
    private final long costWarningRows;
    private final Map<String, Object> parameters;
    /** Buffers of single-row calls, kept per calling thread so that repeated explain calls reuse them. */
    private final ThreadLocal<KernelShapEstimator.Worker> local;

    private KernelShap(Builder b) {
        this.groups = b.groups == null ? FeatureGroups.singletons(b.background.width()) : b.groups;
        this.evaluator = new CoalitionEvaluator(b.model, b.background, groups, b.link, b.maxBatchRows, b.dedup);
        this.outputs = evaluator.outputs();
        this.seed = b.seed;
        this.link = b.link;
        this.runner = RowRunner.of(b.threads, b.executor);
        this.progress = b.progress;
        this.costWarningRows = b.costWarningRows;
        int p = groups.size();
        int nsamples = b.nsamples;
        // A coalition and its complement span one direction of the constrained regression, so M - 1
        // unknowns need at least 2 (M - 1) paired coalitions; ask for 2 M.
        if (nsamples != 0 && !Coalitions.exhaustive(p, nsamples) && nsamples < 2L * p) {
            throw new IllegalArgumentException("nsamples = " + nsamples + " is too small for " + p
                    + " players: need at least " + (2L * p) + " coalitions (or " + (p <= 30 ? ((1L << p) - 2)
                    : "2^" + p + " - 2") + " for exact enumeration)");
        }
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("nsamples", nsamples == 0 ? "auto (2M + 2048)" : nsamples);
        pm.put("link", link);
        pm.put("players", p);
        pm.put("columns", evaluator.width());
        pm.put("background", b.background.description());
        pm.put("backgroundFingerprint", b.background.fingerprint());
        pm.put("outputs", outputs);
        pm.put("deduplicateRows", b.dedup);
        pm.put("sampling", b.sampling);
        this.parameters = Collections.unmodifiableMap(pm);
        this.sampling = b.sampling;
        this.estimator = new KernelShapEstimator(evaluator, nsamples, seed, link, b.sampling, parameters);
        this.local = ThreadLocal.withInitial(estimator::newWorker);
    }

    /**
     * A builder for a single-output model.
     *
     * @param model      the model to explain
     * @param background the background data (its width is the model's input width)
     * @return the builder
     */
    public static Builder builder(Model model, Background background) {
        return new Builder(BatchModel.of(model), background);
    }

    /**
     * A builder for a multi-output model (for example class probabilities); every output is explained
     * from the same model calls by {@link #explainOutputs(double[], long)} and
     * {@link #explainAllOutputs(double[][])}; {@link #explain(double[])} explains output 0.
     *
     * @param model      the model to explain
     * @param background the background data
     * @return the builder
     */
    public static Builder builder(MultiOutputModel model, Background background) {
        return new Builder(BatchModel.of(model), background);
    }

    /** @return the expected model output over the background on the link scale, {@code g(E[f])} (output 0) */
    public double baseValue() {
        return evaluator.baseValue(0);
    }

    /** @return the players (columns or groups) */
    public FeatureGroups groups() {
        return groups;
    }

    /** @return the number of model outputs explained */
    public int outputs() {
        return outputs;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the link */
    public Link link() {
        return link;
    }

    /** @return how coalitions are chosen below full enumeration */
    public CoalitionSampling sampling() {
        return sampling;
    }

    /**
     * The coalition budget for M varying players: the configured nsamples, or shap's default
     * {@code 2 M + 2048}; capped at {@code 2^M - 2}, where every coalition is enumerated.
     *
     * @param m the number of varying players
     * @return the number of coalitions that will be evaluated (before de-duplication of repeats)
     */
    public long budget(int m) {
        return estimator.budget(m);
    }

    /**
     * The cost of explaining {@code rows} rows, in model evaluations.
     *
     * @param rows the number of rows to explain
     * @return the estimate
     */
    public CostEstimate estimateCost(long rows) {
        long c = budget(groups.size());
        int n = evaluator.backgroundRows();
        return new CostEstimate(rows, c, n, Math.multiplyExact(rows, c * n + 1));
    }

    /**
     * Explains one row, with the random stream of row index 0.
     *
     * @param x the row (the background's width, finite values)
     * @return its explanation (output 0 for a multi-output model)
     * @throws IllegalArgumentException if x has the wrong width or holds NaN or infinite values, or the
     *                                  model returns the wrong number of outputs or a non-finite one
     */
    public ShapExplanation explain(double[] x) {
        return explain(x, 0);
    }

    /**
     * Explains one row with the random stream of the given row index, so that the result equals row
     * {@code rowIndex} of {@link #explainAll(double[][])} on the same seed.
     *
     * @param x        the row
     * @param rowIndex its index
     * @return its explanation (output 0 for a multi-output model)
     */
    public ShapExplanation explain(double[] x, long rowIndex) {
        return explainOutputs(x, rowIndex).get(0);
    }

    /**
     * Explains every output of the model for one row, from one set of model calls.
     *
     * @param x        the row
     * @param rowIndex its index (selects the random stream)
     * @return one explanation per output
     */
    public List<ShapExplanation> explainOutputs(double[] x, long rowIndex) {
        evaluator.checkRow(x, "x", -1);
        return List.of(estimator.explain(local.get(), x, rowIndex));
    }

    /**
     * Explains many rows in parallel on a {@link RowRunner} (see {@link Builder#threads(int)} and
     * {@link Builder#executor(Executor)}). Row i uses the random stream
     * {@code RowRandom.forRow(seed, i)}, so the result does not depend on the thread count or the order
     * in which rows are processed. Logs a warning when {@link #estimateCost(long)} exceeds the cost
     * threshold.
     *
     * @param rows the rows to explain
     * @return the explanations of output 0
     * @throws IllegalArgumentException    on a row of the wrong width or with NaN or infinite values
     *                                     (naming the row and column), before any work starts
     * @throws ExplanationFailedException if the model throws or returns a bad output while explaining a
     *                                     row (naming the lowest such row; the cause is what was thrown)
     */
    public ShapExplanations explainAll(double[][] rows) {
        return explainAllOutputs(rows).get(0);
    }

    /**
     * Like {@link #explainAll(double[][])}, for every output of a multi-output model.
     *
     * @param rows the rows to explain
     * @return one batch of explanations per output
     */
    public List<ShapExplanations> explainAllOutputs(double[][] rows) {
        return explainAllOutputs(rows, progress);
    }

    /**
     * Like {@link #explainAll(double[][])}, reporting to the given listener instead of the builder's.
     *
     * @param rows     the rows to explain
     * @param progress called after each explained row (from worker threads)
     * @return the explanations of output 0
     */
    public ShapExplanations explainAll(double[][] rows, ProgressListener progress) {
        return explainAllOutputs(rows, progress).get(0);
    }

    /**
     * Like {@link #explainAllOutputs(double[][])}, reporting to the given listener.
     *
     * @param rows     the rows to explain
     * @param progress called after each explained row (from worker threads)
     * @return one batch of explanations per output
     */
    public List<ShapExplanations> explainAllOutputs(double[][] rows, ProgressListener progress) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(progress, "progress");
        for (int i = 0; i < rows.length; i++) {
            evaluator.checkRow(rows[i], "rows", i);
        }
        CostEstimate cost = estimateCost(rows.length);
        if (cost.modelRows() > costWarningRows) {
            LOG.log(Level.WARNING, "KernelSHAP will evaluate the model on {0}; this can take long. Summarise the "
                    + "background (Background.kmeans or Background.sample) or lower nsamples.", cost);
        }
        List<ShapExplanation[]> res = runner.run(rows.length, estimator::newWorker,
                (w, i) -> estimator.explain(w, rows[i], i), progress);
        return ShapExplanations.byOutput(rows, res, outputs, groups,
                Provenance.of("KernelShap", parameters, seed, Fingerprint.of(rows)));
    }

    /**
     * Options of a {@link KernelShap}. Defaults: nsamples {@code 2 M + 2048}, Leverage SHAP sampling, seed
     * {@value KernelShap#DEFAULT_SEED}, identity link, one player per column, all available
     * processors, batches of at most {@value KernelShap#DEFAULT_MAX_BATCH_ROWS} rows.
     */
    public static final class Builder {
        private final BatchModel model;
        private final Background background;
        private int nsamples;
        private long seed = DEFAULT_SEED;
        private Link link = Link.IDENTITY;
        private FeatureGroups groups;
        private int threads = RowRunner.defaultThreads();
        private Executor executor;
        private ProgressListener progress = ProgressListener.NONE;
        private int maxBatchRows = DEFAULT_MAX_BATCH_ROWS;
        private long costWarningRows = DEFAULT_COST_WARNING_ROWS;
        private boolean dedup = true;
        private CoalitionSampling sampling = CoalitionSampling.LEVERAGE;

        private Builder(BatchModel model, Background background) {
            this.model = model;
            this.background = Objects.requireNonNull(background, "background");
        }

        /**
         * @param nsamples the coalition budget per explained row (shap's {@code nsamples}); at least
         *                 2 x players (a coalition and its complement count as one equation of the
         *                 constrained regression), unless it covers all {@code 2^M - 2} coalitions
         * @return this builder
         */
        public Builder nsamples(int nsamples) {
            if (nsamples < 2) {
                throw new IllegalArgumentException("nsamples must be >= 2, got " + nsamples);
            }
            this.nsamples = nsamples;
            return this;
        }

        /** Uses shap's default budget, {@code 2 M + 2048}. @return this builder */
        public Builder autoNsamples() {
            this.nsamples = 0;
            return this;
        }

        /**
         * How coalitions are chosen when the budget is below {@code 2^M - 2} (default
         * {@link CoalitionSampling#LEVERAGE}, measured more accurate than shap's scheme at every budget
         * from 64 to 2048 on the golden German model; {@link CoalitionSampling#SHAP} follows shap's
         * {@code KernelExplainer}). With a budget that covers every coalition both are exact.
         *
         * @param sampling the scheme
         * @return this builder
         */
        public Builder sampling(CoalitionSampling sampling) {
            this.sampling = Objects.requireNonNull(sampling, "sampling");
            return this;
        }

        /** @param seed the random seed @return this builder */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param link the scale on which values add up @return this builder */
        public Builder link(Link link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /** @param groups the players (column groups), default one per column @return this builder */
        public Builder groups(FeatureGroups groups) {
            this.groups = Objects.requireNonNull(groups, "groups");
            return this;
        }

        /** @param names one name per column (one player per column) @return this builder */
        public Builder featureNames(String... names) {
            this.groups = FeatureGroups.singletons(names);
            return this;
        }

        /**
         * @param threads worker threads for {@link KernelShap#explainAll(double[][])} (at least 1); the
         *                result does not depend on it
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param executor where the helper workers of {@link KernelShap#explainAll(double[][])} run (null,
         *                 the default: a private pool per call); the calling thread is one of the
         *                 {@code threads} workers and the other {@code threads - 1} are submitted to it
         *                 (see {@link RowRunner})
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** @param progress called after each explained row @return this builder */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * @param maxBatchRows the largest number of rows passed to the model in one call (at least 1);
         *                     a coalition's background rows are never split
         * @return this builder
         */
        public Builder maxBatchRows(int maxBatchRows) {
            if (maxBatchRows < 1) {
                throw new IllegalArgumentException("maxBatchRows must be >= 1, got " + maxBatchRows);
            }
            this.maxBatchRows = maxBatchRows;
            return this;
        }

        /**
         * Whether to evaluate each distinct coalition row only once (default true). A coalition row for
         * background row b depends only on the coalition's players among those where x differs from b,
         * so on data with categorical or binary columns many coalitions give the same row (on German
         * credit, 56 % of them at M = 24, nsamples = 2048); they are evaluated once and the output is
         * reused. The values are bit-for-bit those of the plain evaluation, provided the model's output
         * for a row does not depend on the other rows of the batch (true of any ordinary model). Used
         * for up to 64 varying players.
         *
         * @param dedup true to evaluate distinct rows only
         * @return this builder
         */
        public Builder deduplicateRows(boolean dedup) {
            this.dedup = dedup;
            return this;
        }

        /** @param rows total model rows above which explainAll logs a warning @return this builder */
        public Builder costWarningRows(long rows) {
            this.costWarningRows = rows;
            return this;
        }

        /**
         * Evaluates the model on the background (the base value) and returns the explainer.
         *
         * @return the explainer
         * @throws IllegalArgumentException if the groups do not match the background width, nsamples is
         *                                  too small, or the model's background outputs are bad
         */
        public KernelShap build() {
            return new KernelShap(this);
        }
    }
}
