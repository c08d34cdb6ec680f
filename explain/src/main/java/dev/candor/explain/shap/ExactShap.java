package dev.candor.explain.shap;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.Background;
import dev.candor.explain.Model;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Exact interventional Shapley values by brute force over all 2^M coalitions (Shapley 1953,
 * doi:10.1515/9781400881970-018), the reference that {@link KernelShap} converges to.
 *
 * <p>With players (columns or {@link FeatureGroups}), background rows z_b with weights w_b and link g:
 * {@code v(S) = g(sum_b w_b f(x_S, z_b,notS))} and
 * {@code phi_i = sum_{S not containing i} |S|! (M - |S| - 1)! / M! (v(S u {i}) - v(S))}.
 * Players whose columns equal every background value are dummies (v does not change when they join)
 * and get exactly 0; they are left out of the enumeration, which does not change the other values.
 *
 * <p>Cost: {@code 2^M * backgroundRows} model rows, in batches of at most {@code maxBatchRows}; memory
 * {@code 2^M} doubles. M (varying players) is limited to {@link Builder#maxPlayers(int)}, default
 * {@value #DEFAULT_MAX_PLAYERS}, at most {@value #MAX_PLAYERS}; above it {@code explain} throws.
 *
 * @since 0.1.0
 */
public final class ExactShap {

    /** Default limit on varying players (2^20 coalitions). */
    public static final int DEFAULT_MAX_PLAYERS = 20;
    /** Hard limit on varying players (2^26 coalitions, 512 MiB of coalition values). */
    public static final int MAX_PLAYERS = 26;

    private final Model model;
    private final double[][] bg;
    private final double[] bgw;
    private final int d;
    private final FeatureGroups groups;
    private final Link link;
    private final int maxPlayers;
    private final int maxBatchRows;
    private final Fingerprint backgroundFingerprint;

    private ExactShap(Builder b) {
        this.model = b.model;
        this.bg = b.background.rows();
        this.bgw = b.background.weights();
        this.d = b.background.width();
        this.groups = b.groups == null ? FeatureGroups.singletons(d) : b.groups;
        if (groups.width() != d) {
            throw new IllegalArgumentException("groups cover " + groups.width() + " columns but the background has "
                    + d + " columns");
        }
        this.link = b.link;
        this.maxPlayers = b.maxPlayers;
        this.maxBatchRows = b.maxBatchRows;
        this.backgroundFingerprint = b.background.fingerprint();
    }

    /**
     * @param model      the model
     * @param background the background data
     * @return a builder
     */
    public static Builder builder(Model model, Background background) {
        return new Builder(Objects.requireNonNull(model, "model"), Objects.requireNonNull(background, "background"));
    }

    /**
     * @param x the row to explain
     * @return its exact Shapley values ({@code exact()} is true)
     * @throws IllegalArgumentException if x has the wrong width or non-finite values, more players vary
     *                                  than the limit, or the model returns bad outputs
     */
    public ShapExplanation explain(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != d) {
            throw new IllegalArgumentException("x has " + x.length + " columns but the background has " + d);
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("x, column " + j + " is " + x[j] + "; values must be finite");
            }
        }
        int[][] cols = groups.columnsUnsafe();
        int players = cols.length;
        int[] varying = new int[players];
        int m = 0;
        for (int g = 0; g < players; g++) {
            boolean v = false;
            for (int c : cols[g]) {
                for (double[] z : bg) {
                    v |= z[c] != x[c];
                }
            }
            if (v) {
                varying[m++] = g;
            }
        }
        if (m > maxPlayers) {
            throw new IllegalArgumentException(m + " players vary, above the exact enumeration limit of " + maxPlayers
                    + " (2^" + m + " coalitions); use KernelShap, or raise maxPlayers up to " + MAX_PLAYERS);
        }
        int n = bg.length;
        int total = 1 << m;
        double[] v = new double[total];
        int per = Math.max(1, maxBatchRows / n);
        double[][] buf = new double[Math.min(total, per) * n][d];
        for (int start = 0; start < total; start += per) {
            int end = Math.min(total, start + per);
            int rowsUsed = (end - start) * n;
            double[][] rows = rowsUsed == buf.length ? buf : Arrays.copyOf(buf, rowsUsed);
            int r = 0;
            for (int s = start; s < end; s++) {
                for (int b = 0; b < n; b++) {
                    double[] row = rows[r++];
                    System.arraycopy(bg[b], 0, row, 0, d);
                    for (int j = 0; j < m; j++) {
                        if ((s >>> j & 1) != 0) {
                            for (int c : cols[varying[j]]) {
                                row[c] = x[c];
                            }
                        }
                    }
                }
            }
            double[] out = model.predict(rows);
            if (out == null || out.length != rowsUsed) {
                throw new IllegalArgumentException("model returned " + (out == null ? "null" : out.length + " values")
                        + " for a batch of " + rowsUsed + " rows; expected one value per row");
            }
            for (int s = start; s < end; s++) {
                double acc = 0;
                int base = (s - start) * n;
                for (int b = 0; b < n; b++) {
                    double o = out[base + b];
                    if (!Double.isFinite(o)) {
                        throw new IllegalArgumentException("model returned " + o + " for coalition " + s
                                + " with background row " + b + "; outputs must be finite");
                    }
                    acc += bgw[b] * o;
                }
                if (link == Link.LOGIT && !(acc > 0 && acc < 1)) {
                    throw new IllegalArgumentException("the mean model output of coalition " + s + " is " + acc
                            + "; the logit link needs outputs strictly between 0 and 1");
                }
                v[s] = link.apply(acc);
            }
        }
        // weight of a coalition of size s for a player outside it: s! (m - s - 1)! / m!
        double[] w = new double[Math.max(m, 1)];
        for (int s = 0; s < m; s++) {
            w[s] = 1.0 / (m * Coalitions.binomial(m - 1, s));
        }
        double[] phiVarying = new double[m];
        for (int s = 0; s < total; s++) {
            int size = Integer.bitCount(s);
            if (size == m) {
                continue;
            }
            double ws = w[size];
            double vs = v[s];
            for (int j = 0; j < m; j++) {
                if ((s >>> j & 1) == 0) {
                    phiVarying[j] += ws * (v[s | (1 << j)] - vs);
                }
            }
        }
        double[] phi = new double[players];
        for (int j = 0; j < m; j++) {
            phi[varying[j]] = phiVarying[j];
        }
        double base = v[0];
        double pred;
        if (m == 0) {
            double[] o = model.predict(new double[][] {x.clone()});
            if (o == null || o.length != 1 || !Double.isFinite(o[0])) {
                throw new IllegalArgumentException("model returned a bad output for x: " + Arrays.toString(o));
            }
            pred = link.apply(o[0]);
        } else {
            pred = v[total - 1];
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("link", link);
        p.put("players", players);
        p.put("varyingPlayers", m);
        p.put("backgroundRows", n);
        p.put("backgroundFingerprint", backgroundFingerprint);
        return new ShapExplanation(base, phi, pred, link, total, true,
                Provenance.of("ExactShap", p, null, Fingerprint.of(new double[][] {x})));
    }

    /** Options of an {@link ExactShap}. */
    public static final class Builder {
        private final Model model;
        private final Background background;
        private FeatureGroups groups;
        private Link link = Link.IDENTITY;
        private int maxPlayers = DEFAULT_MAX_PLAYERS;
        private int maxBatchRows = KernelShap.DEFAULT_MAX_BATCH_ROWS;

        private Builder(Model model, Background background) {
            this.model = model;
            this.background = background;
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

        /** @return the explainer */
        public ExactShap build() {
            return new ExactShap(this);
        }
    }
}
