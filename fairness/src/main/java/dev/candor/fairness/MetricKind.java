package dev.candor.fairness;

/**
 * What a fairness metric measures, which fixes the suffix of its generated key, its ideal value and
 * its default acceptable band. This is the one place those defaults live.
 *
 * @since 0.1.0
 */
public enum MetricKind {
    /** A difference of rates; ideal 0, default band [−0.1, 0.1]. Key suffix {@code _difference}. */
    DIFFERENCE("difference", "_difference", 0.0, new Band(-0.1, 0.1)),
    /** A ratio of rates; ideal 1, default band the four-fifths rule [0.8, 1.25]. Key suffix {@code _ratio}. */
    RATIO("ratio", "_ratio", 1.0, Band.FOUR_FIFTHS),
    /** An inequality index (0 = equality); no default band. No key suffix. */
    INDEX("index", "", 0.0, Band.NONE);

    private final String key;
    private final String suffix;
    private final double ideal;
    private final Band band;

    MetricKind(String key, String suffix, double ideal, Band band) {
        this.key = key;
        this.suffix = suffix;
        this.ideal = ideal;
        this.band = band;
    }

    /** @return {@code difference}, {@code ratio} or {@code index}, as reports and charts name the kind */
    public String key() {
        return key;
    }

    /** @return the suffix a generated metric key ends with ({@code _difference}, {@code _ratio}, or none) */
    public String suffix() {
        return suffix;
    }

    /** @return the value of perfect parity: 0 for differences and indices, 1 for ratios */
    public double ideal() {
        return ideal;
    }

    /** @return the default acceptable band of a two-sided metric of this kind */
    public Band band() {
        return band;
    }
}
