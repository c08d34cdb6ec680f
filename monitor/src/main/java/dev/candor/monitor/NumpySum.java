package dev.candor.monitor;

/**
 * Summation in numpy's order (pairwise with an eight-way unrolled block of at most 128 values), so
 * that sums over bins and categories agree with the reference implementation to the last bit where
 * the inputs agree. A plain loop differs only in the last bits; this exists because the golden
 * files quote Python's values and some p-values amplify the last bits of a statistic.
 */
final class NumpySum {

    private static final int BLOCK = 128;

    private NumpySum() {
    }

    static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int b = from + i;
                r0 += a[b];
                r1 += a[b + 1];
                r2 += a[b + 2];
                r3 += a[b + 3];
                r4 += a[b + 4];
                r5 += a[b + 5];
                r6 += a[b + 6];
                r7 += a[b + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }
}
