package dev.candor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The radix sort orders doubles exactly as {@link Arrays#sort(double[])} does, and with a payload it is
 * a stable sort: the naive reference is a stable comparison sort of (value, row) pairs.
 */
class RadixSortTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 1e-300, -1e300};

    /** Mixed data: wide and narrow ranges, many ties, special values, arbitrary bit patterns. */
    private static double[] data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        int shape = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            a[i] = switch (shape == 0 ? r.nextInt(4) : shape == 1 ? 1 : 4) {
                case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(-30, 30));
                case 1 -> r.nextInt(-50, 50);
                case 2 -> SPECIAL[r.nextInt(SPECIAL.length)];
                case 3 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
                default -> r.nextDouble(); // one exponent range: large buckets after the first pass
            };
        }
        return a;
    }

    @Property(tries = 60)
    void sortsLikeArraysSort(@ForAll @IntRange(min = 0, max = 20_000) int n, @ForAll long seed) {
        double[] a = data(n, seed);
        double[] expected = a.clone();
        Arrays.sort(expected);
        RadixSort.sort(a);
        assertThat(a).containsExactly(expected);
    }

    @Property(tries = 60)
    void carriesThePayloadStably(@ForAll @IntRange(min = 0, max = 20_000) int n, @ForAll long seed) {
        double[] a = data(n, seed);
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] values = a.clone();
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i])); // stable (merge sort)
        RadixSort.sort(a, rows);
        for (int i = 0; i < n; i++) {
            assertThat(rows[i]).as("row at %d", i).isEqualTo((double) order[i]);
            assertThat(a[i]).isEqualTo(values[order[i]]);
        }
    }

    @Test
    void largeArrayWithFewDistinctValuesKeepsRowOrderWithinTies() {
        int n = 100_000;
        double[] a = new double[n];
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (i * 7919) % 13;
            rows[i] = i;
        }
        RadixSort.sort(a, rows);
        for (int i = 1; i < n; i++) {
            assertThat(a[i - 1] < a[i] || (a[i - 1] == a[i] && rows[i - 1] < rows[i])).isTrue();
        }
    }

    @Test
    void refusesMismatchedLengths() {
        assertThatThrownBy(() -> RadixSort.sort(new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values but 2");
    }

    @Property(tries = 80)
    void orderIsTheStableComparisonSortOfPositions(@ForAll @IntRange(min = 0, max = 6000) int n,
                                                   @ForAll long seed, @ForAll boolean descending) {
        double[] a = data(n, seed);
        SplittableRandom r = new SplittableRandom(seed ^ 1);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(50) == 0) {
                // NaNs of several bit patterns: Double.compare takes them as one value, the largest
                a[i] = Double.longBitsToDouble(0x7ff0000000000001L + r.nextInt(1000)) * (r.nextBoolean() ? 1 : -1);
            }
        }
        double[] before = a.clone();
        Integer[] expected = new Integer[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
        }
        Comparator<Integer> up = (x, y) -> Double.compare(a[x], a[y]);
        Arrays.sort(expected, descending ? (x, y) -> Double.compare(a[y], a[x]) : up);
        int[] got = RadixSort.order(a, descending);
        assertThat(got).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        assertThat(a).isEqualTo(before);
    }

    @Property(tries = 40)
    void stableByFromTheLastKeyToTheFirstSortsByAllKeys(@ForAll @IntRange(min = 0, max = 3000) int n,
                                                        @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        for (int i = 0; i < n; i++) {
            k1[i] = r.nextInt(5) * 0.25;
            k2[i] = r.nextInt(3) - 1;
            k3[i] = r.nextBoolean() ? 0.0 : -0.0;
        }
        Integer[] expected = new Integer[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
        }
        Arrays.sort(expected, Comparator.<Integer>comparingDouble(i -> k1[i]).thenComparingDouble(i -> k2[i])
                .thenComparing((x, y) -> Double.compare(k3[x], k3[y])));
        int[] got = new int[n];
        for (int i = 0; i < n; i++) {
            got[i] = i;
        }
        RadixSort.stableBy(got, k3);
        RadixSort.stableBy(got, k2);
        RadixSort.stableBy(got, k1);
        assertThat(got).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }

    @Property(tries = 40)
    void sortedAndNearlySortedInputsEndAsArraysSortOrdersThem(@ForAll @IntRange(min = 2048, max = 9000) int n,
                                                              @ForAll long seed, @ForAll boolean swapOne) {
        double[] a = data(n, seed);
        a[n / 2] = 0.0;
        a[n / 3] = -0.0;
        Arrays.sort(a);
        if (swapOne) {
            // one adjacent pair out of order, possibly -0.0 after 0.0, which compare equal with ==
            SplittableRandom r = new SplittableRandom(seed);
            int i = r.nextInt(n - 1);
            double t = a[i];
            a[i] = a[i + 1];
            a[i + 1] = t;
        }
        double[] expected = a.clone();
        Arrays.sort(expected);
        RadixSort.sort(a);
        assertThat(a).isEqualTo(expected);
    }
}
