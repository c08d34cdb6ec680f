package dev.candor.explain;

import java.util.SplittableRandom;

/**
 * Derives the random stream of one explained row from the explainer's seed and the row's index,
 * so that the same seed gives the same output whatever the call order or the number of threads.
 *
 * <p>The stream's seed is the SplitMix64 finalizer applied to {@code seed + (index + 1) * golden},
 * with golden = 0x9E3779B97F4A7C15 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014, doi:10.1145/2660193.2660195), which decorrelates neighbouring indices.
 *
 * @since 0.1.0
 */
public final class RowRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private RowRandom() {
    }

    /**
     * @param seed  the explainer's seed
     * @param index the row's index in the batch being explained (0 for a single row)
     * @return a fresh random stream for that row
     */
    public static SplittableRandom forRow(long seed, long index) {
        return new SplittableRandom(mix(seed + (index + 1) * GOLDEN));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
