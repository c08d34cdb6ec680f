package dev.candor.monitor.alert;

import java.util.Map;
import java.util.Objects;

/**
 * One breached monitoring rule in one window: what was watched, the value seen and the bound it
 * crossed. Immutable; the unit every alert channel delivers.
 *
 * @param rule     the policy rule's key as written in the policy file (for example {@code drift.share},
 *                 {@code performance.accuracy}, {@code fairness.disparate_impact})
 * @param metric   the watched metric's name (for example {@code accuracy}, {@code age_group.disparate_impact})
 * @param window   the window's key (for example {@code 2014Q1} or {@code [10000:14999]})
 * @param value    the value the window produced
 * @param lower    the lower bound, or {@code NaN} when there is none
 * @param upper    the upper bound, or {@code NaN} when there is none
 * @param severity how serious the breach is
 * @param labels   extra identifying labels (model, feature, attribute, group), possibly empty
 * @since 0.2.0
 */
public record Alert(String rule, String metric, String window, double value, double lower, double upper,
        Severity severity, Map<String, String> labels) {

    /** Validates and copies the labels. */
    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(severity, "severity");
        labels = Map.copyOf(labels);
    }

    /** @return a one-line human description, e.g. {@code accuracy = 0.54 below 0.5518 in [40000:44999]} */
    public String describe() {
        String bound;
        if (!Double.isNaN(lower) && value < lower) {
            bound = "below " + lower;
        } else if (!Double.isNaN(upper) && value > upper) {
            bound = "above " + upper;
        } else {
            bound = "outside [" + lower + ", " + upper + "]";
        }
        return metric + " = " + value + " " + bound + " in " + window;
    }
}
