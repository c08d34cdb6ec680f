package dev.candor.explain.shap;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.Background;
import dev.candor.explain.Model;
import dev.candor.explain.MultiOutputModel;
import dev.candor.explain.ProgressListener;
import dev.candor.explain.RowRandom;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * regression returns the exact Shapley values. Otherwise coalitions are chosen as shap does: subset
 * sizes s and M - s are enumerated completely, from the outside in, while the budget allows; the rest
 * of the budget is sampled (size by Shapley kernel mass, then a uniform subset and its complement),
 * repeats adding weight instead of rows. The Shapley kernel weights
 * {@code (M - 1) / (C(M, s) s (M - s))} enter a least-squares fit whose efficiency constraint is
 * enforced exactly by eliminating one variable (see {@code ShapleyRegression}). The default budget is
 * shap's {@code 2 M + 2048} coalitions.
 *
 * <p><b>Differences from shap.</b> A player "does not vary" only when its values are exactly equal
 * to every background value (shap uses {@code np.isclose}); final values below 1e-10 are kept rather
 * than set to 0 (so efficiency holds to rounding); samples come from a per-row
 * {@link java.util.SplittableRandom} ({@link RowRandom#forRow(long, long)}) instead of numpy's global
 * stream, so the same seed gives the same values in any order and with any number of threads; no
 * L1 feature selection is done (shap's {@code l1_reg=False}).
 *
 * <p><b>Cost.</b> Each explanation evaluates {@code coalitions * backgroundRows + 1} model rows,
 * built in one reused buffer and passed to the model in batches of at most
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

    private final BatchModel model;
    private final int outputs;
    private final double[][] bg;
    private final double[] bgw;
    private final int n;
    private final int d;
    private final FeatureGroups groups;
    private final int[][] groupCols;
    private final int nsamples; // 0 = auto
    private final long seed;
    private final Link link;
    private final int threads;
    private final Executor executor;
    private final ProgressListener progress;
    private final int maxBatchRows;
    private final long costWarningRows;
    private final boolean dedup;
    private final double[] fnull;
    /** Buffers of single-row calls, kept per calling thread so that repeated explain calls reuse them. */
    private final ThreadLocal<Workspace> local = ThreadLocal.withInitial(() -> new Workspace());
    private final Fingerprint backgroundFingerprint;
    private final String backgroundDescription;

    private KernelShap(Builder b) {
        this.model = b.model;
        this.outputs = b.model.outputs();
        this.bg = b.background.rows();
        this.bgw = b.background.weights();
        this.n = bg.length;
        this.d = b.background.width();
        this.groups = b.groups == null ? FeatureGroups.singletons(d) : b.groups;
        if (groups.width() != d) {
            throw new IllegalArgumentException("groups cover " + groups.width() + " columns but the background has "
                    + d + " columns");
        }
        this.groupCols = groups.columnsUnsafe();
        this.nsamples = b.nsamples;
        this.seed = b.seed;
        this.link = b.link;
        this.threads = b.threads;
        this.executor = b.executor;
        this.progress = b.progress;
        this.maxBatchRows = b.maxBatchRows;
        this.costWarningRows = b.costWarningRows;
        this.dedup = b.dedup;
        int p = groups.size();
        // A coalition and its complement span one direction of the constrained regression, so M - 1
        // unknowns need at least 2 (M - 1) paired coalitions; ask for 2 M.
        if (nsamples != 0 && !Coalitions.exhaustive(p, nsamples) && nsamples < 2L * p) {
            throw new IllegalArgumentException("nsamples = " + nsamples + " is too small for " + p
                    + " players: need at least " + (2L * p) + " coalitions (or " + (p <= 30 ? ((1L << p) - 2)
                    : "2^" + p + " - 2") + " for exact enumeration)");
        }
        this.backgroundFingerprint = b.background.fingerprint();
        this.backgroundDescription = b.background.description();
        // E[f] over the background, checked like every model call
        double[] out = new double[n * outputs];
        model.predict(bg, out);
        this.fnull = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double v = out[i * outputs + k];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("model returned " + v + " for background row " + i
                            + (outputs > 1 ? ", output " + k : "") + "; outputs must be finite");
                }
                s += bgw[i] * v;
            }
            fnull[k] = s;
            checkLinkDomain(s, "the mean background output" + (outputs > 1 ? " of output " + k : ""));
        }
    }

    private void checkLinkDomain(double v, String what) {
        if (link == Link.LOGIT && !(v > 0 && v < 1)) {
            throw new IllegalArgumentException(what + " is " + v + "; the logit link needs model outputs strictly "
                    + "between 0 and 1");
        }
    }

    /**
     * A builder for a single-output model.
     *
     * @param model      the model to explain
     * @param background the background data (its width is the model's input width)
     * @return the builder
     */
    public static Builder builder(Model model, Background background) {
        Objects.requireNonNull(model, "model");
        return new Builder(new SingleModel(model), background);
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
        Objects.requireNonNull(model, "model");
        if (model.outputs() < 1) {
            throw new IllegalArgumentException("model.outputs() must be >= 1, got " + model.outputs());
        }
        return new Builder(new MultiModel(model), background);
    }

    /** @return the expected model output over the background on the link scale, {@code g(E[f])} (output 0) */
    public double baseValue() {
        return link.apply(fnull[0]);
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

    /**
     * The coalition budget for M varying players: the configured nsamples, or shap's default
     * {@code 2 M + 2048}; capped at {@code 2^M - 2}, where every coalition is enumerated.
     *
     * @param m the number of varying players
     * @return the number of coalitions that will be evaluated (before de-duplication of repeats)
     */
    public long budget(int m) {
        long ns = nsamples == 0 ? 2L * m + 2048 : nsamples;
        return m <= 30 ? Math.min(ns, (1L << m) - 2) : ns;
    }

    /**
     * The cost of explaining {@code rows} rows, in model evaluations.
     *
     * @param rows the number of rows to explain
     * @return the estimate
     */
    public CostEstimate estimateCost(long rows) {
        long c = budget(groups.size());
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
        checkRow(x, "x", -1);
        return List.of(explainRow(local.get(), x, rowIndex));
    }

    /**
     * Explains many rows in parallel (see {@link Builder#threads(int)} and
     * {@link Builder#executor(Executor)}). Row i uses the random stream
     * {@code RowRandom.forRow(seed, i)}, so the result does not depend on the thread count or the order
     * in which rows are processed. Logs a warning when {@link #estimateCost(long)} exceeds the cost
     * threshold.
     *
     * @param rows the rows to explain
     * @return the explanations of output 0
     * @throws IllegalArgumentException on a row of the wrong width or with NaN or infinite values (naming
     *                                  the row and column), or on a bad model output
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
            checkRow(rows[i], "rows", i);
        }
        CostEstimate cost = estimateCost(rows.length);
        if (cost.modelRows() > costWarningRows) {
            LOG.log(Level.WARNING, "KernelSHAP will evaluate the model on {0}; this can take long. Summarise the "
                    + "background (Background.kmeans or Background.sample) or lower nsamples.", cost);
        }
        int total = rows.length;
        ShapExplanation[][] res = new ShapExplanation[outputs][total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            Workspace ws = new Workspace();
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < total) {
                try {
                    ShapExplanation[] e = explainRow(ws, rows[i], i);
                    for (int k = 0; k < outputs; k++) {
                        res[k][i] = e[k];
                    }
                    progress.progress(done.incrementAndGet(), total);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        int t = Math.max(1, Math.min(threads, total));
        if (t == 1) {
            worker.run();
        } else {
            ExecutorService own = executor == null ? Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "candor-kernelshap");
                th.setDaemon(true);
                return th;
            }) : null;
            Executor ex = own != null ? own : executor;
            CountDownLatch latch = new CountDownLatch(t);
            try {
                for (int w = 0; w < t; w++) {
                    ex.execute(() -> {
                        try {
                            worker.run();
                        } finally {
                            latch.countDown();
                        }
                    });
                }
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("interrupted while explaining rows", e));
            } finally {
                if (own != null) {
                    own.shutdown();
                }
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
        Provenance prov = Provenance.of("KernelShap", parameters(), seed, Fingerprint.of(rows));
        List<ShapExplanations> out = new ArrayList<>(outputs);
        for (int k = 0; k < outputs; k++) {
            out.add(new ShapExplanations(rows, Arrays.asList(res[k]), groups, prov));
        }
        return Collections.unmodifiableList(out);
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nsamples", nsamples == 0 ? "auto (2M + 2048)" : nsamples);
        p.put("link", link);
        p.put("players", groups.size());
        p.put("columns", d);
        p.put("background", backgroundDescription);
        p.put("backgroundFingerprint", backgroundFingerprint);
        p.put("outputs", outputs);
        p.put("deduplicateRows", dedup);
        return p;
    }

    private void checkRow(double[] x, String name, int row) {
        String where = row < 0 ? name : name + " row " + row;
        if (x == null) {
            throw new IllegalArgumentException(where + " is null");
        }
        if (x.length != d) {
            throw new IllegalArgumentException(where + " has " + x.length + " columns but the background has " + d);
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException(where + ", column " + j + " is " + x[j] + "; values must be finite");
            }
        }
    }

    /** Per-worker buffers, reused across the rows a worker explains. */
    private final class Workspace {
        final Coalitions co = new Coalitions();
        final ShapleyRegression reg = new ShapleyRegression();
        double[][] buf = new double[0][];
        double[][] view = new double[0][];
        double[] out = new double[0];
        double[] ey = new double[0];
        final int[] varying = new int[groups.size()];
        final int[] inCols = new int[d];
        // distinct-row evaluation
        long[] coalitionBits = new long[0];
        final long[] diff = new long[n];
        int[] rowOf = new int[0];
        int[] distinctBg = new int[0];
        long[] distinctKey = new long[0];
        double[] distinctOut = new double[0];
        long[] tableKey = new long[0];
        int[] tableVal = new int[0];
        int[] tableStamp = new int[0];
        int stamp;
        long lastModelRows;

        double[][] rows(int count) {
            if (buf.length < count) {
                double[][] nb = Arrays.copyOf(buf, count);
                for (int i = buf.length; i < count; i++) {
                    nb[i] = new double[d];
                }
                buf = nb;
            }
            if (count == buf.length) {
                return buf;
            }
            if (view.length != count) {
                view = Arrays.copyOf(buf, count);
            } else {
                System.arraycopy(buf, 0, view, 0, count);
            }
            return view;
        }

        double[] out(int size) {
            if (out.length < size) {
                out = new double[size];
            }
            return out;
        }
    }

    private ShapExplanation[] explainRow(Workspace ws, double[] x, long rowIndex) {
        int players = groups.size();
        int m = 0;
        for (int g = 0; g < players; g++) {
            if (varies(x, groupCols[g])) {
                ws.varying[m++] = g;
            }
        }
        double[] phiPlayers = new double[outputs * players];
        double[] fx;
        int coalitions;
        boolean exact;
        if (m <= 1) {
            double[][] one = ws.rows(1);
            System.arraycopy(x, 0, one[0], 0, d);
            double[] o = ws.out(outputs);
            model.predict(one, o);
            fx = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                fx[k] = checkOutput(o[k], "x", k);
                checkLinkDomain(fx[k], "the model output for x");
                if (m == 1) {
                    phiPlayers[k * players + ws.varying[0]] = link.apply(fx[k]) - link.apply(fnull[k]);
                }
            }
            coalitions = 0;
            exact = true;
            ws.lastModelRows = 1;
        } else {
            long ns = budget(m);
            Coalitions co = ws.co;
            co.plan(m, (int) Math.min(ns, Integer.MAX_VALUE - 8), RowRandom.forRow(seed, rowIndex));
            coalitions = co.count;
            exact = Coalitions.exhaustive(m, ns);
            fx = dedup && m <= 64 ? evaluateDistinct(ws, x, m) : evaluate(ws, x, m);
            double[] delta = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                delta[k] = link.apply(fx[k]) - link.apply(fnull[k]);
            }
            double[] phi = new double[outputs * m];
            ws.reg.solve(co, ws.ey, outputs, delta, phi);
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < m; j++) {
                    phiPlayers[k * players + ws.varying[j]] = phi[k * m + j];
                }
            }
        }
        Fingerprint fp = Fingerprint.of(new double[][] {x});
        ShapExplanation[] res = new ShapExplanation[outputs];
        for (int k = 0; k < outputs; k++) {
            Map<String, Object> p = parameters();
            p.put("rowIndex", rowIndex);
            p.put("output", k);
            p.put("varyingPlayers", m);
            p.put("modelRows", ws.lastModelRows);
            res[k] = new ShapExplanation(link.apply(fnull[k]),
                    Arrays.copyOfRange(phiPlayers, k * players, (k + 1) * players), link.apply(fx[k]), link,
                    coalitions, exact, Provenance.of("KernelShap", p, seed, fp));
        }
        return res;
    }

    private boolean varies(double[] x, int[] cols) {
        for (int c : cols) {
            double v = x[c];
            for (double[] z : bg) {
                if (z[c] != v) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Evaluates every coalition of {@code ws.co} over the background, plus x itself; leaves
     * {@code ws.ey[c * outputs + k] = g(E[f | c]) - g(E[f])} and returns f(x).
     */
    private double[] evaluate(Workspace ws, double[] x, int m) {
        Coalitions co = ws.co;
        int count = co.count;
        if (ws.ey.length < count * outputs) {
            ws.ey = new double[count * outputs];
        }
        double[] ey = ws.ey;
        int per = Math.max(1, maxBatchRows / n);
        double[] fx = new double[outputs];
        byte[] masks = co.masks;
        int[] inCols = ws.inCols;
        for (int start = 0; start < count; start += per) {
            int end = Math.min(count, start + per);
            boolean last = end == count;
            int nrows = (end - start) * n + (last ? 1 : 0);
            double[][] rows = ws.rows(nrows);
            int r = 0;
            for (int c = start; c < end; c++) {
                int off = c * m;
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (masks[off + j] != 0) {
                        for (int col : groupCols[ws.varying[j]]) {
                            inCols[k++] = col;
                        }
                    }
                }
                for (int b = 0; b < n; b++) {
                    double[] row = rows[r++];
                    System.arraycopy(bg[b], 0, row, 0, d);
                    for (int q = 0; q < k; q++) {
                        int col = inCols[q];
                        row[col] = x[col];
                    }
                }
            }
            if (last) {
                System.arraycopy(x, 0, rows[r], 0, d);
            }
            double[] out = ws.out(nrows * outputs);
            model.predict(rows, out);
            for (int c = start; c < end; c++) {
                int base = (c - start) * n * outputs;
                for (int k = 0; k < outputs; k++) {
                    double s = 0;
                    for (int b = 0; b < n; b++) {
                        s += bgw[b] * out[base + b * outputs + k];
                    }
                    if (!Double.isFinite(s)) {
                        for (int b = 0; b < n; b++) {
                            checkOutput(out[base + b * outputs + k], "coalition " + c + " with background row " + b, k);
                        }
                    }
                    checkLinkDomain(s, "the mean model output of coalition " + c);
                    ey[c * outputs + k] = link.apply(s) - link.apply(fnull[k]);
                }
            }
            if (last) {
                for (int k = 0; k < outputs; k++) {
                    fx[k] = checkOutput(out[(nrows - 1) * outputs + k], "x", k);
                    checkLinkDomain(fx[k], "the model output for x");
                }
            }
        }
        ws.lastModelRows = (long) count * n + 1;
        return fx;
    }

    /**
     * Like {@link #evaluate}, but each distinct row is evaluated once. The row of coalition c over
     * background row b is determined by {@code key = bits(c) & diff(b)}, diff(b) being the varying
     * players where x differs from background row b; keys are de-duplicated per b with an
     * open-addressing table (generation-stamped, so it is never cleared). The averages over b are
     * summed in the same order as in {@link #evaluate}, so the results are bit-for-bit the same.
     */
    private double[] evaluateDistinct(Workspace ws, double[] x, int m) {
        Coalitions co = ws.co;
        int count = co.count;
        if (ws.ey.length < count * outputs) {
            ws.ey = new double[count * outputs];
        }
        if (ws.coalitionBits.length < count) {
            ws.coalitionBits = new long[count];
        }
        long[] bits = ws.coalitionBits;
        byte[] masks = co.masks;
        for (int c = 0; c < count; c++) {
            long v = 0;
            int off = c * m;
            for (int j = 0; j < m; j++) {
                v |= (long) masks[off + j] << j;
            }
            bits[c] = v;
        }
        long all = m == 64 ? -1L : (1L << m) - 1;
        for (int b = 0; b < n; b++) {
            long dv = 0;
            for (int j = 0; j < m; j++) {
                for (int col : groupCols[ws.varying[j]]) {
                    if (bg[b][col] != x[col]) {
                        dv |= 1L << j;
                        break;
                    }
                }
            }
            ws.diff[b] = dv;
        }
        int cells = count * n;
        if (ws.rowOf.length < cells) {
            ws.rowOf = new int[cells];
            ws.distinctBg = new int[cells + 1];
            ws.distinctKey = new long[cells + 1];
        }
        int size = Integer.highestOneBit(Math.max(16, count) * 2) * 2;
        if (ws.tableKey.length < size) {
            ws.tableKey = new long[size];
            ws.tableVal = new int[size];
            ws.tableStamp = new int[size];
            ws.stamp = 0;
        }
        int tmask = ws.tableKey.length - 1;
        long[] tk = ws.tableKey;
        int[] tv = ws.tableVal;
        int[] ts = ws.tableStamp;
        int[] rowOf = ws.rowOf;
        int[] dBg = ws.distinctBg;
        long[] dKey = ws.distinctKey;
        int u = 0;
        for (int b = 0; b < n; b++) {
            long dv = ws.diff[b];
            if (dv == all) {
                for (int c = 0; c < count; c++) {
                    rowOf[c * n + b] = u;
                    dBg[u] = b;
                    dKey[u++] = bits[c];
                }
                continue;
            }
            int gen = ++ws.stamp;
            if (gen == Integer.MAX_VALUE) {
                java.util.Arrays.fill(ts, 0);
                ws.stamp = gen = 1;
            }
            for (int c = 0; c < count; c++) {
                long key = bits[c] & dv;
                long h = key * 0x9E3779B97F4A7C15L;
                int slot = (int) (h ^ (h >>> 29)) & tmask;
                int found;
                while (true) {
                    if (ts[slot] != gen) {
                        ts[slot] = gen;
                        tk[slot] = key;
                        tv[slot] = u;
                        dBg[u] = b;
                        dKey[u] = key;
                        found = u++;
                        break;
                    }
                    if (tk[slot] == key) {
                        found = tv[slot];
                        break;
                    }
                    slot = (slot + 1) & tmask;
                }
                rowOf[c * n + b] = found;
            }
        }
        int distinct = u;
        int totalRows = distinct + 1; // plus x itself
        if (ws.distinctOut.length < totalRows * outputs) {
            ws.distinctOut = new double[totalRows * outputs];
        }
        double[] dOut = ws.distinctOut;
        int per = Math.max(1, maxBatchRows);
        int[] inCols = ws.inCols;
        int[] varying = ws.varying;
        // one column per varying player (no groups): write x's value straight from flat arrays
        boolean singles = true;
        int[] singleCol = new int[m];
        double[] singleX = new double[m];
        for (int j = 0; j < m && singles; j++) {
            int[] cols = groupCols[varying[j]];
            singles = cols.length == 1;
            singleCol[j] = cols[0];
            singleX[j] = x[cols[0]];
        }
        for (int start = 0; start < totalRows; start += per) {
            int end = Math.min(totalRows, start + per);
            double[][] rows = ws.rows(end - start);
            for (int r = start; r < end; r++) {
                double[] row = rows[r - start];
                if (r == distinct) {
                    System.arraycopy(x, 0, row, 0, d);
                    continue;
                }
                System.arraycopy(bg[dBg[r]], 0, row, 0, d);
                long key = dKey[r];
                if (singles) {
                    while (key != 0) {
                        int j = Long.numberOfTrailingZeros(key);
                        key &= key - 1;
                        row[singleCol[j]] = singleX[j];
                    }
                    continue;
                }
                int k = 0;
                while (key != 0) {
                    int j = Long.numberOfTrailingZeros(key);
                    key &= key - 1;
                    for (int col : groupCols[varying[j]]) {
                        inCols[k++] = col;
                    }
                }
                for (int q = 0; q < k; q++) {
                    int col = inCols[q];
                    row[col] = x[col];
                }
            }
            double[] out = ws.out((end - start) * outputs);
            model.predict(rows, out);
            System.arraycopy(out, 0, dOut, start * outputs, (end - start) * outputs);
        }
        double[] ey = ws.ey;
        for (int c = 0; c < count; c++) {
            int base = c * n;
            for (int k = 0; k < outputs; k++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += bgw[b] * dOut[rowOf[base + b] * outputs + k];
                }
                if (!Double.isFinite(s)) {
                    for (int b = 0; b < n; b++) {
                        checkOutput(dOut[rowOf[base + b] * outputs + k],
                                "coalition " + c + " with background row " + b, k);
                    }
                }
                if (link == Link.LOGIT && !(s > 0 && s < 1)) {
                    checkLinkDomain(s, "the mean model output of coalition " + c);
                }
                ey[c * outputs + k] = link.apply(s) - link.apply(fnull[k]);
            }
        }
        double[] fx = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            fx[k] = checkOutput(dOut[distinct * outputs + k], "x", k);
            checkLinkDomain(fx[k], "the model output for x");
        }
        ws.lastModelRows = totalRows;
        return fx;
    }

    private double checkOutput(double v, String what, int k) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("model returned " + v + " for " + what
                    + (outputs > 1 ? ", output " + k : "") + "; outputs must be finite");
        }
        return v;
    }

    /** The model seen by the explainer: writes {@code rows.length * outputs()} values, row-major. */
    interface BatchModel {
        int outputs();

        void predict(double[][] rows, double[] out);
    }

    private record SingleModel(Model model) implements BatchModel {
        @Override
        public int outputs() {
            return 1;
        }

        @Override
        public void predict(double[][] rows, double[] out) {
            double[] p = model.predict(rows);
            if (p == null || p.length != rows.length) {
                throw new IllegalArgumentException("model returned " + (p == null ? "null" : p.length + " values")
                        + " for a batch of " + rows.length + " rows; expected one value per row");
            }
            System.arraycopy(p, 0, out, 0, p.length);
        }
    }

    private record MultiModel(MultiOutputModel model) implements BatchModel {
        @Override
        public int outputs() {
            return model.outputs();
        }

        @Override
        public void predict(double[][] rows, double[] out) {
            int k = model.outputs();
            double[][] p = model.predict(rows);
            if (p == null || p.length != rows.length) {
                throw new IllegalArgumentException("model returned " + (p == null ? "null" : p.length + " rows")
                        + " for a batch of " + rows.length + " rows");
            }
            for (int i = 0; i < p.length; i++) {
                if (p[i] == null || p[i].length != k) {
                    throw new IllegalArgumentException("model returned " + (p[i] == null ? "null" : p[i].length
                            + " outputs") + " for row " + i + " of a batch; expected " + k);
                }
                System.arraycopy(p[i], 0, out, i * k, k);
            }
        }
    }

    /**
     * Options of a {@link KernelShap}. Defaults: nsamples {@code 2 M + 2048}, seed
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
        private int threads = Runtime.getRuntime().availableProcessors();
        private Executor executor;
        private ProgressListener progress = ProgressListener.NONE;
        private int maxBatchRows = DEFAULT_MAX_BATCH_ROWS;
        private long costWarningRows = DEFAULT_COST_WARNING_ROWS;
        private boolean dedup = true;

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
         * @param executor where the workers run (null: a private pool per call); {@code threads} workers
         *                 are submitted to it
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
