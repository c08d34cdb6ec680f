package dev.candor.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The data file a command reads and how its fields are separated: {@code --data FILE} and
 * {@code --separator CHAR}. A mixin of {@code candor audit} and {@code candor reweigh}, and the
 * {@code --data} branch of {@code candor report}'s {@code --dataset | --data} choice. Every such file
 * is read by the datasets module's one CSV reader, so errors name file, line and column alike.
 *
 * @since 0.1.0
 */
final class DataFileOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The CSV file (UTF-8, a header row, RFC 4180 quoting).")
    Path data;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", converter = SeparatorConverter.class,
            description = "The field separator, one character; \\t or 'tab' for a tab (default: '${DEFAULT-VALUE}').")
    char separator = ',';

    /** Converts {@code --separator}: one character, or {@code \t} / {@code tab} for a tab. */
    static final class SeparatorConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            String s = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
            if (s.length() != 1) {
                throw new TypeConversionException("expected one character (or \\t), got '" + value + "'");
            }
            char c = s.charAt(0);
            if (c == '"' || c == '\n' || c == '\r') {
                throw new TypeConversionException("a quote or line break cannot separate fields, got '" + value + "'");
            }
            return c;
        }
    }
}
