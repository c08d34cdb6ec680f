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

    private static final java.lang.invoke.VarHandle BYTES_AS_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

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
        if (count == weights.length || (long) (count + 1) * players > masks.length) {
            int cap = Math.max(4, 2 * count);
            weights = Arrays.copyOf(weights, Math.max(cap, weights.length));
            masks = Arrays.copyOf(masks, Math.multiplyExact(cap, players));
        }
        System.arraycopy(mask, 0, masks, count * players, players);
        weights[count] = w;
        return count++;
    }

    private int hash(byte[] mask) {
        long h = 0x9E3779B97F4A7C15L;
        int j = 0;
        for (; j + 8 <= players; j += 8) { // eight 0/1 bytes mixed at once
            h = (h ^ (long) BYTES_AS_LONG.get(mask, j)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        for (; j < players; j++) {
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

    /**
     * Leverage SHAP's plan ({@link CoalitionSampling#LEVERAGE}): sizes uniform, subsets uniform within
     * a size, complementary pairs, without replacement. A "unit" is a coalition with its complement:
     * sizes s and M - s (s &lt; M / 2) share C(M, s) units; for even M the middle size has
     * C(M, M / 2) / 2 units (each coalition and its complement have the same size). Every size gets the
     * same number t of coalitions, capped at its count (water filling, the fractional remainder
     * going to the groups with the largest fractional parts), and each coalition of size s is weighted
     * by its Shapley kernel weight over its inclusion probability.
     *
     * @param m        players (at least 2)
     * @param nsamples the budget of coalitions
     * @param rng      this explanation's random stream
     */
    void planLeverage(int m, int nsamples, SplittableRandom rng) {
        if (exhaustive(m, nsamples)) {
            enumerateAll(m);
            return;
        }
        int paired = (m - 1) / 2;           // sizes 1..paired pair with M - s
        boolean middle = m % 2 == 0;        // size M / 2 pairs with itself
        int groups = paired + (middle ? 1 : 0);
        double[] cap = new double[groups];  // units available per group
        double[] share = new double[groups]; // units per coalition of each size at level t
        for (int g = 0; g < paired; g++) {
            cap[g] = binomial(m, g + 1);
            share[g] = 1.0;
        }
        if (middle) {
            cap[paired] = binomial(m, m / 2) / 2;
            share[paired] = 0.5;
        }
        long units = nsamples / 2;
        // f(t) = sum_g min(cap_g, share_g t) is increasing; find f(t) = units.
        double lo = 0;
        double hi = 2.0 * units + 2;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (int g = 0; g < groups; g++) {
                f += Math.min(cap[g], share[g] * mid);
            }
            if (f < units) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long[] k = new long[groups];
        double[] frac = new double[groups];
        long used = 0;
        for (int g = 0; g < groups; g++) {
            double a = Math.min(cap[g], share[g] * hi);
            k[g] = Math.min((long) Math.floor(a), (long) cap[g]);
            frac[g] = a - k[g];
            used += k[g];
        }
        while (used < units) {
            int best = -1;
            for (int g = 0; g < groups; g++) {
                if (k[g] < cap[g] && (best < 0 || frac[g] > frac[best])) {
                    best = g;
                }
            }
            if (best < 0) {
                break;
            }
            k[best]++;
            frac[best] = -1;
            used++;
        }
        while (used > units) { // rounding of hi from above
            int worst = -1;
            for (int g = 0; g < groups; g++) {
                if (k[g] > 0 && (worst < 0 || frac[g] < frac[worst])) {
                    worst = g;
                }
            }
            k[worst]--;
            frac[worst] = 2;
            used--;
        }
        reset(m, (int) (2 * used) + 2);
        for (int g = 0; g < groups; g++) {
            if (k[g] == 0) {
                continue;
            }
            int size = g + 1;
            boolean self = middle && g == paired;
            double kernel = (m - 1.0) / (binomial(m, size) * size * (double) (m - size));
            double w = kernel * cap[g] / k[g]; // kernel weight / inclusion probability k / cap
            sampleUnits(m, size, self, (int) k[g], (long) cap[g], w, rng);
        }
    }

    /**
     * Adds {@code k} distinct units (a coalition of {@code size} and its complement) drawn uniformly
     * without replacement from the {@code cap} units of that size, each coalition with weight w. For a
     * self-paired middle size a unit is represented by its member that contains player 0.
     */
    private void sampleUnits(int m, int size, boolean self, int k, long cap, double w, SplittableRandom rng) {
        byte[] mask = draw;
        if (k == cap) {
            enumerateSize(m, size, self, true, w);
            return;
        }
        if (2L * k > cap) {
            // dense: list every unit, keep a uniform k of them (partial Fisher-Yates over the units)
            int start = count;
            enumerateSize(m, size, self, true, w);
            int total = (count - start) / 2;
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(total - i);
                if (j != i) {
                    swapUnits(start + 2 * i, start + 2 * j);
                }
            }
            count = start + 2 * k;
            return;
        }
        int added = 0;
        while (added < k) {
            Arrays.fill(mask, 0, m, (byte) 0);
            if (self) {
                // player 0 in, size - 1 of players 1..m-1
                mask[0] = 1;
                for (int i = 0; i < m; i++) {
                    perm[i] = i;
                }
                for (int i = 1; i < size; i++) {
                    int j = i + rng.nextInt(m - i);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    mask[perm[i]] = 1;
                }
            } else {
                for (int i = 0; i < size; i++) {
                    int j = i + rng.nextInt(m - i);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    mask[perm[i]] = 1;
                }
            }
            if (lookupOrInsert(mask, count) >= 0) {
                continue; // already drawn: without replacement
            }
            add(mask, w);
            for (int j = 0; j < m; j++) {
                mask[j] = (byte) (1 - mask[j]);
            }
            add(mask, w);
            added++;
        }
    }

    private void swapUnits(int a, int b) {
        for (int r = 0; r < 2; r++) {
            int oa = (a + r) * players;
            int ob = (b + r) * players;
            for (int j = 0; j < players; j++) {
                byte t = masks[oa + j];
                masks[oa + j] = masks[ob + j];
                masks[ob + j] = t;
            }
            double t = weights[a + r];
            weights[a + r] = weights[b + r];
            weights[b + r] = t;
        }
    }

    /** All subsets of {@code size} players in lexicographic order, each followed by its complement if paired. */
    private void enumerateSize(int m, int size, boolean paired, double w) {
        enumerateSize(m, size, false, paired, w);
    }

    /**
     * All subsets of {@code size} players in lexicographic order, each followed by its complement if
     * paired; with {@code withPlayer0} only those that contain player 0 (one per complementary pair of
     * the middle size).
     */
    private void enumerateSize(int m, int size, boolean withPlayer0, boolean paired, double w) {
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
            if (i < 0 || (withPlayer0 && i == 0)) {
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
