package dev.candor.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sorts doubles in ascending order in linear time, optionally carrying a second array along (a
 * weight per value), stably: values that compare equal keep their input order, with their payload.
 *
 * <p>Each double becomes a 64-bit key whose unsigned order is the order of {@link Double#compare}
 * (sign bit flipped for non-negatives, every bit flipped for negatives), so {@code -0.0} sorts just
 * before {@code 0.0} and the result equals {@link Arrays#sort(double[])}'s. NaN is not expected (callers
 * drop missing values first). Large arrays take one most-significant-digit pass on the top 16 bits
 * (sign, exponent and the first four mantissa bits), which leaves buckets that fit in cache, then a
 * least-significant-digit sort of the remaining 48 bits inside each bucket (12-bit digits, a pass
 * skipped when every key of the bucket shares its digit, as with integer-valued data). Against six
 * 11-bit LSD passes over the whole array this reads and scatters the array out of cache once instead
 * of six times. Small buckets are finished by a comparison sort of the keys (values only) or a stable
 * insertion sort (with a payload).
 *
 * <p>Stateless and thread-safe; every call allocates its own scratch arrays.
 *
 * <p>Reference: D. E. Knuth, <i>The Art of Computer Programming</i>, vol. 3, 2nd ed., Addison-Wesley
 * 1998, §5.2.5 (sorting by distribution).
 *
 * @since 0.1.0
 */
public final class RadixSort {

    /** Sizes below which {@link Arrays#sort(double[])} is faster than any radix pass. */
    static final int THRESHOLD = 2048;
    private static final int TOP_BITS = 16;
    private static final int LOW_BITS = 64 - TOP_BITS;
    private static final int DIGIT = 12;
    private static final int SMALL_DIGIT = 8;
    /** Buckets up to this size are finished by a comparison (or insertion) sort. */
    private static final int SMALL_BUCKET = 256;
    private static final int INSERTION = 32;

    private RadixSort() {
    }

    /**
     * Sorts in place, ascending; the result equals {@link Arrays#sort(double[])}'s.
     *
     * @param a the values, no NaN
     */
    public static void sort(double[] a) {
        Objects.requireNonNull(a, "a");
        if (a.length < THRESHOLD) {
            Arrays.sort(a);
            return;
        }
        if (ascending(a)) {
            return; // one read instead of the passes: samples often arrive sorted
        }
        long[] k = keys(a);
        sortKeys(k, null);
        values(k, a);
    }

    /**
     * Sorts {@code a} in place, ascending and stably, applying the same permutation to
     * {@code payload}: among equal values the payloads keep their input order.
     *
     * @param a       the values, no NaN
     * @param payload one entry per value (a weight, say)
     * @throws IllegalArgumentException when the lengths differ
     */
    public static void sort(double[] a, double[] payload) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(payload, "payload");
        if (payload.length != a.length) {
            throw new IllegalArgumentException(a.length + " values but " + payload.length + " payload entries");
        }
        long[] k = keys(a);
        long[] p = new long[a.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Double.doubleToRawLongBits(payload[i]);
        }
        sortKeys(k, p);
        values(k, a);
        for (int i = 0; i < p.length; i++) {
            payload[i] = Double.longBitsToDouble(p[i]);
        }
    }

    /**
     * The positions of {@code a} in ascending order of {@link Double#compare} (−0.0 before 0.0, NaN
     * last), stably: positions of equal values keep their order. The same permutation as a stable
     * comparison sort of boxed positions by {@code Double.compare(a[i], a[j])}, in linear time and
     * without boxing.
     *
     * @param a the values (not changed)
     * @return the positions {@code 0..n-1}, ordered
     */
    public static int[] order(double[] a) {
        return order(a, false);
    }

    /**
     * The positions of {@code a} ordered by {@link Double#compare}, ascending or descending (NaN first
     * when descending, as {@code Double.compare(a[j], a[i])} puts it), stably: positions of equal values
     * keep their order either way.
     *
     * @param a          the values (not changed)
     * @param descending largest first
     * @return the positions {@code 0..n-1}, ordered
     */
    public static int[] order(double[] a, boolean descending) {
        Objects.requireNonNull(a, "a");
        int n = a.length;
        long[] k = new long[n];
        long[] p = new long[n];
        long flip = descending ? -1L : 0L;
        for (int i = 0; i < n; i++) {
            // every NaN as the one NaN, which Double.compare puts last
            k[i] = key(Double.doubleToLongBits(a[i])) ^ flip;
            p[i] = i;
        }
        sortKeys(k, p);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) p[i];
        }
        return out;
    }

    /**
     * Re-orders {@code positions} stably by {@code key[positions[i]]} (ascending {@link Double#compare}
     * order): for sorting by several keys, apply it from the last key to the first.
     *
     * @param positions positions into {@code key}, re-ordered in place
     * @param key       the sort key of each position
     */
    public static void stableBy(int[] positions, double[] key) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(key, "key");
        double[] k = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            k[i] = key[positions[i]];
        }
        int[] o = order(k);
        int[] copy = positions.clone();
        for (int i = 0; i < positions.length; i++) {
            positions[i] = copy[o[i]];
        }
    }

    /** @return whether {@code a} is already in the order of {@link Double#compare} */
    private static boolean ascending(double[] a) {
        for (int i = 1; i < a.length; i++) {
            if (Double.compare(a[i - 1], a[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] keys(double[] a) {
        long[] k = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            k[i] = key(Double.doubleToRawLongBits(a[i]));
        }
        return k;
    }

    /** @return a key whose unsigned order is the order of the doubles' bits under {@link Double#compare} */
    private static long key(long bits) {
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static void values(long[] k, double[] a) {
        for (int i = 0; i < k.length; i++) {
            long b = k[i];
            a[i] = Double.longBitsToDouble(b ^ (((~b) >> 63) | Long.MIN_VALUE));
        }
    }

    /** Sorts unsigned keys (and their payload, when not null) in place, stably. */
    private static void sortKeys(long[] k, long[] p) {
        int n = k.length;
        if (n < 2) {
            return;
        }
        long[] tk = new long[n];
        long[] tp = p == null ? null : new long[n];
        if (n < THRESHOLD) {
            lsd(k, p, tk, tp, 0, n, 64, SMALL_DIGIT, new int[(64 / SMALL_DIGIT) << SMALL_DIGIT]);
            return;
        }
        // one MSD pass on the top bits, from k into tk
        int buckets = 1 << TOP_BITS;
        int[] start = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            start[(int) (k[i] >>> LOW_BITS) + 1]++;
        }
        for (int j = 0; j < buckets; j++) {
            start[j + 1] += start[j];
        }
        int[] next = Arrays.copyOf(start, buckets);
        for (int i = 0; i < n; i++) {
            long b = k[i];
            int to = next[(int) (b >>> LOW_BITS)]++;
            tk[to] = b;
            if (p != null) {
                tp[to] = p[i];
            }
        }
        // each bucket sorted on the low bits inside tk, with k as scratch
        int[] counts = new int[(LOW_BITS / DIGIT) << DIGIT];
        int[] smallCounts = new int[(LOW_BITS / SMALL_DIGIT) << SMALL_DIGIT];
        for (int j = 0; j < buckets; j++) {
            int lo = start[j];
            int hi = start[j + 1];
            int m = hi - lo;
            if (m < 2) {
                continue;
            }
            if (m <= SMALL_BUCKET && p == null) {
                // keys of one bucket share their top bits, so signed order is unsigned order here
                Arrays.sort(tk, lo, hi);
            } else if (m <= INSERTION) {
                insertion(tk, tp, lo, hi);
            } else if (m < THRESHOLD) {
                lsd(tk, tp, k, p, lo, hi, LOW_BITS, SMALL_DIGIT, smallCounts);
            } else {
                lsd(tk, tp, k, p, lo, hi, LOW_BITS, DIGIT, counts);
            }
        }
        System.arraycopy(tk, 0, k, 0, n);
        if (p != null) {
            System.arraycopy(tp, 0, p, 0, n);
        }
    }

    /** Stable insertion sort of {@code x[lo, hi)} by unsigned key (keys of one bucket: signed order). */
    private static void insertion(long[] x, long[] px, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long v = x[i];
            long pv = px == null ? 0 : px[i];
            int j = i - 1;
            while (j >= lo && Long.compareUnsigned(x[j], v) > 0) {
                x[j + 1] = x[j];
                if (px != null) {
                    px[j + 1] = px[j];
                }
                j--;
            }
            x[j + 1] = v;
            if (px != null) {
                px[j + 1] = pv;
            }
        }
    }

    /**
     * Stable LSD sort of {@code x[lo, hi)} on its lowest {@code bits} bits, digit by digit, with
     * {@code t} as scratch over the same range; the result ends in {@code x}.
     */
    private static void lsd(long[] x, long[] px, long[] t, long[] pt, int lo, int hi, int bits, int digit,
            int[] counts) {
        int radix = 1 << digit;
        int mask = radix - 1;
        int passes = (bits + digit - 1) / digit;
        Arrays.fill(counts, 0, passes << digit, 0);
        for (int i = lo; i < hi; i++) {
            long b = x[i];
            for (int d = 0; d < passes; d++) {
                counts[(d << digit) + (int) ((b >>> (d * digit)) & mask)]++;
            }
        }
        int m = hi - lo;
        long[] src = x;
        long[] dst = t;
        long[] psrc = px;
        long[] pdst = pt;
        for (int d = 0; d < passes; d++) {
            int base = d << digit;
            int shift = d * digit;
            if (counts[base + (int) ((src[lo] >>> shift) & mask)] == m) {
                continue;
            }
            int sum = lo;
            for (int j = 0; j < radix; j++) {
                int v = counts[base + j];
                counts[base + j] = sum;
                sum += v;
            }
            if (psrc == null) {
                for (int i = lo; i < hi; i++) {
                    long b = src[i];
                    dst[counts[base + (int) ((b >>> shift) & mask)]++] = b;
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    long b = src[i];
                    int to = counts[base + (int) ((b >>> shift) & mask)]++;
                    dst[to] = b;
                    pdst[to] = psrc[i];
                }
            }
            long[] s = src;
            src = dst;
            dst = s;
            s = psrc;
            psrc = pdst;
            pdst = s;
        }
        if (src != x) {
            System.arraycopy(src, lo, x, lo, m);
            if (px != null) {
                System.arraycopy(psrc, lo, px, lo, m);
            }
        }
    }
}
