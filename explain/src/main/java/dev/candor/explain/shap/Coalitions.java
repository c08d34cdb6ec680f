package dev.candor.explain.shap;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The coalitions of one KernelSHAP explanation and their kernel weights, in reusable flat arrays
 * (no object per coalition). {@link #plan} fills them following shap's KernelExplainer sampling
 * plan; {@link #enumerateAll} lists every proper non-empty coalition.
 *
 * <p>Not thread-safe: each worker owns one.
 */
final class Coalitions {

    /** Players of the current plan. */
    int players;
    /** Coalitions held. */
    int count;
    /** {@code masks[c * players + j] == 1} when player j is in coalition c. */
    byte[] masks = new byte[0];
    /** Kernel weight of each coalition (any positive scale). */
    double[] weights = new double[0];

    private int[] table = new int[0];
    private int tableMask;
    private int[] perm = new int[0];
    private byte[] draw = new byte[0];

    void reset(int m, int capacity) {
        players = m;
        count = 0;
        if (masks.length < (long) capacity * m) {
            masks = new byte[Math.multiplyExact(capacity, m)];
        }
        if (weights.length < capacity) {
            weights = new double[capacity];
        }
        if (perm.length < m) {
            perm = new int[m];
            draw = new byte[m];
        }
        for (int j = 0; j < m; j++) {
            perm[j] = j;
        }
        int size = Integer.highestOneBit(Math.max(4, capacity) * 2) * 2;
        if (table.length != size) {
            table = new int[size];
        }
        Arrays.fill(table, -1);
        tableMask = size - 1;
    }

    private int add(byte[] mask, double w) {
        System.arraycopy(mask, 0, masks, count * players, players);
        weights[count] = w;
        return count++;
    }

    private int hash(byte[] mask) {
        long h = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < players; j++) {
            h = (h ^ mask[j]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** Index of an earlier coalition equal to {@code mask}, or -1 after remembering {@code next} for it. */
    private int lookupOrInsert(byte[] mask, int next) {
        int slot = hash(mask) & tableMask;
        while (true) {
            int c = table[slot];
            if (c < 0) {
                table[slot] = next;
                return -1;
            }
            if (Arrays.equals(masks, c * players, c * players + players, mask, 0, players)) {
                return c;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    /**
     * Every coalition except the empty and the full one, with the Shapley kernel weight
     * {@code (M - 1) / (C(M, s) s (M - s))}.
     */
    void enumerateAll(int m) {
        int total = (1 << m) - 2;
        reset(m, Math.max(total, 1));
        double[] kw = new double[m];
        for (int s = 1; s < m; s++) {
            kw[s] = (m - 1.0) / (binomial(m, s) * s * (m - s));
        }
        for (int bits = 1; bits <= total; bits++) {
            int off = count * m;
            for (int j = 0; j < m; j++) {
                masks[off + j] = (byte) ((bits >>> j) & 1);
            }
            weights[count++] = kw[Integer.bitCount(bits)];
        }
    }

    /** Whether {@code nsamples} covers every proper non-empty coalition of {@code m} players. */
    static boolean exhaustive(int m, long nsamples) {
        return m <= 30 && nsamples >= (1L << m) - 2;
    }

    /**
     * shap's KernelExplainer sampling plan (shap v0.51.0, {@code KernelExplainer.explain}): subset
     * sizes are taken in pairs (s, M - s) from the outside in; a size pair is enumerated completely
     * while the remaining budget, spread by the Shapley kernel mass of the sizes still open, affords
     * every one of its coalitions; the remaining budget is drawn at random (size from the kernel mass
     * of the open sizes, then a uniform subset of that size, plus its complement), a repeated draw
     * adding 1 to the weight of the earlier coalition instead of a new row; the random part's weights
     * are finally rescaled to the kernel mass left by the enumerated sizes.
     *
     * @param m        players (at least 2)
     * @param nsamples the budget of coalitions (model evaluations per background row)
     * @param rng      this explanation's random stream
     */
    void plan(int m, int nsamples, SplittableRandom rng) {
        if (exhaustive(m, nsamples)) {
            enumerateAll(m);
            return;
        }
        reset(m, nsamples + 2);
        int numSubsetSizes = m / 2;            // ceil((M - 1) / 2)
        int numPairedSubsetSizes = (m - 1) / 2; // floor((M - 1) / 2)
        double[] weightVector = new double[numSubsetSizes];
        double sum = 0;
        for (int i = 1; i <= numSubsetSizes; i++) {
            double w = (m - 1.0) / (i * (double) (m - i));
            if (i <= numPairedSubsetSizes) {
                w *= 2;
            }
            weightVector[i - 1] = w;
            sum += w;
        }
        for (int i = 0; i < numSubsetSizes; i++) {
            weightVector[i] /= sum;
        }
        int numFullSubsets = 0;
        double samplesLeft = nsamples;
        double[] remaining = weightVector.clone();
        byte[] mask = draw;
        for (int size = 1; size <= numSubsetSizes; size++) {
            double nsubsets = binomial(m, size);
            boolean paired = size <= numPairedSubsetSizes;
            if (paired) {
                nsubsets *= 2;
            }
            if (samplesLeft * remaining[size - 1] / nsubsets >= 1.0 - 1e-8) {
                numFullSubsets++;
                samplesLeft -= nsubsets;
                if (remaining[size - 1] < 1.0) {
                    double r = 1 - remaining[size - 1];
                    for (int i = 0; i < remaining.length; i++) {
                        remaining[i] /= r;
                    }
                }
                double w = weightVector[size - 1] / binomial(m, size);
                if (paired) {
                    w /= 2.0;
                }
                enumerateSize(m, size, paired, w);
            } else {
                break;
            }
        }
        int nfixed = count;
        int left = nsamples - count;
        if (numFullSubsets != numSubsetSizes && left > 0) {
            int open = numSubsetSizes - numFullSubsets;
            double[] cum = new double[open];
            double tot = 0;
            for (int i = 0; i < open; i++) {
                int size = numFullSubsets + i + 1;
                double w = weightVector[size - 1];
                if (size <= numPairedSubsetSizes) {
                    w /= 2;
                }
                tot += w;
                cum[i] = tot;
            }
            long draws = 4L * left;
            long pos = 0;
            while (left > 0 && pos < draws) {
                pos++;
                double u = rng.nextDouble() * tot;
                int ind = 0;
                while (ind < open - 1 && u >= cum[ind]) {
                    ind++;
                }
                int size = ind + numFullSubsets + 1;
                Arrays.fill(mask, 0, m, (byte) 0);
                for (int i = 0; i < size; i++) {
                    int j = i + rng.nextInt(m - i);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    mask[perm[i]] = 1;
                }
                int earlier = lookupOrInsert(mask, count);
                boolean isNew = earlier < 0;
                if (isNew) {
                    earlier = add(mask, 1.0);
                    left--;
                } else {
                    weights[earlier] += 1.0;
                }
                if (left > 0 && size <= numPairedSubsetSizes) {
                    if (isNew) {
                        for (int j = 0; j < m; j++) {
                            mask[j] = (byte) (1 - mask[j]);
                        }
                        add(mask, 1.0);
                        left--;
                    } else {
                        weights[earlier + 1] += 1.0;
                    }
                }
            }
            double weightLeft = 0;
            for (int i = numFullSubsets; i < numSubsetSizes; i++) {
                weightLeft += weightVector[i];
            }
            double randomSum = 0;
            for (int c = nfixed; c < count; c++) {
                randomSum += weights[c];
            }
            if (randomSum > 0) {
                double scale = weightLeft / randomSum;
                for (int c = nfixed; c < count; c++) {
                    weights[c] *= scale;
                }
            }
        }
    }

    /** All subsets of {@code size} players in lexicographic order, each followed by its complement if paired. */
    private void enumerateSize(int m, int size, boolean paired, double w) {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        byte[] mask = draw;
        while (true) {
            Arrays.fill(mask, 0, m, (byte) 0);
            for (int i : idx) {
                mask[i] = 1;
            }
            add(mask, w);
            if (paired) {
                for (int j = 0; j < m; j++) {
                    mask[j] = (byte) (1 - mask[j]);
                }
                add(mask, w);
            }
            int i = size - 1;
            while (i >= 0 && idx[i] == m - size + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            idx[i]++;
            for (int k = i + 1; k < size; k++) {
                idx[k] = idx[k - 1] + 1;
            }
        }
    }

    /** The binomial coefficient as a double (exact for the sizes used here). */
    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return Math.rint(r);
    }
}
