package dev.candor.explain.lime;

/**
 * How {@link LimeTabular} turns a continuous feature into bins before sampling.
 *
 * <p>The bin edges of a feature are computed from its training column and merged when they
 * coincide (as {@code np.unique} does in the reference), so a feature may end with fewer bins than
 * the method nominally makes. A value equal to an edge belongs to the lower bin
 * ({@code np.searchsorted(edges, v, side='left')}).
 *
 * <p>Reference: M. T. Ribeiro, S. Singh, C. Guestrin, "Why Should I Trust You?": Explaining the
 * Predictions of Any Classifier, KDD 2016, doi:10.1145/2939672.2939778; the {@code lime} package's
 * {@code lime/discretize.py} (version 0.2.0.1).
 *
 * @since 0.1.0
 */
public enum Discretization {

    /** Edges at the 25th, 50th and 75th percentiles (numpy linear interpolation); the default. */
    QUARTILE,

    /** Edges at the 10th, 20th, ..., 90th percentiles (numpy linear interpolation). */
    DECILE,

    /**
     * Edges at the split thresholds of a depth-3 decision tree grown on the feature alone with the
     * entropy criterion against the training labels (at most 8 bins); the median when the tree
     * makes no split. Needs training labels.
     */
    ENTROPY,

    /**
     * No discretization: continuous features are sampled from a normal distribution with the
     * training mean and standard deviation (or centred on the instance) and the explanation is
     * fitted on standardized values.
     */
    NONE
}
