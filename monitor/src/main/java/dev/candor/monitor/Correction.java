package dev.candor.monitor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjustments of one p-value per feature for testing many features at once (alibi-detect's choice;
 * statsmodels {@code multipletests} semantics). Evidently declines to correct (its issue #238); with
 * 30 features at 5 % each, about one feature in a stable dataset "drifts" by chance.
 *
 * <ul>
 *   <li>{@link #BONFERRONI}: {@code min(1, m p)}; controls the family-wise error rate.</li>
 *   <li>{@link #FDR_BH}: Benjamini–Hochberg step-up, {@code adj_(i) = min_{j>=i} m p_(j) / j}, capped
 *       at 1; controls the false discovery rate.</li>
 * </ul>
 * A {@code NaN} p-value (an undefined test) is left out of {@code m} and stays {@code NaN}.
 *
 * <p>Reference: Y. Benjamini, Y. Hochberg, "Controlling the false discovery rate", J. R. Stat. Soc. B
 * 57, 1995, doi:10.1111/j.2517-6161.1995.tb02031.x.
 *
 * @since 0.1.0
 */
public enum Correction {
    /** No adjustment. */
    NONE("none") {
        @Override
        double[] adjustDefined(double[] p) {
            return p.clone();
        }
    },
    /** Bonferroni. */
    BONFERRONI("bonferroni") {
        @Override
        double[] adjustDefined(double[] p) {
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = Math.min(1.0, p[i] * (double) p.length);
            }
            return out;
        }
    },
    /** Benjamini–Hochberg. */
    FDR_BH("fdr_bh") {
        @Override
        double[] adjustDefined(double[] p) {
            int m = p.length;
            Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble((Integer i) -> p[i]))
                    .toArray(Integer[]::new);
            double[] out = new double[m];
            double running = 1.0;
            for (int r = m - 1; r >= 0; r--) {
                int i = order[r];
                running = Math.min(running, p[i] / ((r + 1) / (double) m));
                out[i] = Math.min(1.0, running);
            }
            return out;
        }
    };

    private final String key;

    Correction(String key) {
        this.key = key;
    }

    abstract double[] adjustDefined(double[] p);

    /** @return the name used on the command line and in JSON */
    public String key() {
        return key;
    }

    /**
     * @param pValues one p-value per feature, {@code NaN} where undefined
     * @return the adjusted p-values in the same order
     */
    public double[] adjust(double[] pValues) {
        int[] defined = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).toArray();
        double[] sub = Arrays.stream(defined).mapToDouble(i -> pValues[i]).toArray();
        double[] adj = adjustDefined(sub);
        double[] out = new double[pValues.length];
        Arrays.fill(out, Double.NaN);
        for (int k = 0; k < defined.length; k++) {
            out[defined[k]] = adj[k];
        }
        return out;
    }
}
