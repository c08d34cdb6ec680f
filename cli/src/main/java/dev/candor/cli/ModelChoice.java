package dev.candor.cli;

import dev.candor.models.ClassifierKind;
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
    /** L2 logistic regression (Newton's method), which uses fractional weights as they are. */
    LOGISTIC("logistic", ClassifierKind.LOGISTIC),
    /** Smile's random forest. */
    RANDOM_FOREST("random-forest", ClassifierKind.RANDOM_FOREST),
    /** Smile's gradient boosting. */
    GRADIENT_BOOSTING("gradient-boosting", ClassifierKind.GRADIENT_BOOSTING);

    private final String cliName;
    private final ClassifierKind kind;

    ModelChoice(String cliName, ClassifierKind kind) {
        this.cliName = cliName;
        this.kind = kind;
    }

    /** @return the classifier this choice trains */
    ClassifierKind kind() {
        return kind;
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
