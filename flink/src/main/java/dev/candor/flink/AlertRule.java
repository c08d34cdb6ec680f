package dev.candor.flink;

import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.Severity;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bound on one value of the window object, addressed by its dotted path (for example
 * {@code fairness.age_group.metrics.disparate_impact} or {@code features.age.mean}). A window breaches
 * the rule when the value is strictly below {@code lower} or strictly above {@code upper}; a missing,
 * {@code null} or {@code NaN} value never breaches (the window object already says why it is
 * undefined).
 *
 * <p>Written on the command line as {@code path=lower:upper[:severity]}, either bound may be empty:
 * {@code fairness.age_group.metrics.disparate_impact=0.8:1.25:critical}, {@code features.age.mean=:45}.
 *
 * @param path     the dotted path of the watched value
 * @param lower    the lower bound, {@code NaN} for none
 * @param upper    the upper bound, {@code NaN} for none
 * @param severity the severity of a breach
 * @since 0.2.0
 */
public record AlertRule(String path, double lower, double upper, Severity severity) implements Serializable {

    /** Validates the rule. */
    public AlertRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        if (Double.isNaN(lower) && Double.isNaN(upper)) {
            throw new IllegalArgumentException("rule '" + path + "' has neither a lower nor an upper bound");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("rule '" + path + "': lower bound " + lower + " above upper bound " + upper);
        }
    }

    /**
     * @param text {@code path=lower:upper[:severity]}
     * @return the rule
     * @throws IllegalArgumentException naming the text when it cannot be read
     */
    public static AlertRule parse(String text) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--threshold '" + text + "': expected path=lower:upper[:severity]");
        }
        String[] parts = text.substring(eq + 1).split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("--threshold '" + text + "': expected path=lower:upper[:severity]");
        }
        try {
            return new AlertRule(text.substring(0, eq).trim(), bound(parts[0]), bound(parts[1]),
                    parts.length == 3 ? Severity.parse(parts[2]) : Severity.WARNING);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold '" + text + "': a bound is not a number", e);
        }
    }

    private static double bound(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }

    /**
     * @param window    the window object
     * @param windowKey the window's key
     * @param labels    labels for the alert (model, segment)
     * @return the alert when the window breaches the rule
     */
    public Optional<Alert> check(Map<String, Object> window, String windowKey, Map<String, String> labels) {
        Object v = window;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            v = m.get(part);
        }
        if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
            return Optional.empty();
        }
        double x = n.doubleValue();
        if (x < lower || x > upper) {
            return Optional.of(new Alert("threshold", path, windowKey, x, lower, upper, severity, labels));
        }
        return Optional.empty();
    }
}
