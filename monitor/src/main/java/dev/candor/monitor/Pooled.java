package dev.candor.monitor;

/**
 * The distinct values of two sorted numeric samples, ascending, with each sample's multiplicity of
 * each value. Every rank and ECDF statistic (KS, Wasserstein, energy, Anderson–Darling,
 * Mann–Whitney, Cramér–von Mises) is one pass over these runs, so ties are handled exactly and the
 * samples are sorted once.
 */
final class Pooled {

    final double[] values;
    final int[] ref;
    final int[] cur;
    final int nRef;
    final int nCur;
    /** Weight of each distinct value per sample, and each sample's total weight (null / NaN unweighted). */
    final double[] wRef;
    final double[] wCur;
    final double totalRef;
    final double totalCur;

    private Pooled(double[] values, int[] ref, int[] cur, int nRef, int nCur) {
        this(values, ref, cur, nRef, nCur, null, null, Double.NaN, Double.NaN);
    }

    private Pooled(double[] values, int[] ref, int[] cur, int nRef, int nCur, double[] wRef, double[] wCur,
            double totalRef, double totalCur) {
        this.values = values;
        this.ref = ref;
        this.cur = cur;
        this.nRef = nRef;
        this.nCur = nCur;
        this.wRef = wRef;
        this.wCur = wCur;
        this.totalRef = totalRef;
        this.totalCur = totalCur;
    }

    /** Weighted samples: a, b sorted, wa, wb their weights; weights are summed per distinct value in order. */
    static Pooled of(double[] a, double[] wa, double[] b, double[] wb) {
        Pooled p = of(a, b);
        double[] sr = new double[p.size()];
        double[] sc = new double[p.size()];
        int i = 0;
        int j = 0;
        for (int k = 0; k < p.size(); k++) {
            for (int q = 0; q < p.ref[k]; q++) {
                sr[k] += wa[i++];
            }
            for (int q = 0; q < p.cur[k]; q++) {
                sc[k] += wb[j++];
            }
        }
        double tr = 0;
        double tc = 0;
        for (int k = 0; k < p.size(); k++) {
            tr += sr[k];
            tc += sc[k];
        }
        return new Pooled(p.values, p.ref, p.cur, p.nRef, p.nCur, sr, sc, tr, tc);
    }

    boolean weighted() {
        return wRef != null;
    }

    static Pooled of(double[] a, double[] b) {
        int n = a.length + b.length;
        double[] vals = new double[n];
        int[] ra = new int[n];
        int[] rb = new int[n];
        int i = 0;
        int j = 0;
        int k = -1;
        while (i < a.length || j < b.length) {
            double v;
            if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                v = a[i];
            } else {
                v = b[j];
            }
            k++;
            vals[k] = v;
            while (i < a.length && a[i] == v) {
                ra[k]++;
                i++;
            }
            while (j < b.length && b[j] == v) {
                rb[k]++;
                j++;
            }
        }
        int d = k + 1;
        if (d == n) {
            // every value distinct (continuous data): the arrays are already the right size
            return new Pooled(vals, ra, rb, a.length, b.length);
        }
        return new Pooled(java.util.Arrays.copyOf(vals, d), java.util.Arrays.copyOf(ra, d),
                java.util.Arrays.copyOf(rb, d), a.length, b.length);
    }

    int size() {
        return values.length;
    }

    /** Number of distinct values that occur in the reference. */
    int distinctReference() {
        int c = 0;
        for (int r : ref) {
            if (r > 0) {
                c++;
            }
        }
        return c;
    }
}
