package dev.candor.fairness;

import java.util.List;
import java.util.Objects;

/**
 * An aggregate that compares groups (a difference or a ratio of a rate), with the pair of groups
 * behind it.
 *
 * <ul>
 *   <li>Privileged form (AIF360): {@code group} = the unprivileged groups pooled (their names joined
 *       with {@code |}), {@code reference} = the privileged group; difference = group − reference,
 *       ratio = group / reference.</li>
 *   <li>Between groups (fairlearn): difference = max − min with {@code group} = argmax and
 *       {@code reference} = argmin; ratio = min / max with {@code group} = argmin and
 *       {@code reference} = argmax.</li>
 *   <li>To overall (fairlearn): the group farthest from the whole population, {@code reference} =
 *       {@code "overall"}.</li>
 * </ul>
 * Groups whose value is undefined are left out of between-groups and to-overall aggregates and listed
 * in {@code skipped}, so the omission is disclosed. Composite indices that name no pair (Gini of the
 * group rates, between-group entropy) have null {@code group} and {@code reference}.
 *
 * @param value     the aggregate, NaN when undefined
 * @param reason    why it is undefined, or null
 * @param group     the group in the numerator or minuend, or null
 * @param reference the group in the denominator or subtrahend, or null
 * @param skipped   groups left out because their value is undefined (never null)
 * @since 0.1.0
 */
public record Comparison(double value, UndefinedReason reason, String group, String reference, List<String> skipped) {

    public Comparison {
        new MetricValue(value, reason); // validates the NaN/reason invariant
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }

    /**
     * @param value     the metric value
     * @param group     numerator / minuend group
     * @param reference denominator / subtrahend group
     * @param skipped   groups left out
     * @return the comparison
     */
    public static Comparison of(MetricValue value, String group, String reference, List<String> skipped) {
        return new Comparison(value.value(), value.reason(), group, reference, skipped);
    }

    /**
     * @param reason why no value exists
     * @return an undefined comparison without a pair
     */
    public static Comparison undefined(UndefinedReason reason) {
        return new Comparison(Double.NaN, reason, null, null, List.of());
    }

    /** @return the value and reason as a {@link MetricValue} */
    public MetricValue metricValue() {
        return new MetricValue(value, reason);
    }

    /** @return true when the value is defined */
    public boolean isDefined() {
        return reason == null;
    }
}
