package dev.candor.monitor;

/**
 * Distances between two binned distributions, with Evidently's and scipy's definitions (natural
 * logarithms throughout).
 */
final class Distances {

    private Distances() {
    }

    /** {@code Σ (r_i - c_i) ln(r_i / c_i)} over floored percents. */
    static double psi(double[] r, double[] c) {
        double[] t = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            t[i] = (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return NumpySum.sum(t);
    }

    /** scipy {@code entropy(r, c)}: both renormalised, {@code Σ p ln(p/q)}. */
    static double kl(double[] r, double[] c) {
        double[] p = normalised(r);
        double[] q = normalised(c);
        double[] t = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            t[i] = relEntr(p[i], q[i]);
        }
        return NumpySum.sum(t);
    }

    /** scipy {@code jensenshannon(r, c)}: the square root of the JS divergence, in nats. */
    static double jensenShannon(double[] r, double[] c) {
        double[] p = normalised(r);
        double[] q = normalised(c);
        double[] left = new double[p.length];
        double[] right = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            left[i] = relEntr(p[i], m);
            right[i] = relEntr(q[i], m);
        }
        double js = NumpySum.sum(left) + NumpySum.sum(right);
        return Math.sqrt(js / 2.0);
    }

    private static double[] normalised(double[] x) {
        double s = NumpySum.sum(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / s;
        }
        return out;
    }

    static double relEntr(double x, double y) {
        if (x > 0 && y > 0) {
            return x * Math.log(x / y);
        }
        if (x == 0 && y >= 0) {
            return 0.0;
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Evidently's Hellinger distance: {@code sqrt(1 - clip(BC, 0, 1))} with the Bhattacharyya
     * coefficient summed sequentially. Categorical: over category shares. Numeric: over density
     * histograms on Sturges edges computed from the <em>distinct</em> pooled values, times the
     * mean bin width.
     */
    static double hellinger(FeatureSamples s) {
        double bc = 0;
        if (s.kind() == FeatureKind.CATEGORICAL) {
            CategoryTable t = s.categories();
            double nr = t.referenceTotal();
            double nc = t.currentTotal();
            for (int i = 0; i < t.size(); i++) {
                bc += Math.sqrt(t.ref(i) / nr * (t.cur(i) / nc));
            }
        } else {
            Pooled p = s.pooled();
            double[] edges = EvidentlyBinning.sturgesEdges(p.values[0], p.values[p.size() - 1], p.size());
            long[][] counts = EvidentlyBinning.histograms(p, edges);
            double[] h1 = density(counts[0], edges, p.nRef);
            double[] h2 = density(counts[1], edges, p.nCur);
            int bins = edges.length - 1;
            double width = (edges[bins] - edges[0]) / bins;
            for (int i = 0; i < bins; i++) {
                bc += Math.sqrt(h1[i] * h2[i]) * width;
            }
        }
        return Math.sqrt(1 - Math.max(0, Math.min(1, bc)));
    }

    private static double[] density(long[] counts, double[] edges, long n) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / (edges[i + 1] - edges[i]) / n;
        }
        return out;
    }
}
