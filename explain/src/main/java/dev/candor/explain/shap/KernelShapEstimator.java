package dev.candor.explain.shap;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.explain.RowRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KernelSHAP's estimate for one row: find the varying players, plan the coalitions with the row's
 * random stream, evaluate them ({@link CoalitionEvaluator}) and solve the constrained regression
 * ({@link ShapleyRegression}). Immutable; the buffers live in a {@link Worker}, one per thread.
 */
final class KernelShapEstimator {

    private final CoalitionEvaluator evaluator;
    private final int players;
    private final int outputs;
    private final int nsamples; // 0 = auto
    private final long seed;
    private final Link link;
    private final CoalitionSampling sampling;
    private final Map<String, Object> parameters;

    KernelShapEstimator(CoalitionEvaluator evaluator, int nsamples, long seed, Link link, CoalitionSampling sampling,
                        Map<String, Object> parameters) {
        this.evaluator = evaluator;
        this.players = evaluator.players();
        this.outputs = evaluator.outputs();
        this.nsamples = nsamples;
        this.seed = seed;
        this.link = link;
        this.sampling = sampling;
        this.parameters = parameters;
    }

    /** The buffers of one worker, reused across the rows it explains. */
    static final class Worker {
        final Coalitions co = new Coalitions();
        final ShapleyRegression reg = new ShapleyRegression();
        final CoalitionEvaluator.Buffers buffers;
        final int[] varying;
        double[] ey = new double[0];

        Worker(CoalitionEvaluator ev) {
            this.buffers = ev.buffers();
            this.varying = new int[ev.players()];
        }
    }

    Worker newWorker() {
        return new Worker(evaluator);
    }

    /** The coalition budget for m varying players (see {@link KernelShap#budget(int)}). */
    long budget(int m) {
        long ns = nsamples == 0 ? 2L * m + 2048 : nsamples;
        return m <= 30 ? Math.min(ns, (1L << m) - 2) : ns;
    }

    /** @return one explanation per output of the (checked) row x, with the random stream of rowIndex */
    ShapExplanation[] explain(Worker ws, double[] x, long rowIndex) {
        int m = evaluator.varyingPlayers(x, ws.varying);
        double[] phiPlayers = new double[outputs * players];
        double[] fx;
        int coalitions;
        boolean exact;
        if (m <= 1) {
            fx = evaluator.predictRow(ws.buffers, x);
            if (m == 1) {
                for (int k = 0; k < outputs; k++) {
                    phiPlayers[k * players + ws.varying[0]] = link.apply(fx[k]) - evaluator.baseValue(k);
                }
            }
            coalitions = 0;
            exact = true;
        } else {
            long ns = budget(m);
            Coalitions co = ws.co;
            sampling.plan(co, m, (int) Math.min(ns, Integer.MAX_VALUE - 8), RowRandom.forRow(seed, rowIndex));
            coalitions = co.count;
            exact = Coalitions.exhaustive(m, ns);
            if (ws.ey.length < co.count * outputs) {
                ws.ey = new double[co.count * outputs];
            }
            double[] ey = ws.ey;
            fx = evaluator.evaluate(ws.buffers, x, ws.varying, m, co.masks, co.count, ey, 0, true, 0);
            double[] delta = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                double g0 = evaluator.baseValue(k);
                delta[k] = link.apply(fx[k]) - g0;
                for (int c = 0; c < co.count; c++) {
                    ey[c * outputs + k] -= g0;
                }
            }
            double[] phi = new double[outputs * m];
            ws.reg.solve(co, ey, outputs, delta, phi);
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < m; j++) {
                    phiPlayers[k * players + ws.varying[j]] = phi[k * m + j];
                }
            }
        }
        Fingerprint fp = Fingerprint.of(new double[][] {x});
        ShapExplanation[] res = new ShapExplanation[outputs];
        for (int k = 0; k < outputs; k++) {
            Map<String, Object> p = new LinkedHashMap<>(parameters);
            p.put("rowIndex", rowIndex);
            p.put("output", k);
            p.put("varyingPlayers", m);
            p.put("modelRows", ws.buffers.lastModelRows);
            res[k] = new ShapExplanation(evaluator.baseValue(k),
                    Arrays.copyOfRange(phiPlayers, k * players, (k + 1) * players), link.apply(fx[k]), link,
                    coalitions, exact, Provenance.of("KernelShap", p, seed, fp));
        }
        return res;
    }
}
