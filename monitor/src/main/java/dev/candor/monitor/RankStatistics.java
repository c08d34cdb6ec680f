package dev.candor.monitor;

import java.util.List;

/**
 * Two-sample statistics over the pooled runs of distinct values: Kolmogorov–Smirnov,
 * Wasserstein-1, energy distance, Mann–Whitney U, Anderson–Darling k-sample and Cramér–von Mises,
 * with scipy 1.10's definitions (ties exact, midranks, no jitter).
 */
final class RankStatistics {

    /** scipy's switch from the exact to the asymptotic KS distribution. */
    static final int KS_EXACT_MAX_N = 10_000;

    private static final double[] AD_CRITICAL = {0.32500000000000007, 1.226, 1.9609999999999999, 2.718, 3.752,
        4.592, 6.546};
    /** Quadratic fitted by scipy to log(significance) against the critical values above (k = 2). */
    private static final double[] AD_POLY = {0.018198094574111343, -1.0082265644652515, -1.077770279820486};

    private RankStatistics() {
    }

    /** Result of {@link #ks}: D, p, and whether the exact distribution was used. */
    record Ks(double d, double p, boolean exact, int kstwoN) {
    }

    /**
     * scipy {@code ks_2samp(ref, cur)}, two-sided. {@code auto}: exact for max(n) <= 10,000.
     *
     * @param forceAsymptotic use the asymptotic distribution whatever the sizes
     */
    static Ks ks(Pooled p, boolean forceAsymptotic) {
        int n1 = p.nRef;
        int n2 = p.nCur;
        double maxS = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        long c1 = 0;
        long c2 = 0;
        for (int j = 0; j < p.size(); j++) {
            c1 += p.ref[j];
            c2 += p.cur[j];
            double diff = (double) c1 / n1 - (double) c2 / n2;
            if (diff > maxS) {
                maxS = diff;
            }
            if (diff < minDiff) {
                minDiff = diff;
            }
        }
        double minS = Math.max(0.0, Math.min(1.0, -minDiff));
        return ksOfStatistic(minS > maxS ? minS : maxS, n1, n2, forceAsymptotic);
    }

    /**
     * The p-value of a two-sample KS statistic D with scipy's {@code ks_2samp} rules (exact for
     * max(n) <= 10,000 unless forced asymptotic; the exact method first rounds D to a multiple of 1/lcm).
     */
    static Ks ksOfStatistic(double d, int n1, int n2, boolean forceAsymptotic) {
        boolean exact = !forceAsymptotic && Math.max(n1, n2) <= KS_EXACT_MAX_N;
        if (exact) {
            int g = gcd(n1, n2);
            long lcm = (long) (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            d = h * 1.0 / lcm;
            double prob = h == 0 ? 1.0 : KsDistribution.exactTwoSided(n1, n2, g, h);
            if (prob >= 0 && prob <= 1) {
                return new Ks(d, prob, true, 0);
            }
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        int kn = (int) Math.rint(en);
        return new Ks(d, Math.max(0, Math.min(1, KsDistribution.kstwoSf(kn, d))), false, kn);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** scipy {@code wasserstein_distance} (p = 1) or, with {@code power = 2}, the root of the L2 CDF distance. */
    static double cdfDistance(Pooled p, int power) {
        int last = p.size() - 1;
        double[] terms = new double[Math.max(last, 0)];
        long c1 = 0;
        long c2 = 0;
        for (int j = 0; j < last; j++) {
            c1 += p.ref[j];
            c2 += p.cur[j];
            double diff = (double) c1 / p.nRef - (double) c2 / p.nCur;
            double delta = p.values[j + 1] - p.values[j];
            terms[j] = power == 1 ? Math.abs(diff) * delta : diff * diff * delta;
        }
        double s = NumpySum.sum(terms);
        return power == 1 ? s : Math.sqrt(s);
    }

    /** scipy {@code energy_distance}: sqrt(2) times the L2 CDF distance. */
    static double energy(Pooled p) {
        return Math.sqrt(2) * cdfDistance(p, 2);
    }

    /** scipy {@code mannwhitneyu(ref, cur)}, normal approximation with continuity correction. */
    static TestStatistic mannWhitney(Pooled p, boolean twoSided) {
        long n1 = p.nRef;
        long n2 = p.nCur;
        long n = n1 + n2;
        double r1 = 0;
        long before = 0;
        long tieTerm = 0;
        for (int j = 0; j < p.size(); j++) {
            long t = (long) p.ref[j] + p.cur[j];
            double midrank = before + (t + 1) / 2.0;
            r1 += p.ref[j] * midrank;
            tieTerm += t * t * t - t;
            before += t;
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = n1 * n2 - u1;
        double u = twoSided ? Math.max(u1, u2) : u2;
        double mu = n1 * n2 / 2.0;
        double s = Math.sqrt(n1 * n2 / 12.0 * ((n + 1) - tieTerm / (double) (n * (n - 1))));
        double z = (u - mu - 0.5) / s;
        double pv = Special.normalSf(z);
        if (twoSided) {
            pv *= 2;
        }
        return TestStatistic.of(u1, Math.max(0, Math.min(1, pv)));
    }

    /** scipy {@code anderson_ksamp([ref, cur])} (midrank form), with its capped significance level. */
    static TestStatistic andersonDarling(Pooled p) {
        int k = 2;
        double nTot = (double) p.nRef + p.nCur;
        long bigN = (long) p.nRef + p.nCur;
        double a2kn = 0;
        int[][] samples = {p.ref, p.cur};
        int[] sizes = {p.nRef, p.nCur};
        for (int i = 0; i < k; i++) {
            double[] inner = new double[p.size()];
            long before = 0;
            long cumI = 0;
            for (int j = 0; j < p.size(); j++) {
                long lj = (long) p.ref[j] + p.cur[j];
                double bj = before + lj / 2.0;
                cumI += samples[i][j];
                double mij = cumI - samples[i][j] / 2.0;
                double num = nTot * mij - bj * sizes[i];
                inner[j] = lj / nTot * num * num / (bj * (nTot - bj) - nTot * lj / 4.0);
                before += lj;
            }
            a2kn += NumpySum.sum(inner) / sizes[i];
        }
        a2kn *= (nTot - 1.0) / nTot;
        double bigH = 1.0 / p.nRef + 1.0 / p.nCur;
        // hs_cs = cumsum(1/(N-1), 1/(N-2), ..., 1/2); h = hs_cs[-1] + 1; g = sum(hs_cs / (2..N-1))
        double cs = 0;
        double g = 0;
        int idx = 2;
        for (long v = bigN - 1; v >= 2; v--) {
            cs += 1.0 / v;
            g += cs / idx;
            idx++;
        }
        double h = cs + 1;
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * bigH + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        double sigmasq = (a * nTot * nTot * nTot + b * nTot * nTot + c * nTot + d)
                / ((nTot - 1.) * (nTot - 2.) * (nTot - 3.));
        double a2 = (a2kn - (k - 1)) / Math.sqrt(sigmasq);
        if (a2 < AD_CRITICAL[0]) {
            return new TestStatistic(a2, 0.25,
                    List.of("p-value capped: true value larger than 0.25"));
        }
        if (a2 > AD_CRITICAL[AD_CRITICAL.length - 1]) {
            return new TestStatistic(a2, 0.001,
                    List.of("p-value floored: true value smaller than 0.001"));
        }
        double logp = (AD_POLY[0] * a2 + AD_POLY[1]) * a2 + AD_POLY[2];
        return TestStatistic.of(a2, Math.exp(logp));
    }

    /** Result of {@link #cramerVonMises}: T, p, and the intermediate U and tn. */
    record Cvm(double t, double p, double u, double tn) {
    }

    /** Evidently's copy of scipy's two-sample Cramér–von Mises test (method auto; not tie-corrected). */
    static Cvm cramerVonMises(Pooled p) {
        long nx = p.nRef;
        long ny = p.nCur;
        double[] sx = new double[p.nRef];
        double[] sy = new double[p.nCur];
        long before = 0;
        int ix = 0;
        int iy = 0;
        for (int j = 0; j < p.size(); j++) {
            long t = (long) p.ref[j] + p.cur[j];
            double r = before + (t + 1) / 2.0;
            for (int q = 0; q < p.ref[j]; q++) {
                double dlt = r - (ix + 1);
                sx[ix++] = dlt * dlt;
            }
            for (int q = 0; q < p.cur[j]; q++) {
                double dlt = r - (iy + 1);
                sy[iy++] = dlt * dlt;
            }
            before += t;
        }
        double u = nx * NumpySum.sum(sx) + ny * NumpySum.sum(sy);
        long k = nx * ny;
        long bigN = nx + ny;
        double t = u / ((double) k * bigN) - (4.0 * k - 1) / (6.0 * bigN);
        if (Math.max(nx, ny) <= CVM_EXACT_MAX_N) {
            return new Cvm(t, cvmExactPValue(u, (int) nx, (int) ny), u, Double.NaN);
        }
        return asymptoticCvm(t, u, bigN, nx, ny, k);
    }

    /** Largest sample size for which scipy's {@code method='auto'} uses the exact CvM distribution. */
    static final int CVM_EXACT_MAX_N = 20;

    /**
     * scipy 1.10's {@code _pval_cvm_2samp_exact(s, m, n)}: the exact probability that U is at least
     * {@code s}, by counting the lattice paths from (0, 0) to (n, m) with Xiao, Gordon and Yakovlev's
     * recursion (J. Stat. Soft. 17(8), 2006): each path's statistic is a sum of
     * {@code (a v - b u)^2} over the points it visits, {@code a = lcm/m}, {@code b = lcm/n}; the
     * threshold is {@code ζ = lcm² (m+n) (6s - mn(4mn-1)) // (6 m² n²)} in Python float floor
     * division, and p = #paths with statistic ≥ ζ / C(m+n, m).
     */
    static double cvmExactPValue(double s, int m, int n) {
        long g = gcd(m, n);
        long lcm = (long) m / g * n;
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long) m * n;
        double zeta = pyFloorDiv(lcm * lcm * (m + n) * (6 * s - mn * (4 * mn - 1)), 6.0 * mn * mn);
        // gs.get(v): statistic value -> number of paths reaching (u, v)
        java.util.List<java.util.Map<Long, Long>> gs = new java.util.ArrayList<>();
        gs.add(java.util.Map.of(0L, 1L));
        for (int v = 1; v <= m; v++) {
            gs.add(java.util.Map.of());
        }
        for (int u = 0; u <= n; u++) {
            java.util.List<java.util.Map<Long, Long>> next = new java.util.ArrayList<>();
            java.util.Map<Long, Long> tmp = new java.util.HashMap<>();
            for (int v = 0; v <= m; v++) {
                java.util.Map<Long, Long> merged = new java.util.HashMap<>(tmp);
                gs.get(v).forEach((val, c) -> merged.merge(val, c, Long::sum));
                long d = a * v - b * u;
                java.util.Map<Long, Long> shifted = new java.util.HashMap<>();
                merged.forEach((val, c) -> shifted.put(val + d * d, c));
                tmp = shifted;
                next.add(tmp);
            }
            gs = next;
        }
        long count = 0;
        for (java.util.Map.Entry<Long, Long> e : gs.get(m).entrySet()) {
            if (e.getKey() >= zeta) {
                count += e.getValue();
            }
        }
        return (double) count / (double) binomial(m + n, m);
    }

    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** CPython's float floor division ({@code float_floor_div}). */
    static double pyFloorDiv(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return floordiv;
    }

    private static Cvm asymptoticCvm(double t, double u, long bigN, long nx, long ny, long k) {
        double et = (1 + 1.0 / bigN) / 6;
        double vt = (bigN + 1.0) * (double) (4 * k * bigN - 3 * (nx * nx + ny * ny) - 2 * k);
        vt = vt / (45.0 * bigN * bigN * 4 * k);
        double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
        double pv = tn < 0.003 ? 1.0 : Math.max(0, 1.0 - CramerVonMisesDistribution.cdfInf(tn));
        return new Cvm(t, pv, u, tn);
    }
}
