package dev.candor.fairness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percentile bootstrap confidence intervals of named statistics.
 *
 * @param intervals          the interval of each statistic, by name, in the order given
 * @param undefinedResamples for each statistic, how many resamples gave an undefined (NaN) value;
 *                           those are left out of its percentiles
 * @param resamples          the number of resamples
 * @param level              the confidence level
 * @param seed               the seed
 * @param method             how resamples were drawn (see {@link BootstrapSample#method()})
 * @since 0.1.0
 */
public record BootstrapResult(Map<String, ConfidenceInterval> intervals, Map<String, Integer> undefinedResamples,
                              int resamples, double level, long seed, String method) {

    public BootstrapResult {
        intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        undefinedResamples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(undefinedResamples));
    }

    /**
     * @param name a statistic's name
     * @return its interval
     * @throws IllegalArgumentException if no statistic has that name
     */
    public ConfidenceInterval interval(String name) {
        ConfidenceInterval ci = intervals.get(name);
        if (ci == null) {
            throw new IllegalArgumentException("no bootstrap interval for '" + name + "'; have " + List.copyOf(intervals.keySet()));
        }
        return ci;
    }
}
