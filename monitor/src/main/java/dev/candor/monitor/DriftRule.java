package dev.candor.monitor;

/**
 * How a test's value is compared with its threshold to flag drift. p-value tests flag small values,
 * distances flag large ones; the strictness of each comparison is Evidently's, per test.
 *
 * @since 0.1.0
 */
public enum DriftRule {
    /** Drift if {@code value <= threshold} ({@code ks}, {@code cramer_von_mises}). */
    AT_MOST {
        @Override
        public boolean drifted(double value, double threshold) {
            return value <= threshold;
        }
    },
    /** Drift if {@code value < threshold} (most p-value tests). */
    BELOW {
        @Override
        public boolean drifted(double value, double threshold) {
            return value < threshold;
        }
    },
    /** Drift if {@code value >= threshold} (distances). */
    AT_LEAST {
        @Override
        public boolean drifted(double value, double threshold) {
            return value >= threshold;
        }
    },
    /** Drift if {@code value > threshold} ({@code ed}). */
    ABOVE {
        @Override
        public boolean drifted(double value, double threshold) {
            return value > threshold;
        }
    };

    /**
     * @param value     the test's value (not NaN)
     * @param threshold the threshold
     * @return whether the value means drift
     */
    public abstract boolean drifted(double value, double threshold);
}
