package dev.candor.fairness;

import java.util.SplittableRandom;

/**
 * Exact random variates for the bootstrap, driven by a {@link SplittableRandom}.
 *
 * <p>Binomial: Knuth's recursion on beta order statistics (TAOCP vol. 2, 3rd ed., §3.4.1,
 * exercise 3.4.1-27 idea; Devroye, Non-Uniform Random Variate Generation, 1986, §X.4): while
 * {@code n > 64}, draw {@code Y ~ Beta(a, b)} with {@code a = 1 + ⌊n/2⌋}, {@code b = n + 1 − a} (the
 * a-th smallest of n uniforms) and recurse into the half that holds p; then sum Bernoulli trials.
 * O(log n) gamma variates per draw, exact in distribution. Gamma: Marsaglia and Tsang, ACM TOMS
 * 26(3) 2000, doi:10.1145/358407.358414.
 */
final class Sampling {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Sampling() {
    }

    /**
     * The random stream of resample {@code index}: a function of (seed, index) only, so results do not
     * depend on thread count or order.
     */
    static SplittableRandom stream(long seed, long index) {
        return new SplittableRandom(mix(seed + (index + 1) * GOLDEN));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Binomial(n, p). */
    static long binomial(SplittableRandom r, long n, double p) {
        long x = 0;
        while (n > 64) {
            if (p <= 0) {
                return x;
            }
            if (p >= 1) {
                return x + n;
            }
            long a = 1 + n / 2;
            long b = n + 1 - a;
            double y = beta(r, a, b);
            if (y >= p) {
                n = a - 1;
                p = p / y;
            } else {
                x += a;
                n = b - 1;
                p = (p - y) / (1 - y);
            }
        }
        if (p <= 0) {
            return x;
        }
        if (p >= 1) {
            return x + n;
        }
        for (long i = 0; i < n; i++) {
            if (r.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }

    /** Beta(a, b) for a, b >= 1. */
    static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        double y = gamma(r, b);
        return x / (x + y);
    }

    /** Gamma(shape, 1) for shape >= 1 (Marsaglia–Tsang). */
    static double gamma(SplittableRandom r, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = r.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1.0 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * Multinomial(n, m / Σm) by conditional binomials: count j ~ Binomial(remaining, m_j / Σ_{l≥j} m_l).
     */
    static void multinomial(SplittableRandom r, long n, long[] multiplicity, long[] out) {
        long massLeft = 0;
        for (long m : multiplicity) {
            massLeft += m;
        }
        long left = n;
        for (int j = 0; j < multiplicity.length; j++) {
            if (left == 0 || massLeft == 0) {
                out[j] = 0;
                continue;
            }
            long k = multiplicity[j] == massLeft ? left : binomial(r, left, (double) multiplicity[j] / massLeft);
            out[j] = k;
            left -= k;
            massLeft -= multiplicity[j];
        }
    }
}
