package dev.candor.cli;

import dev.candor.datasets.CsvSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How the columns of a CSV file become a dataset: the label and its favorable value, and columns to
 * read as numeric or categorical features (every other column gets an inferred kind, which the
 * reader reports). With {@link ProtectedOptions} and {@link DataFileOptions} it makes the
 * {@link CsvSpec} of {@code candor report --data} and {@code candor datasets describe FILE}.
 *
 * @since 0.1.0
 */
final class DatasetSpecOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV: the label column.")
    String label;

    @Option(names = "--favorable", paramLabel = "VALUE", defaultValue = "1",
            description = "CSV: the favorable label value (default: ${DEFAULT-VALUE}). Given explicitly, every other "
                    + "value is unfavorable; by default a label with more than two values is refused.")
    String favorable;

    @Option(names = "--categorical", paramLabel = "COLUMN", split = ",",
            description = "CSV: columns to read as categorical features.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--numeric", paramLabel = "COLUMN", split = ",",
            description = "CSV: columns to read as numeric features.")
    List<String> numeric = new ArrayList<>();

    /** @return whether any option that only makes sense for a CSV file was given (not --favorable) */
    boolean anyGiven() {
        return label != null || !categorical.isEmpty() || !numeric.isEmpty();
    }

    /**
     * @param prot      the protected columns and privileged values
     * @param weights   the sample-weight column, or null
     * @param separator the field separator
     * @return the CSV specification these options describe; undeclared columns are inferred
     * @throws IllegalArgumentException if the spec is inconsistent (see {@link CsvSpec.Builder#build()})
     */
    CsvSpec toSpec(ProtectedOptions prot, String weights, char separator) {
        CsvSpec.Builder b = CsvSpec.builder().label(label, favorable).separator(separator).inferOtherColumns(true)
                .binaryLabel(mixee == null || !AuditCommand.favorableGiven(mixee));
        Map<String, Set<String>> priv = prot.privilegedByColumn();
        for (String c : prot.columns) {
            b.protectedAttribute(c, priv.getOrDefault(c, Set.of()).toArray(String[]::new));
        }
        b.categorical(categorical.toArray(String[]::new));
        b.numeric(numeric.toArray(String[]::new));
        if (weights != null && !weights.isBlank()) {
            b.weights(weights.trim());
        }
        return b.build();
    }
}
