package dev.candor.datasets;

import java.util.Objects;

/**
 * Rows a loader removed by one of its documented rules, for example "a '?' in any column".
 * Nothing is dropped silently: every rule that removed rows is listed with its count in
 * {@link Dataset#dropped()} and {@link DatasetSummary#dropped()}.
 *
 * @param rule  the rule, as text a reader can check against the loader's documentation
 * @param count how many rows it removed (zero allowed, for rules that are applied but removed nothing)
 * @since 0.1.0
 */
public record DroppedRows(String rule, int count) {

    /** @throws IllegalArgumentException if the rule is blank or the count negative */
    public DroppedRows {
        Objects.requireNonNull(rule, "rule");
        if (rule.isBlank()) {
            throw new IllegalArgumentException("rule: a drop rule needs a description");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: must be >= 0, got " + count);
        }
    }
}
