package dev.candor.monitor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one drift test on one feature.
 *
 * <ul>
 *   <li>{@code value} is what Evidently reports for the test: the p-value of a test, or the
 *       distance itself; {@code drift} compares it with {@code threshold} by the test's
 *       {@link DriftRule};</li>
 *   <li>{@code statistic} is the test statistic (for a distance, the distance; for TVD the total
 *       variation distance, whose p-value is the value);</li>
 *   <li>{@code pValue} is the p-value of a test, {@code NaN} for a distance;</li>
 *   <li>where the test is undefined on this input, {@code value} is {@code NaN}, {@code drift} is
 *       {@code false} and {@link #undefined()} gives the reason;</li>
 *   <li>{@code warnings} carry what the reference library warns about (for example the capped
 *       Anderson–Darling significance level).</li>
 * </ul>
 *
 * @param test      the test
 * @param statistic the test statistic, or {@code NaN}
 * @param pValue    the p-value, or {@code NaN} for a distance or an undefined result
 * @param value     the reported value (p-value or distance), or {@code NaN} if undefined
 * @param threshold the threshold the value was compared with
 * @param drift     whether the value means drift ({@code false} when undefined)
 * @param reason    why the test is undefined, or {@code null}
 * @param warnings  notes about the value, possibly empty
 * @since 0.1.0
 */
public record DriftResult(DriftTest test, double statistic, double pValue, double value, double threshold,
        boolean drift, UndefinedReason reason, List<String> warnings) {

    /** Validates and copies the warnings. */
    public DriftResult {
        Objects.requireNonNull(test, "test");
        warnings = List.copyOf(warnings);
        if (reason != null && drift) {
            throw new IllegalArgumentException("an undefined result cannot flag drift");
        }
    }

    static DriftResult of(DriftTest test, double statistic, double pValue, double value, double threshold,
            List<String> warnings) {
        return new DriftResult(test, statistic, pValue, value, threshold,
                test.rule().drifted(value, threshold), null, warnings);
    }

    static DriftResult undefined(DriftTest test, double threshold, UndefinedReason reason) {
        return new DriftResult(test, Double.NaN, Double.NaN, Double.NaN, threshold, false, reason, List.of());
    }

    /** @return the reason the test is undefined on this input, if it is */
    public Optional<UndefinedReason> undefined() {
        return Optional.ofNullable(reason);
    }

    /** @return whether the test has a value */
    public boolean defined() {
        return reason == null;
    }

    /** @return a copy compared with another threshold */
    public DriftResult withThreshold(double newThreshold) {
        if (reason != null) {
            return undefined(test, newThreshold, reason);
        }
        return new DriftResult(test, statistic, pValue, value, newThreshold,
                test.rule().drifted(value, newThreshold), null, warnings);
    }
}
