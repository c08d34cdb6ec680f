package dev.candor.datasets;

import java.util.SplittableRandom;

/**
 * The row indices of {@link Dataset#split}: within each label class, the rows are shuffled with a
 * {@link SplittableRandom} seeded with the seed (class 0 first, then class 1, each a Fisher-Yates
 * shuffle) and the first {@code round(testFraction * n_class)} go to the test part; both parts keep
 * the original row order.
 */
final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * @return {@code {train, test}} row indices, each in increasing order
     * @throws IllegalArgumentException if {@code testFraction} is not strictly between 0 and 1
     */
    static int[][] indices(int[] labels, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction: must be in (0, 1), got " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] inTest = new boolean[labels.length];
        for (int cls = 0; cls <= 1; cls++) {
            final int c = cls;
            int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
            for (int i = idx.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            int nTest = (int) Math.round(testFraction * idx.length);
            for (int k = 0; k < nTest; k++) {
                inTest[idx[k]] = true;
            }
        }
        int nTest = 0;
        for (boolean b : inTest) {
            nTest += b ? 1 : 0;
        }
        int[] test = new int[nTest];
        int[] train = new int[labels.length - nTest];
        int a = 0;
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            if (inTest[i]) {
                test[a++] = i;
            } else {
                train[c++] = i;
            }
        }
        return new int[][] {train, test};
    }
}
