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

    private Pooled(double[] values, int[] ref, int[] cur, int nRef, int nCur) {
        this.values = values;
        this.ref = ref;
        this.cur = cur;
        this.nRef = nRef;
        this.nCur = nCur;
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
