package dev.candor.monitor;

import java.util.Arrays;

/**
 * Sorts doubles (no NaN; {@code -0.0} already read as {@code 0.0}) in ascending order by an LSD
 * radix sort over their IEEE-754 bit patterns mapped to order-preserving unsigned keys (sign bit
 * flipped for positives, every bit flipped for negatives): six passes of 11 bits, a pass skipped
 * when every key has the same digit there (common for the exponent bits of data in a narrow range).
 * Linear time, so sorting each numeric column once (the cost of every rank and ECDF statistic) does
 * not dominate a drift analysis. Below {@link #THRESHOLD} values it defers to {@link Arrays#sort}.
 * The result equals {@code Arrays.sort}'s for such input.
 */
final class RadixSort {

    /** Sizes below which the comparison sort is faster. */
    static final int THRESHOLD = 2048;
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int PASSES = 6;

    private RadixSort() {
    }

    static void sort(double[] a) {
        int n = a.length;
        if (n < THRESHOLD) {
            Arrays.sort(a);
            return;
        }
        long[] k = new long[n];
        long[] t = new long[n];
        int[][] counts = new int[PASSES][RADIX];
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToRawLongBits(a[i]);
            b ^= (b >> 63) | Long.MIN_VALUE;
            k[i] = b;
            for (int d = 0; d < PASSES; d++) {
                counts[d][(int) ((b >>> (d * BITS)) & (RADIX - 1))]++;
            }
        }
        for (int d = 0; d < PASSES; d++) {
            int[] c = counts[d];
            int shift = d * BITS;
            if (c[(int) ((k[0] >>> shift) & (RADIX - 1))] == n) {
                continue;
            }
            int sum = 0;
            for (int j = 0; j < RADIX; j++) {
                int v = c[j];
                c[j] = sum;
                sum += v;
            }
            for (int i = 0; i < n; i++) {
                long b = k[i];
                t[c[(int) ((b >>> shift) & (RADIX - 1))]++] = b;
            }
            long[] swap = k;
            k = t;
            t = swap;
        }
        for (int i = 0; i < n; i++) {
            long b = k[i];
            a[i] = Double.longBitsToDouble(b ^ (((~b) >> 63) | Long.MIN_VALUE));
        }
    }
}
