package dev.candor.cli;

import dev.candor.models.ClassifierKind;
import dev.candor.models.RegressorKind;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of {@code candor report --model}: each command-line name and the {@link ClassifierKind}
 * it trains. Picocli lists the names in the help ({@link Names}) and refuses any other value while
 * parsing ({@link Converter}), naming the bad value and the choices.
 *
 * @since 0.1.0
 */
enum ModelChoice {
    /** L2 logistic regression (Newton's method), which uses fractional weights as they are; on a numeric label, linear regression. */
    LOGISTIC("logistic", ClassifierKind.LOGISTIC, RegressorKind.LINEAR),
    /** Least squares on a numeric label (the default there); for a binary label, logistic regression. */
    LINEAR("linear", ClassifierKind.LOGISTIC, RegressorKind.LINEAR),
    /** Smile's random forest (of regression trees on a numeric label). */
    RANDOM_FOREST("random-forest", ClassifierKind.RANDOM_FOREST, RegressorKind.RANDOM_FOREST),
    /** Smile's gradient boosting (binary labels only). */
    GRADIENT_BOOSTING("gradient-boosting", ClassifierKind.GRADIENT_BOOSTING, null);

    private final String cliName;
    private final ClassifierKind kind;
    private final RegressorKind regressor;

    ModelChoice(String cliName, ClassifierKind kind, RegressorKind regressor) {
        this.cliName = cliName;
        this.kind = kind;
        this.regressor = regressor;
    }

    /** @return the classifier this choice trains */
    ClassifierKind kind() {
        return kind;
    }

    /** @return the regressor this choice trains on a numeric label, or null when it has none */
    RegressorKind regressor() {
        return regressor;
    }

    /** @return the name on the command line */
    @Override
    public String toString() {
        return cliName;
    }

    /** The command-line names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ModelChoice::toString).iterator();
        }
    }

    /** Converts a name, ignoring case and accepting '_' for '-'. */
    static final class Converter implements ITypeConverter<ModelChoice> {
        @Override
        public ModelChoice convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (ModelChoice c : values()) {
                if (c.cliName.equals(v)) {
                    return c;
                }
            }
            throw new TypeConversionException("unknown model '" + value + "'; use one of "
                    + String.join(", ", new Names()));
        }
    }
}
