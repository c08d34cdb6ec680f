package dev.candor.fairness;

import java.util.Objects;

/**
 * A metric's value, or {@code NaN} together with the reason it is undefined.
 *
 * <p>Invariant: {@code reason == null} exactly when {@code value} is not NaN. Infinite values are
 * never stored; a division by zero is recorded as NaN with a reason.
 *
 * @param value  the value, NaN when undefined
 * @param reason why the value is undefined, or {@code null} when it is defined
 * @since 0.1.0
 */
public record MetricValue(double value, UndefinedReason reason) {

    public MetricValue {
        if (Double.isNaN(value)) {
            Objects.requireNonNull(reason, "an undefined (NaN) value needs a reason");
        } else if (reason != null) {
            throw new IllegalArgumentException("a defined value (" + value + ") cannot carry a reason (" + reason + ")");
        } else if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("metric values must be finite or NaN with a reason, got " + value);
        }
    }

    /**
     * @param value a finite value
     * @return a defined metric value
     */
    public static MetricValue of(double value) {
        return new MetricValue(value, null);
    }

    /**
     * @param reason why there is no value
     * @return an undefined metric value (NaN)
     */
    public static MetricValue undefined(UndefinedReason reason) {
        return new MetricValue(Double.NaN, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * {@code numerator / denominator}, or undefined with {@code reason} when the denominator is zero.
     *
     * @param numerator   the numerator
     * @param denominator the denominator (a count or a sum of non-negative weights)
     * @param reason      the reason recorded when the denominator is zero
     * @return the quotient
     */
    public static MetricValue ratio(double numerator, double denominator, UndefinedReason reason) {
        if (denominator == 0.0) {
            return undefined(reason);
        }
        return of(numerator / denominator);
    }

    /** @return true when the value is defined (not NaN) */
    public boolean isDefined() {
        return reason == null;
    }

    @Override
    public String toString() {
        return isDefined() ? Double.toString(value) : "NaN (" + reason.key() + ")";
    }
}
