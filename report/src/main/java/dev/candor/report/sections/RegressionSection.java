package dev.candor.report.sections;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a regressor's errors fall on each group: the error metrics overall and by group with
 * fairlearn's aggregates (the {@code performance} block of {@code candor audit --task regression},
 * with bootstrap intervals where computed), the {@code <metric>_<aggregate>} keys a policy bounds, and
 * the residuals drawn per group.
 *
 * <p>A residual is \(y - \hat y\), the observed minus the predicted value: positive where the model
 * predicts too low.
 *
 * @param target      the predicted column
 * @param text        what was measured, in a sentence or two
 * @param columns     the metrics shown in the tables, in order (every metric is in {@code performance})
 * @param performance the performance block (see {@code dev.candor.report.PerformanceJson})
 * @param metrics     per attribute, the aggregates under their policy names
 * @param residuals   per attribute, the residual plots' data
 * @since 0.1.0
 */
public record RegressionSection(String target, String text, List<Column> columns, JsonNode performance,
                                Map<String, JsonNode> metrics, List<Residuals> residuals) {

    public RegressionSection {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
        columns = List.copyOf(columns);
        Objects.requireNonNull(performance, "performance");
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        residuals = List.copyOf(residuals);
    }

    /**
     * A metric column of the tables.
     *
     * @param key  the metric key (scikit-learn's function name without {@code _score})
     * @param name its display name
     */
    public record Column(String key, String name) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The residuals of one attribute's groups: a scatter of residual against prediction (at most
     * {@code shown[g]} of the group's {@code counts[g]} rows, drawn with the seed when there are more)
     * and the residual density of every row of each group over shared bins.
     *
     * @param attribute   the attribute
     * @param groups      its groups
     * @param counts      rows per group
     * @param predictions predictions[g] of the plotted rows
     * @param residuals   residuals[g] of the plotted rows, y − ŷ
     * @param edges       the residual bins' edges (k + 1, ascending)
     * @param density     density[g][bin], area 1 per non-empty group
     */
    public record Residuals(String attribute, List<String> groups, long[] counts, double[][] predictions,
                            double[][] residuals, double[] edges, double[][] density) {
        public Residuals {
            Objects.requireNonNull(attribute, "attribute");
            groups = List.copyOf(groups);
        }
    }
}
