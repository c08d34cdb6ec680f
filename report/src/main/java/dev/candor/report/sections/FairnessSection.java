package dev.candor.report.sections;

import java.util.List;
import java.util.Objects;

/**
 * Every group fairness metric for each protected attribute, with its confidence interval, its
 * significance and the policy's acceptable band, and the individual (benefit-based) indices.
 *
 * @param confidenceLevel the level of the confidence intervals, for example 0.95
 * @param attributes      one entry per protected attribute
 * @param individual      the individual fairness indices over all evaluated rows
 * @since 0.1.0
 */
public record FairnessSection(double confidenceLevel, List<AttributeFairness> attributes, List<MetricRow> individual) {

    public FairnessSection {
        attributes = List.copyOf(attributes);
        individual = List.copyOf(individual);
    }

    /**
     * The metrics of one attribute.
     *
     * @param attribute    the attribute
     * @param privileged   the privileged group (null for between-groups forms only)
     * @param unprivileged the unprivileged groups, pooled for the privileged-versus-unprivileged metrics
     * @param metrics      the metrics, in the order shown
     */
    public record AttributeFairness(String attribute, String privileged, List<String> unprivileged,
                                    List<MetricRow> metrics) {
        public AttributeFairness {
            Objects.requireNonNull(attribute, "attribute");
            unprivileged = List.copyOf(unprivileged);
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * One metric's value with its uncertainty and its policy band.
     *
     * @param key       the metric's key (the AIF360 / fairlearn function name)
     * @param name      a readable name
     * @param kind      {@code difference}, {@code ratio} or {@code index}
     * @param value     the value (NaN when undefined)
     * @param ciLow     the confidence interval's low end (NaN when not computed)
     * @param ciHigh    its high end
     * @param pValue    the p-value of the test of no disparity (NaN when not computed)
     * @param boundLow  the policy's lowest acceptable value (NaN: no bound)
     * @param boundHigh the policy's highest acceptable value (NaN: no bound)
     * @param status    {@code pass}, {@code fail}, {@code info} (no bound) or {@code undefined}
     * @param reason    why the value is undefined (null when defined)
     */
    public record MetricRow(String key, String name, String kind, double value, double ciLow, double ciHigh,
                            double pValue, double boundLow, double boundHigh, String status, String reason) {
        public MetricRow {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(status, "status");
        }
    }
}
