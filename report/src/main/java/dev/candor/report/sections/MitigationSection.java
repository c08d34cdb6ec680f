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
 * @param tradeOffDescription how the methods of {@code tradeOff} were compared (empty when there is no table)
 * @param tradeOff    several mitigations side by side on the same test rows (may be empty)
 * @since 0.1.0
 */
public record MitigationSection(String method, String attribute, String description, List<ComparisonRow> rows,
                                String tradeOffDescription, List<TradeOffRow> tradeOff) {

    public MitigationSection {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(description, "description");
        rows = List.copyOf(rows);
        tradeOffDescription = tradeOffDescription == null ? "" : tradeOffDescription;
        tradeOff = tradeOff == null ? List.of() : List.copyOf(tradeOff);
    }

    /**
     * A section with the before/after table only.
     *
     * @param method      the mitigation
     * @param attribute   the protected attribute
     * @param description what it does
     * @param rows        the compared metrics
     */
    public MitigationSection(String method, String attribute, String description, List<ComparisonRow> rows) {
        this(method, attribute, description, rows, "", List.of());
    }

    /**
     * @param description how the methods were compared
     * @param rows        one row per method
     * @return this section with a trade-off table of several mitigations on the same test rows
     */
    public MitigationSection withTradeOff(String description, List<TradeOffRow> rows) {
        return new MitigationSection(method, attribute, this.description, this.rows, description, rows);
    }

    /**
     * One mitigation in the trade-off table: accuracy against fairness on the same test rows, each value
     * with the bounds of its bootstrap interval (NaN when there is none).
     *
     * @param method                  the method
     * @param accuracy                accuracy
     * @param accuracyLower           its interval's lower bound
     * @param accuracyUpper           its interval's upper bound
     * @param balancedAccuracy        balanced accuracy
     * @param balancedAccuracyLower   lower bound
     * @param balancedAccuracyUpper   upper bound
     * @param statisticalParityDifference           SR_u − SR_p
     * @param statisticalParityDifferenceLower      lower bound
     * @param statisticalParityDifferenceUpper      upper bound
     * @param equalizedOddsDifference               the larger of the TPR and FPR gaps
     * @param equalizedOddsDifferenceLower          lower bound
     * @param equalizedOddsDifferenceUpper          upper bound
     */
    public record TradeOffRow(String method, double accuracy, double accuracyLower, double accuracyUpper,
                              double balancedAccuracy, double balancedAccuracyLower, double balancedAccuracyUpper,
                              double statisticalParityDifference, double statisticalParityDifferenceLower,
                              double statisticalParityDifferenceUpper, double equalizedOddsDifference,
                              double equalizedOddsDifferenceLower, double equalizedOddsDifferenceUpper) {
        public TradeOffRow {
            Objects.requireNonNull(method, "method");
        }
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
