package dev.candor.cli;

import dev.candor.datasets.CsvSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The command-line options that describe a CSV file as a dataset (label, favorable value,
 * protected attributes and their privileged values, column kinds, separator), shared by the
 * commands that read one. Columns not named here get an inferred kind, which the reader reports.
 *
 * @since 0.1.0
 */
final class CsvOptions {

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV: the label column.")
    String label;

    @Option(names = "--favorable", paramLabel = "VALUE", defaultValue = "1",
            description = "CSV: the favorable label value; every other value is unfavorable (default: ${DEFAULT-VALUE}).")
    String favorable;

    @Option(names = "--protected", paramLabel = "COLUMN", split = ",",
            description = "CSV: protected attribute column(s); repeat or separate with commas.")
    List<String> protectedColumns = new ArrayList<>();

    @Option(names = "--privileged", paramLabel = "COLUMN=VALUE", split = ",",
            description = "CSV: a privileged value of a protected column, e.g. sex=male; repeatable.")
    List<String> privileged = new ArrayList<>();

    @Option(names = "--categorical", paramLabel = "COLUMN", split = ",",
            description = "CSV: columns to read as categorical features.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--numeric", paramLabel = "COLUMN", split = ",",
            description = "CSV: columns to read as numeric features.")
    List<String> numeric = new ArrayList<>();

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV: the field separator (default '${DEFAULT-VALUE}'; use \\t for tab).")
    String separator;

    /** @return whether any option that only makes sense for a CSV file was given */
    boolean anyGiven() {
        return label != null || !protectedColumns.isEmpty() || !privileged.isEmpty() || !categorical.isEmpty()
                || !numeric.isEmpty();
    }

    /**
     * @param weights the sample-weight column, or null
     * @return the CSV specification these options describe
     * @throws IllegalArgumentException if the separator is not one character or the spec is invalid
     */
    CsvSpec toSpec(String weights) {
        return CsvSpec.fromStrings(label, favorable, protectedColumns, privileged, categorical, numeric, weights,
                separatorChar());
    }

    private char separatorChar() {
        String s = separator.equals("\\t") ? "\t" : separator;
        if (s.length() != 1) {
            throw new IllegalArgumentException("--separator: expected one character, got '" + separator + "'");
        }
        return s.charAt(0);
    }
}
