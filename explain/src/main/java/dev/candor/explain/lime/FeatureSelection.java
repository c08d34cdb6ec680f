package dev.candor.explain.lime;

import java.util.Arrays;

/**
 * How {@link LimeTabular} picks the features of the local surrogate when it may use at most
 * {@code numFeatures} of them. Mirrors {@code feature_selection} of the reference
 * ({@code lime/lime_base.py}, version 0.2.0.1).
 *
 * @since 0.1.0
 */
public enum FeatureSelection {

    /** Every feature is used, whatever {@code numFeatures} says. */
    NONE {
        @Override
        int[] select(WeightedRidge.Moments mo, double[] shiftX, int k) {
            return all(mo.m);
        }
    },

    /**
     * Greedy forward selection: repeatedly add the feature whose unregularized weighted least
     * squares fit (with intercept) has the highest weighted R²; ties go to the lowest feature
     * index. Costs {@code numFeatures * M} small fits.
     */
    FORWARD_SELECTION {
        @Override
        int[] select(WeightedRidge.Moments mo, double[] shiftX, int k) {
            int m = mo.m;
            int[] used = new int[0];
            boolean[] taken = new boolean[m];
            for (int step = 0; step < k; step++) {
                double best = -1e8;
                int bestFeature = -1;
                for (int j = 0; j < m; j++) {
                    if (taken[j]) {
                        continue;
                    }
                    int[] trial = Arrays.copyOf(used, used.length + 1);
                    trial[used.length] = j;
                    double score = WeightedRidge.fit(mo, trial, 0).score();
                    if (bestFeature < 0 || score > best) {
                        if (bestFeature < 0 || !Double.isNaN(score)) {
                            best = Double.isNaN(score) ? best : score;
                            bestFeature = j;
                        }
                    }
                }
                taken[bestFeature] = true;
                used = Arrays.copyOf(used, used.length + 1);
                used[used.length - 1] = bestFeature;
            }
            return used;
        }
    },

    /**
     * Fit a weighted ridge (alpha 0.01) on all features and keep the {@code numFeatures} with the
     * largest |coefficient × value of the explained row| in the fitted representation (ties keep
     * the lower index).
     */
    HIGHEST_WEIGHTS {
        @Override
        int[] select(WeightedRidge.Moments mo, double[] shiftX, int k) {
            int m = mo.m;
            int[] all = all(m);
            if (k >= m) {
                return all;
            }
            WeightedRidge.Fit f = WeightedRidge.fit(mo, all, 0.01);
            Integer[] order = new Integer[m];
            double[] key = new double[m];
            for (int j = 0; j < m; j++) {
                order[j] = j;
                key[j] = Math.abs(f.coef()[j] * shiftX[j]);
            }
            Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
            int[] out = new int[k];
            for (int r = 0; r < k; r++) {
                out[r] = order[r];
            }
            return out;
        }
    },

    /** {@link #FORWARD_SELECTION} when {@code numFeatures <= 6}, else {@link #HIGHEST_WEIGHTS}. */
    AUTO {
        @Override
        int[] select(WeightedRidge.Moments mo, double[] shiftX, int k) {
            return (k <= 6 ? FORWARD_SELECTION : HIGHEST_WEIGHTS).select(mo, shiftX, k);
        }
    };

    /**
     * Chooses the surrogate's features.
     *
     * @param mo     the neighbourhood's symmetrized moments
     * @param shiftX the explained row in the surrogate's representation
     * @param k      the most features to keep, in [1, M]
     * @return the chosen feature indices
     */
    abstract int[] select(WeightedRidge.Moments mo, double[] shiftX, int k);

    private static int[] all(int m) {
        int[] all = new int[m];
        for (int j = 0; j < m; j++) {
            all[j] = j;
        }
        return all;
    }
}
