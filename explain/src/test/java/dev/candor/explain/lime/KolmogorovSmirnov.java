package dev.candor.explain.lime;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;

/** The one-sample Kolmogorov–Smirnov distance used by the sampler tests. */
final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {
    }

    /**
     * @param values the sample (not changed)
     * @param cdf    the hypothesized CDF
     * @return sup |F_n − F| over the sample
     */
    static double distance(double[] values, DoubleUnaryOperator cdf) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double ks = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(v[i]);
            ks = Math.max(ks, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (double) (i + 1) / n)));
        }
        return ks;
    }

    /**
     * The closed-form CDF of the standard normal truncated to [a, b],
     * F(z) = (Φ(z) − Φ(a)) / (Φ(b) − Φ(a)), with Φ(a) taken as 0 where it underflows (a &lt; −38).
     */
    static DoubleUnaryOperator truncatedNormalCdf(double a, double b) {
        NormalDistribution n = new NormalDistribution(0, 1);
        double fa = a < -38 ? 0 : n.cumulativeProbability(a);
        double mass = n.cumulativeProbability(b) - fa;
        return z -> (n.cumulativeProbability(z) - fa) / mass;
    }

    /** @return the 0.1 % critical value 1.95 / √n (Massey 1951, doi:10.1080/01621459.1951.10500769) */
    static double critical(int n) {
        return 1.95 / Math.sqrt(n);
    }
}
