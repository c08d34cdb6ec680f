package dev.candor.monitor;

/**
 * Which of the two samples a value, count or error belongs to: the reference (what the model learned
 * from, or a healthy period) or the current sample (what it sees now).
 *
 * @since 0.1.0
 */
public enum Side {
    /** The reference sample. */
    REFERENCE("reference"),
    /** The current sample. */
    CURRENT("current");

    private final String key;

    Side(String key) {
        this.key = key;
    }

    /** @return the lower-case name used in messages and JSON ({@code reference}, {@code current}) */
    public String key() {
        return key;
    }
}
