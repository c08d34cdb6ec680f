package dev.candor.monitor;

/**
 * The kind of a feature, which decides the tests that apply to it (Evidently's {@code num} and
 * {@code cat} column types).
 *
 * @since 0.1.0
 */
public enum FeatureKind {
    /** Real-valued: compared as numbers (KS, Wasserstein, ...) or, with few values, as categories. */
    NUMERIC("numeric"),
    /** Labels: compared by their counts. */
    CATEGORICAL("categorical");

    private final String key;

    FeatureKind(String key) {
        this.key = key;
    }

    /** @return {@code numeric} or {@code categorical}, as in the {@code candor drift} JSON */
    public String key() {
        return key;
    }
}
