package dev.candor.models;

import dev.candor.core.Provenance;
import dev.candor.datasets.Feature;
import dev.candor.explain.Model;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A regressor trained by {@link RegressorTrainer}: it predicts the numeric target from rows of the
 * training data's own features (numeric values as they are, categorical features as level codes, as
 * {@link dev.candor.datasets.Dataset#x()} holds them), so explainers treat each feature, categorical
 * or not, as one player. As a {@link Model} its output is the predicted value itself (what lime calls
 * regression mode: no class probability).
 *
 * <p>Immutable; predictions may run from several threads at once.
 *
 * @since 0.1.0
 */
public final class TrainedRegressor implements Model {

    private final String name;
    private final RegressorKind kind;
    private final Map<String, String> settings;
    private final Provenance provenance;
    private final List<Feature> features;
    private final String target;
    private final Function<double[][], double[]> model;

    TrainedRegressor(String name, RegressorKind kind, Map<String, String> settings, Provenance provenance,
                     List<Feature> features, String target, Function<double[][], double[]> model) {
        this.name = name;
        this.kind = kind;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.provenance = provenance;
        this.features = List.copyOf(features);
        this.target = target;
        this.model = model;
    }

    /** @return a short description, for example {@code "linear regression"} */
    public String name() {
        return name;
    }

    /** @return the regressor kind */
    public RegressorKind kind() {
        return kind;
    }

    /** @return the training settings */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return what trained this regressor, on which data */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the features a row holds, in order */
    public List<Feature> features() {
        return features;
    }

    /** @return the name of the predicted target */
    public String target() {
        return target;
    }

    /**
     * @param rows rows of feature values (categorical features as level codes)
     * @return the predicted target per row
     * @throws IllegalArgumentException if a row has the wrong width or a categorical code is not a level
     */
    @Override
    public double[] predict(double[][] rows) {
        int m = features.size();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("rows: row " + i + " has " + rows[i].length
                        + " values, the regressor expects " + m + " features");
            }
            for (int f = 0; f < m; f++) {
                Feature ft = features.get(f);
                double v = rows[i][f];
                if (ft.isCategorical() && (v != Math.rint(v) || v < 0 || v >= ft.levels().size())) {
                    throw new IllegalArgumentException("rows: row " + i + ", feature '" + ft.name() + "' has code "
                            + v + ", not one of its " + ft.levels().size() + " levels");
                }
            }
        }
        return model.apply(rows);
    }

    @Override
    public String toString() {
        return "TrainedRegressor[" + name + ", " + settings + "]";
    }
}
