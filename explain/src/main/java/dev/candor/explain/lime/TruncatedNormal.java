package dev.candor.explain.lime;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Exact sampler of the standard normal distribution truncated to [a, b], by rejection with the
 * proposal that suits the interval (C. P. Robert, Simulation of truncated normal variables,
 * Statistics and Computing 5, 1995, doi:10.1007/BF00143942):
 * <ul>
 *   <li>0 in [a, b] and b - a &ge; √(2π): normal proposal, accepted when it lands in [a, b];</li>
 *   <li>0 in [a, b], narrower: uniform proposal z, accepted with probability exp(-z²/2);</li>
 *   <li>0 &le; a (b &le; 0 by symmetry): uniform proposal accepted with exp((a² - z²)/2) when
 *       b - a is below Robert's bound, else a translated exponential of rate
 *       α = (a + √(a² + 4))/2 accepted with exp(-(z - α)²/2) and z &le; b.</li>
 * </ul>
 * The expected number of proposals is below about 2 for every interval, deep tails included
 * (for example [-1e11, 0] or [8, 9]). Immutable and thread-safe; the randomness comes from the
 * generator passed to {@link #sample}.
 */
final class TruncatedNormal {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    static final int UNIFORM_CENTRAL = 0;
    static final int NORMAL = 1;
    static final int UNIFORM_TAIL = 2;
    static final int EXPONENTIAL_TAIL = 3;

    private final double a;
    private final double b;
    private final double sign;
    private final int method;
    private final double alpha;

    private TruncatedNormal(double a, double b, double sign, int method, double alpha) {
        this.a = a;
        this.b = b;
        this.sign = sign;
        this.method = method;
        this.alpha = alpha;
    }

    /**
     * @param a lower bound
     * @param b upper bound, b &gt; a; both finite
     * @return a sampler of N(0, 1) conditioned on [a, b]
     */
    static TruncatedNormal of(double a, double b) {
        if (!(a < b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("truncation bounds must be finite with a < b, got [" + a + ", " + b + "]");
        }
        if (a < 0 && b > 0) {
            return new TruncatedNormal(a, b, 1, b - a >= SQRT_2PI ? NORMAL : UNIFORM_CENTRAL, 0);
        }
        double sign = 1;
        if (b <= 0) {
            double t = a;
            a = -b;
            b = -t;
            sign = -1;
        }
        double root = Math.sqrt(a * a + 4);
        double alpha = (a + root) / 2;
        double bound = 2 * Math.sqrt(Math.E) / (a + root) * Math.exp((a * a - a * root) / 4);
        return new TruncatedNormal(a, b, sign, b - a <= bound ? UNIFORM_TAIL : EXPONENTIAL_TAIL, alpha);
    }

    /**
     * @param rng the random stream
     * @return one draw in [a, b]
     */
    double sample(RandomGenerator rng) {
        switch (method) {
            case NORMAL: {
                while (true) {
                    double z = rng.nextGaussian();
                    if (z >= a && z <= b) {
                        return z;
                    }
                }
            }
            case UNIFORM_CENTRAL: {
                while (true) {
                    double z = a + (b - a) * rng.nextDouble();
                    double h = 0.5 * z * z;
                    double v = rng.nextDouble();
                    // exp(-h) >= 1 - h: most proposals are accepted without calling exp
                    if (v <= 1 - h || v <= Math.exp(-h)) {
                        return z;
                    }
                }
            }
            case UNIFORM_TAIL: {
                while (true) {
                    double z = a + (b - a) * rng.nextDouble();
                    double h = 0.5 * (z * z - a * a);
                    double v = rng.nextDouble();
                    if (v <= 1 - h || v <= Math.exp(-h)) {
                        return sign * z;
                    }
                }
            }
            default: {
                while (true) {
                    double z = a + rng.nextExponential() / alpha;
                    if (z > b) {
                        continue;
                    }
                    double d = z - alpha;
                    double h = 0.5 * d * d;
                    double v = rng.nextDouble();
                    if (v <= 1 - h || v <= Math.exp(-h)) {
                        return sign * z;
                    }
                }
            }
        }
    }

    /**
     * Cuts [a, b] into k intervals of equal probability under the standard normal: returns
     * z<sub>0</sub> = a &lt; z<sub>1</sub> &lt; ... &lt; z<sub>k</sub> = b with
     * Φ(z<sub>i</sub>) − Φ(a) = (i/k)(Φ(b) − Φ(a)). Φ is evaluated on the side of 0 where it is small
     * (the interval is reflected when a + b &gt; 0), from {@link Erf#erfc}, so tail intervals keep
     * their relative accuracy; each cut is solved by Newton's method safeguarded by bisection, to
     * a relative step of 1e−15.
     *
     * @param a lower bound, finite or not
     * @param b upper bound, b &gt; a
     * @param k number of intervals, &ge; 1
     * @return the k + 1 cut points, or null when Φ(b) − Φ(a) is too small relative to Φ at the bounds
     *         to be cut accurately
     */
    static double[] equalMassCuts(double a, double b, int k) {
        boolean reflect = a + b > 0;
        double lo = reflect ? -b : a;
        double hi = reflect ? -a : b;
        double pa = phiCdf(lo);
        double pb = phiCdf(hi);
        double mass = pb - pa;
        if (!(mass >= 1e-9 * pb) || !(mass > 0)) {
            return null;
        }
        double[] cut = new double[k + 1];
        cut[0] = lo;
        cut[k] = hi;
        for (int i = 1; i < k; i++) {
            double target = pa + mass * i / k;
            double left = cut[i - 1];
            double right = hi;
            double z = Double.isInfinite(left) ? Math.max(hi - 1, -38) : left;
            for (int iter = 0; iter < 200; iter++) {
                double f = phiCdf(z) - target;
                if (f == 0) {
                    break;
                }
                if (f < 0) {
                    left = z;
                } else {
                    right = z;
                }
                double next = z - f / (Math.exp(-0.5 * z * z) / SQRT_2PI);
                if (!(next > left && next < right)) {
                    next = Double.isInfinite(left) ? Math.max(2 * right - 1, -1e300) : 0.5 * (left + right);
                }
                boolean done = Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z));
                z = next;
                if (done) {
                    break;
                }
            }
            cut[i] = Math.min(Math.max(z, cut[i - 1]), hi);
        }
        if (reflect) {
            double[] r = new double[k + 1];
            for (int i = 0; i <= k; i++) {
                r[i] = -cut[k - i];
            }
            return r;
        }
        return cut;
    }

    /** Φ(z), accurate in relative terms for z &le; 0. */
    private static double phiCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** @return the proposal used (one of the method constants) */
    int method() {
        return method;
    }

    /** @return the lower bound after reflection to a &ge; 0 for one-sided intervals */
    double a() {
        return a;
    }

    /** @return the upper bound after reflection */
    double b() {
        return b;
    }

    /** @return -1 when the interval was reflected, else 1 */
    double sign() {
        return sign;
    }

    /** @return the exponential rate of the tail proposal */
    double alpha() {
        return alpha;
    }

    double lower() {
        return sign > 0 ? a : -b;
    }

    double upper() {
        return sign > 0 ? b : -a;
    }
}
