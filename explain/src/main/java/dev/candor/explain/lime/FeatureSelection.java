package dev.candor.explain.lime;

/**
 * How {@link LimeTabular} picks the features of the local surrogate when it may use at most
 * {@code numFeatures} of them. Mirrors {@code feature_selection} of the reference
 * ({@code lime/lime_base.py}, version 0.2.0.1).
 *
 * @since 0.1.0
 */
public enum FeatureSelection {

    /** Every feature is used, whatever {@code numFeatures} says. */
    NONE,

    /**
     * Greedy forward selection: repeatedly add the feature whose unregularized weighted least
     * squares fit (with intercept) has the highest weighted R²; ties go to the lowest feature
     * index. Costs {@code numFeatures * M} small fits.
     */
    FORWARD_SELECTION,

    /**
     * Fit a weighted ridge (alpha 0.01) on all features and keep the {@code numFeatures} with the
     * largest |coefficient × value of the explained row| in the fitted representation (ties keep
     * the lower index).
     */
    HIGHEST_WEIGHTS,

    /** {@link #FORWARD_SELECTION} when {@code numFeatures <= 6}, else {@link #HIGHEST_WEIGHTS}. */
    AUTO
}
