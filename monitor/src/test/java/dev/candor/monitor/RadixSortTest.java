package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The radix sort orders doubles exactly as {@link Arrays#sort(double[])} does. */
class RadixSortTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 1e-300, -1e300};

    @Property(tries = 60)
    void sortsLikeArraysSort(@ForAll @IntRange(min = 0, max = 20_000) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (r.nextInt(4)) {
                case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(-30, 30));
                case 1 -> r.nextInt(-50, 50);
                case 2 -> SPECIAL[r.nextInt(SPECIAL.length)];
                default -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            };
        }
        double[] expected = a.clone();
        Arrays.sort(expected);
        RadixSort.sort(a);
        assertThat(a).containsExactly(expected);
    }
}
