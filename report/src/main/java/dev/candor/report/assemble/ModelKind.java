package dev.candor.report.assemble;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The classifiers {@code candor report} can train.
 *
 * @since 0.1.0
 */
public enum ModelKind {
    /** L2-penalised logistic regression on one-hot encoded, standardised features (the default). */
    LOGISTIC("logistic", "logistic regression"),
    /** Smile's random forest (100 trees, Gini splits, square-root feature sampling). */
    RANDOM_FOREST("random-forest", "random forest"),
    /** Smile's gradient tree boosting (100 trees of at most 6 leaves, shrinkage 0.1). */
    GRADIENT_BOOSTING("gradient-boosting", "gradient boosting");

    private final String cliName;
    private final String label;

    ModelKind(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** @return the name used on the command line, for example {@code random-forest} */
    public String cliName() {
        return cliName;
    }

    /** @return a readable name, for example {@code random forest} */
    public String label() {
        return label;
    }

    /**
     * @param name a command-line name (case-insensitive)
     * @return the kind
     * @throws IllegalArgumentException naming the accepted names if {@code name} is unknown
     */
    public static ModelKind fromName(String name) {
        for (ModelKind k : values()) {
            if (k.cliName.equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; use one of "
                + Arrays.stream(values()).map(ModelKind::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
