package dev.candor.monitor;

import org.apache.commons.math3.special.Gamma;

/**
 * The limiting distribution of the Cramér–von Mises statistic (Anderson and Darling 1952, eq. 4.35),
 * as scipy sums it: terms {@code Γ(k+1/2) / (Γ(k+1) π^1.5 sqrt(x)) sqrt(4k+1) e^{-q} K_{1/4}(q)} with
 * {@code q = (4k+1)^2 / (16 x)}, added while a term is at least 1e-7 (the first smaller term is still
 * added). For large statistics the sum is within about 1e-7 of 1, so {@code 1 - cdf} is the
 * truncation error of the series: that is the reference's behaviour, and it is kept.
 *
 * <p>{@code e^{-q} K_ν(q)} is computed as {@code ∫_0^∞ exp(-q (1 + cosh t)) cosh(ν t) dt} by the
 * trapezoidal rule, which converges geometrically for this analytic, doubly-exponentially decaying
 * integrand and never underflows.
 *
 * <p>Reference: T. W. Anderson, D. A. Darling, "Asymptotic theory of certain goodness of fit
 * criteria based on stochastic processes", Ann. Math. Statist. 23, 1952.
 */
final class CramerVonMisesDistribution {

    private static final double PI15 = Math.pow(Math.PI, 1.5);

    private CramerVonMisesDistribution() {
    }

    static double cdfInf(double x) {
        double total = 0;
        for (int k = 0; ; k++) {
            double u = Math.exp(Gamma.logGamma(k + 0.5) - Gamma.logGamma(k + 1)) / (PI15 * Math.sqrt(x));
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double z = u * Math.sqrt(y) * scaledBesselK(0.25, q);
            total += z;
            if (!(Math.abs(z) >= 1e-7)) {
                return total;
            }
        }
    }

    /** {@code e^{-q} K_nu(q)} for q > 0. */
    static double scaledBesselK(double nu, double q) {
        double h = 0.02;
        double sum = 0.5 * Math.exp(-2 * q);
        for (int i = 1; ; i++) {
            double t = i * h;
            double f = Math.exp(-q * (1 + Math.cosh(t)) + nu * t) * 0.5 * (1 + Math.exp(-2 * nu * t));
            sum += f;
            if (f < 1e-20 * sum || f == 0) {
                break;
            }
        }
        return sum * h;
    }
}
