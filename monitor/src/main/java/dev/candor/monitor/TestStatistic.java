package dev.candor.monitor;

import java.util.List;

/**
 * A statistic with its p-value (or {@code NaN} for a distance) and any warning, as computed by one
 * of the statistic classes before a threshold is applied.
 *
 * @param statistic the statistic
 * @param pValue    the p-value or {@code NaN}
 * @param warnings  notes about the value
 */
record TestStatistic(double statistic, double pValue, List<String> warnings) {

    static TestStatistic of(double statistic, double pValue) {
        return new TestStatistic(statistic, pValue, List.of());
    }
}
