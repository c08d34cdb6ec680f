package dev.candor.monitor;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities of the normal, Student t and chi-square distributions, computed the way
 * scipy's special functions compute them (upper tails directly, never {@code 1 - cdf}, except
 * where a reference test itself writes {@code 1 - cdf}).
 */
final class Special {

    private static final double SQRT1_2 = 0.7071067811865476;

    private Special() {
    }

    /** Standard normal cdf, cephes {@code ndtr}: erf near 0, erfc in the tails. */
    static double ndtr(double a) {
        if (Double.isNaN(a)) {
            return Double.NaN;
        }
        double x = a * SQRT1_2;
        double z = Math.abs(x);
        if (z < SQRT1_2) {
            return 0.5 + 0.5 * Erf.erf(x);
        }
        double y = 0.5 * Erf.erfc(z);
        return x > 0 ? 1.0 - y : y;
    }

    /** Upper tail of the standard normal, {@code ndtr(-z)}. */
    static double normalSf(double z) {
        return ndtr(-z);
    }

    /** Upper tail of chi-square with {@code df} degrees of freedom: {@code Q(df/2, x/2)}. */
    static double chi2Sf(double x, double df) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0, 1e-16, Integer.MAX_VALUE);
    }

    /**
     * Two-sided tail of Student's t, {@code I_x(df/2, 1/2)} with {@code x = df/(df+t^2)}. Like
     * cdflib's {@code cumt}, both {@code x} and {@code y = 1 - x = t^2/(df+t^2)} are formed directly,
     * so that {@code x^(df/2)} keeps full relative accuracy when df is large and t small.
     */
    static double studentTwoSided(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double tt = t * t;
        double x = df / (df + tt);
        double y = tt / (df + tt);
        return incompleteBeta(df / 2.0, 0.5, x, y);
    }

    /**
     * Regularized incomplete beta {@code I_x(a, b)} given both {@code x} and {@code y = 1 - x}, by the
     * series of positive terms {@code x^a y^b / (a B(a,b)) (1 + Σ_n B(a+1,n+1)/B(a+b,n+1) x^(n+1))}
     * (Abramowitz and Stegun 26.5.4 rearranged), which has no cancellation; where {@code I} is close
     * to 1 the complement {@code 1 - I_y(b, a)} is summed instead, so both tails keep their accuracy.
     */
    static double incompleteBeta(double a, double b, double x, double y) {
        if (x <= 0) {
            return 0.0;
        }
        if (y <= 0) {
            return 1.0;
        }
        if (a * y <= 2 && x > 0.5) {
            return 1.0 - positiveSeries(b, a, y, x);
        }
        return positiveSeries(a, b, x, y);
    }

    private static double positiveSeries(double a, double b, double x, double y) {
        double sum = 1.0;
        double c = 1.0;
        for (int n = 0; n < 50_000_000; n++) {
            c *= (a + b + n) / (a + 1 + n) * x;
            sum += c;
            if (c < 1e-17 * sum) {
                break;
            }
        }
        return front(a, b, x, y) * sum / a;
    }

    private static double front(double a, double b, double x, double y) {
        double lx = x > 0.5 ? Math.log1p(-y) : Math.log(x);
        double ly = y > 0.5 ? Math.log1p(-x) : Math.log(y);
        return Math.exp(a * lx + b * ly - Beta.logBeta(a, b));
    }
}
