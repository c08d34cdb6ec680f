package dev.candor.cli;

import dev.candor.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The protected attributes and their privileged values, as every command takes them:
 * {@code --protected COL} (repeatable or comma-separated) and {@code --privileged COL=VALUE}
 * (repeatable or comma-separated). A privileged entry that is not {@code COL=VALUE} is refused while
 * the command line is parsed, naming the bad value; one whose column is not protected is refused by
 * {@link #privilegedByColumn()}.
 *
 * @since 0.1.0
 */
final class ProtectedOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--protected", paramLabel = "COLUMN", split = ",",
            description = "Protected attribute column(s); repeat or separate with commas.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--privileged", paramLabel = "COLUMN=VALUE", split = ",", converter = PrivilegedConverter.class,
            description = "A privileged value of a protected column, e.g. sex=male; repeat or separate with commas.")
    List<Privileged> privileged = new ArrayList<>();

    /**
     * One {@code --privileged COL=VALUE} entry.
     *
     * @param column the protected column
     * @param value  its privileged value
     */
    record Privileged(String column, String value) {
        @Override
        public String toString() {
            return column + "=" + value;
        }
    }

    /** Parses {@code COL=VALUE}, both sides non-blank and trimmed. */
    static final class PrivilegedConverter implements ITypeConverter<Privileged> {
        @Override
        public Privileged convert(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new TypeConversionException("expected COLUMN=VALUE (for example sex=male), got '" + text
                        + "': no '='");
            }
            String column = text.substring(0, eq).trim();
            String value = text.substring(eq + 1).trim();
            if (column.isEmpty() || value.isEmpty()) {
                throw new TypeConversionException("expected COLUMN=VALUE (for example sex=male), got '" + text
                        + "': the " + (column.isEmpty() ? "column" : "value") + " is empty");
            }
            return new Privileged(column, value);
        }
    }

    /** @return whether any of these options was given */
    boolean anyGiven() {
        return !columns.isEmpty() || !privileged.isEmpty();
    }

    /**
     * @return the protected columns, at least one
     * @throws ParameterException if {@code --protected} was not given
     */
    List<String> requireColumns() {
        if (columns.isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "Missing required option: '--protected=COLUMN'");
        }
        return columns;
    }

    /**
     * @return the privileged values of each protected column, in the order given (a column without
     *         one is absent)
     * @throws BadInputException if a privileged column is not a {@code --protected} column, naming both
     */
    Map<String, Set<String>> privilegedByColumn() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (Privileged p : privileged) {
            if (!columns.contains(p.column())) {
                throw new BadInputException("--privileged " + p + ": column '" + p.column()
                        + "' is not a --protected column " + columns);
            }
            m.computeIfAbsent(p.column(), k -> new LinkedHashSet<>()).add(p.value());
        }
        return m;
    }

    /**
     * @return the one privileged value of each protected column that has one
     * @throws BadInputException if a column is not protected or has two privileged values
     */
    Map<String, String> singlePrivilegedByColumn() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : privilegedByColumn().entrySet()) {
            if (e.getValue().size() > 1) {
                throw new BadInputException("--privileged gives column '" + e.getKey() + "' more than one value "
                        + e.getValue());
            }
            m.put(e.getKey(), e.getValue().iterator().next());
        }
        return m;
    }

    /** @return the privileged values of a column as an array (empty when it has none) */
    String[] privilegedOf(String column) {
        Set<String> v = privilegedByColumn().get(column);
        return v == null ? new String[0] : v.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "--protected " + columns + " --privileged " + Arrays.toString(privileged.toArray());
    }
}
