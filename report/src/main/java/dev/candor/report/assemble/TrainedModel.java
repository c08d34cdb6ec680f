package dev.candor.report.assemble;

import dev.candor.explain.Model;
import java.util.Map;
import java.util.Objects;

/**
 * A classifier trained for a report: the probability of the favorable label for rows of the
 * dataset's raw feature matrix (categoricals as level codes), and how it was made.
 *
 * @param kind       the kind of classifier
 * @param model      P(favorable | x) for raw feature rows; thread-safe
 * @param parameters the settings it was trained with
 * @since 0.1.0
 */
public record TrainedModel(ModelKind kind, Model model, Map<String, String> parameters) {

    public TrainedModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        parameters = Map.copyOf(parameters);
    }
}
