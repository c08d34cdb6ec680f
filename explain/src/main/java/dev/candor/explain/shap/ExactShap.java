package dev.candor.explain.shap;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.Background;
import dev.candor.explain.ExplanationFailedException;
import dev.candor.explain.Model;
import dev.candor.explain.MultiOutputModel;
import dev.candor.explain.ProgressListener;
import dev.candor.explain.RowRunner;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Exact interventional Shapley values by brute force over all 2^M coalitions (Shapley 1953,
 * doi:10.1515/9781400881970-018), the reference that {@link KernelShap} converges to.
 *
 * <p>With players (columns or {@link FeatureGroups}), background rows z_b with weights w_b and link g:
 * {@code v(S) = g(sum_b w_b f(x_S, z_b,notS))} and
 * {@code phi_i = sum_{S not containing i} |S|! (M - |S| - 1)! / M! (v(S u {i}) - v(S))}.
 * Players whose columns equal every background value are dummies (v does not change when they join)
 * and get exactly 0; they are left out of the enumeration, which does not change the other values.
 * The coalitions are evaluated by the same {@link CoalitionEvaluator} as KernelSHAP's, so a
 * {@link MultiOutputModel} has every output explained from one set of model calls.
 *
 * <p>Cost: {@code 2^M * backgroundRows} model rows (fewer distinct ones with
 * {@link Builder#deduplicateRows(boolean)}), in batches of at most {@code maxBatchRows}; memory
 * {@code 2^M * outputs} doubles. M (varying players) is limited to {@link Builder#maxPlayers(int)},
 * default {@value #DEFAULT_MAX_PLAYERS}, at most {@value #MAX_PLAYERS}; above it {@code explain} throws.
 *
 * <p>Instances are immutable and thread-safe (if the model is).
 *
 * @since 0.1.0
 */
public final class ExactShap {

    /** Default limit on varying players (2^20 coalitions). */
    public static final int DEFAULT_MAX_PLAYERS = 20;
    /** Hard limit on varying players (2^26 coalitions, 512 MiB of coalition values). */
    public static final int MAX_PLAYERS = 26;

    /** Coalitions whose masks are built and evaluated at once (bounds the mask and index buffers). */
    private static final int CHUNK = 1 << 14;

    private final CoalitionEvaluator evaluator;
    private final FeatureGroups groups;
    private final int outputs;
    private final Link link;
    private final int maxPlayers;
    private final RowRunner runner;
    private final ProgressListener progress;
    private final Map<String, Object> parameters;

    private ExactShap(Builder b) {
        this.groups = b.groups == null ? FeatureGroups.singletons(b.background.width()) : b.groups;
        this.evaluator = new CoalitionEvaluator(b.model, b.background, groups, b.link, b.maxBatchRows, b.dedup);
        this.outputs = evaluator.outputs();
        this.link = b.link;
        this.maxPlayers = b.maxPlayers;
        this.runner = RowRunner.of(b.threads, b.executor);
        this.progress = b.progress;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("link", link);
        p.put("players", groups.size());
        p.put("backgroundRows", evaluator.backgroundRows());
        p.put("backgroundFingerprint", b.background.fingerprint());
        if (outputs > 1) {
            p.put("outputs", outputs);
        }
        this.parameters = Collections.unmodifiableMap(p);
    }

    /**
     * @param model      the model
     * @param background the background data
     * @return a builder
     */
    public static Builder builder(Model model, Background background) {
        return new Builder(BatchModel.of(model), background);
    }

    /**
     * A builder for a multi-output model: {@link #explainOutputs(double[])} explains every output
     * from one set of model calls, {@link #explain(double[])} output 0.
     *
     * @param model      the model
     * @param background the background data
     * @return a builder
     */
    public static Builder builder(MultiOutputModel model, Background background) {
        return new Builder(BatchModel.of(model), background);
    }

    /** @return the number of model outputs explained */
    public int outputs() {
        return outputs;
    }

    /**
     * @param x the row to explain
     * @return its exact Shapley values ({@code exact()} is true), of output 0
     * @throws IllegalArgumentException if x has the wrong width or non-finite values, more players vary
     *                                  than the limit, or the model returns bad outputs
     */
    public ShapExplanation explain(double[] x) {
        return explainOutputs(x).get(0);
    }

    /**
     * @param x the row to explain
     * @return its exact Shapley values, one explanation per model output
     * @throws IllegalArgumentException as {@link #explain(double[])}
     */
    public List<ShapExplanation> explainOutputs(double[] x) {
        evaluator.checkRow(x, "x", -1);
        return List.of(explainRow(evaluator.buffers(), x));
    }

    /**
     * Explains many rows in parallel on a {@link RowRunner} ({@link Builder#threads(int)},
     * {@link Builder#executor(Executor)}); the values do not depend on either.
     *
     * @param rows the rows
     * @return the explanations of output 0
     * @throws IllegalArgumentException    on a bad row (naming it), before any work starts
     * @throws ExplanationFailedException if explaining a row fails (naming the lowest such row)
     */
    public ShapExplanations explainAll(double[][] rows) {
        return explainAllOutputs(rows, progress).get(0);
    }

    /**
     * Like {@link #explainAll(double[][])}, for every output, reporting to the given listener.
     *
     * @param rows     the rows
     * @param progress called after each explained row (from worker threads)
     * @return one batch of explanations per output
     */
    public List<ShapExplanations> explainAllOutputs(double[][] rows, ProgressListener progress) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(progress, "progress");
        for (int i = 0; i < rows.length; i++) {
            evaluator.checkRow(rows[i], "rows", i);
        }
        List<ShapExplanation[]> res = runner.run(rows.length, evaluator::buffers,
                (buf, i) -> explainRow(buf, rows[i]), progress);
        return ShapExplanations.byOutput(rows, res, outputs, groups,
                Provenance.of("ExactShap", parameters, null, Fingerprint.of(rows)));
    }

    private ShapExplanation[] explainRow(CoalitionEvaluator.Buffers buf, double[] x) {
        int players = groups.size();
        int[] varying = new int[players];
        int m = evaluator.varyingPlayers(x, varying);
        if (m > maxPlayers) {
            throw new IllegalArgumentException(m + " players vary, above the exact enumeration limit of " + maxPlayers
                    + " (2^" + m + " coalitions); use KernelShap, or raise maxPlayers up to " + MAX_PLAYERS);
        }
        int total = 1 << m;
        double[] v = new double[total * outputs]; // v[s * outputs + k]: coalition s, bit j = varying[j]
        int chunk = Math.min(total, CHUNK);
        byte[] masks = new byte[chunk * m];
        double[] fx = null;
        for (int start = 0; start < total; start += chunk) {
            int count = Math.min(chunk, total - start);
            for (int c = 0; c < count; c++) {
                int s = start + c;
                for (int j = 0; j < m; j++) {
                    masks[c * m + j] = (byte) (s >>> j & 1);
                }
            }
            // with no varying player the only coalition is empty: evaluate x beside it for the prediction
            fx = evaluator.evaluate(buf, x, varying, m, masks, count, v, start, m == 0, start);
        }
        // weight of a coalition of size s for a player outside it: s! (m - s - 1)! / m!
        double[] w = new double[Math.max(m, 1)];
        for (int s = 0; s < m; s++) {
            w[s] = 1.0 / (m * Coalitions.binomial(m - 1, s));
        }
        ShapExplanation[] res = new ShapExplanation[outputs];
        for (int k = 0; k < outputs; k++) {
            double[] phiVarying = new double[m];
            for (int s = 0; s < total; s++) {
                int size = Integer.bitCount(s);
                if (size == m) {
                    continue;
                }
                double ws = w[size];
                double vs = v[s * outputs + k];
                for (int j = 0; j < m; j++) {
                    if ((s >>> j & 1) == 0) {
                        phiVarying[j] += ws * (v[(s | (1 << j)) * outputs + k] - vs);
                    }
                }
            }
            double[] phi = new double[players];
            for (int j = 0; j < m; j++) {
                phi[varying[j]] = phiVarying[j];
            }
            double pred = m == 0 ? link.apply(fx[k]) : v[(total - 1) * outputs + k];
            Map<String, Object> p = new LinkedHashMap<>(parameters);
            p.put("varyingPlayers", m);
            if (outputs > 1) {
                p.put("output", k);
            }
            res[k] = new ShapExplanation(v[k], phi, pred, link, total, true,
                    Provenance.of("ExactShap", p, null, Fingerprint.of(new double[][] {x})));
        }
        return res;
    }

    /**
     * Options of an {@link ExactShap}. Defaults: one player per column, identity link,
     * {@value #DEFAULT_MAX_PLAYERS} players at most, batches of {@value KernelShap#DEFAULT_MAX_BATCH_ROWS}
     * rows, distinct rows evaluated once, one worker per available processor.
     */
    public static final class Builder {
        private final BatchModel model;
        private final Background background;
        private FeatureGroups groups;
        private Link link = Link.IDENTITY;
        private int maxPlayers = DEFAULT_MAX_PLAYERS;
        private int maxBatchRows = KernelShap.DEFAULT_MAX_BATCH_ROWS;
        private boolean dedup = true;
        private int threads = RowRunner.defaultThreads();
        private Executor executor;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder(BatchModel model, Background background) {
            this.model = model;
            this.background = Objects.requireNonNull(background, "background");
        }

        /** @param groups the players @return this builder */
        public Builder groups(FeatureGroups groups) {
            this.groups = Objects.requireNonNull(groups, "groups");
            return this;
        }

        /** @param link the link scale @return this builder */
        public Builder link(Link link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * @param maxPlayers the largest number of varying players to enumerate, 1 to {@value #MAX_PLAYERS}
         * @return this builder
         */
        public Builder maxPlayers(int maxPlayers) {
            if (maxPlayers < 1 || maxPlayers > MAX_PLAYERS) {
                throw new IllegalArgumentException("maxPlayers must be in [1, " + MAX_PLAYERS + "], got " + maxPlayers);
            }
            this.maxPlayers = maxPlayers;
            return this;
        }

        /** @param maxBatchRows largest model batch (at least 1) @return this builder */
        public Builder maxBatchRows(int maxBatchRows) {
            if (maxBatchRows < 1) {
                throw new IllegalArgumentException("maxBatchRows must be >= 1, got " + maxBatchRows);
            }
            this.maxBatchRows = maxBatchRows;
            return this;
        }

        /**
         * @param dedup evaluate each distinct coalition row once (default true; bit-for-bit the same
         *              values, see {@link KernelShap.Builder#deduplicateRows(boolean)})
         * @return this builder
         */
        public Builder deduplicateRows(boolean dedup) {
            this.dedup = dedup;
            return this;
        }

        /** @param threads workers of {@link ExactShap#explainAll(double[][])}, at least 1 @return this builder */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** @param executor where helper workers run (null: a private pool per call) @return this builder */
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
         * Evaluates the model on the background and returns the explainer.
         *
         * @return the explainer
         * @throws IllegalArgumentException if the groups do not match the background or the model's
         *                                  background outputs are bad
         */
        public ExactShap build() {
            return new ExactShap(this);
        }
    }
}
