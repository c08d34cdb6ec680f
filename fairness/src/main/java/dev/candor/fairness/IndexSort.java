package dev.candor.fairness;

/**
 * Sorts row indices by a value without boxing: a stable least-significant-digit radix sort.
 *
 * <p>Each value becomes a 64-bit key whose unsigned order is the order of the doubles (sign bit
 * flipped for non-negatives, all bits flipped for negatives; −0.0 is taken as 0.0 so that it ties with
 * it, as {@code ==} does). Six passes of 11-bit digits move key and index together, reading and
 * writing sequentially; passes whose digit is the same for every key are skipped (scores in [0, 1]
 * share their top bits). A comparison sort through {@code values[index]} instead costs a cache miss
 * per comparison, about ten times slower at 10⁷ rows.
 */
final class IndexSort {

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private IndexSort() {
    }

    /**
     * @param values the sort keys (no NaN)
     * @return the indices {@code 0..n-1} ordered by ascending value; ties keep index order
     */
    static int[] byValue(double[] values) {
        int n = values.length;
        long[] ka = new long[n];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            double v = values[i] == 0 ? 0.0 : values[i];
            long bits = Double.doubleToRawLongBits(v);
            ka[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
            a[i] = i;
        }
        long[] kb = new long[n];
        int[] b = new int[n];
        int[] count = new int[RADIX];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((ka[i] >>> shift) & (RADIX - 1))]++;
            }
            if (n == 0 || count[(int) ((ka[0] >>> shift) & (RADIX - 1))] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((ka[i] >>> shift) & (RADIX - 1));
                int to = count[d]++;
                kb[to] = ka[i];
                b[to] = a[i];
            }
            long[] kt = ka;
            ka = kb;
            kb = kt;
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
