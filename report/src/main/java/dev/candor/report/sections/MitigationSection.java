package dev.candor.report.sections;

import java.util.List;
import java.util.Objects;

/**
 * A mitigation's effect: the same model trained without and with the mitigation (for example
 * reweighing, Kamiran and Calders 2012, doi:10.1007/s10115-011-0463-8), compared metric by metric
 * on the same test rows.
 *
 * @param method      the mitigation, for example {@code reweighing}
 * @param attribute   the protected attribute it targets
 * @param description what it does, in a sentence
 * @param rows        the compared metrics (accuracy first)
 * @since 0.1.0
 */
public record MitigationSection(String method, String attribute, String description, List<ComparisonRow> rows) {

    public MitigationSection {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(description, "description");
        rows = List.copyOf(rows);
    }

    /**
     * One metric before and after.
     *
     * @param key    the metric key
     * @param name   a readable name
     * @param before the value without mitigation
     * @param after  the value with mitigation
     * @param change after - before (NaN when either is undefined)
     */
    public record ComparisonRow(String key, String name, double before, double after, double change) {
        public ComparisonRow {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
        }

        /**
         * @param key    the metric key
         * @param name   a readable name
         * @param before the value without mitigation
         * @param after  the value with mitigation
         * @return the row, with its change computed
         */
        public static ComparisonRow of(String key, String name, double before, double after) {
            return new ComparisonRow(key, name, before, after, after - before);
        }
    }
}
