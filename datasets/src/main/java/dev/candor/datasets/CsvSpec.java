package dev.candor.datasets;

import dev.candor.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file into a {@link Dataset}: which column is the label and which of its values
 * is favorable, which columns are numeric or categorical features, which are protected attributes
 * (with privileged values), which holds sample weights, and the separator.
 *
 * <pre>{@code
 * CsvSpec spec = CsvSpec.builder()
 *         .label("y", "1")                   // "1" favorable, every other value unfavorable
 *         .numeric("age").categorical("job")
 *         .protectedAttribute("sex", "male")
 *         .weights("w")
 *         .separator(',')
 *         .build();
 * Dataset d = CsvDatasets.read(path, spec);
 * }</pre>
 *
 * <p><b>Label values.</b> {@link Builder#label(String, String)} declares the favorable value; every
 * other non-empty value is unfavorable. {@link Builder#label(String, String, String)} declares both,
 * and any third value is an error. An empty label cell is always an error.
 *
 * <p><b>Features.</b> Declared numeric and categorical columns become features in header order.
 * With {@link Builder#inferOtherColumns(boolean)} every other column that is not the label, a
 * protected attribute or the weights also becomes a feature, numeric when every value parses as a
 * finite number and categorical otherwise; {@link CsvDatasets#readWithReport} says what was inferred
 * and why. Without it, undeclared columns are not read (and are listed in the report). A protected
 * column is not a feature unless it is also declared as one.
 *
 * @since 0.1.0
 */
public final class CsvSpec {

    private final String label;
    private final String favorable;
    private final String unfavorable;
    private final Set<String> numeric;
    private final Map<String, List<String>> categorical;
    private final Map<String, Set<String>> protectedAttributes;
    private final String weights;
    private final char separator;
    private final boolean inferOthers;
    private final boolean binaryLabel;
    private final String name;

    private CsvSpec(Builder b) {
        this.label = b.label;
        this.favorable = b.favorable;
        this.unfavorable = b.unfavorable;
        this.numeric = Collections.unmodifiableSet(new LinkedHashSet<>(b.numeric));
        this.categorical = Collections.unmodifiableMap(new LinkedHashMap<>(b.categorical));
        this.protectedAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.protectedAttributes));
        this.weights = b.weights;
        this.separator = b.separator;
        this.inferOthers = b.inferOthers;
        this.binaryLabel = b.binaryLabel;
        this.name = b.name;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A spec from command-line style strings; every column not named is inferred
     * ({@link Builder#inferOtherColumns(boolean)} is on).
     *
     * @param label       the label column
     * @param favorable   the favorable label value, or null for {@code "1"}
     * @param protectedColumns protected columns, comma-separated entries (may be empty)
     * @param privileged  {@code column=value} entries, comma-separated values allowed
     *                    ({@code race=White}); a protected column without one has no privileged value
     * @param categorical categorical columns, comma-separated entries (may be empty)
     * @param numericCols numeric columns, comma-separated entries (may be empty)
     * @param weightsColumn the weights column, or null
     * @param separator   the field separator
     * @return the spec
     * @throws IllegalArgumentException if a privileged entry is not {@code column=value} or names a
     *                                  column that is not protected
     */
    public static CsvSpec fromStrings(String label, String favorable, List<String> protectedColumns,
                                      List<String> privileged, List<String> categorical, List<String> numericCols,
                                      String weightsColumn, char separator) {
        Builder b = builder().label(label, favorable == null ? "1" : favorable).separator(separator)
                .inferOtherColumns(true);
        Map<String, Set<String>> priv = new LinkedHashMap<>();
        for (String p : split(privileged)) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new BadInputException("privileged: expected column=value, got '" + p + "'");
            }
            priv.computeIfAbsent(p.substring(0, eq).trim(), k -> new LinkedHashSet<>()).add(p.substring(eq + 1).trim());
        }
        List<String> prot = split(protectedColumns);
        for (String c : priv.keySet()) {
            if (!prot.contains(c)) {
                throw new BadInputException("privileged: column '" + c + "' is not a protected column "
                        + prot);
            }
        }
        for (String c : prot) {
            b.protectedAttribute(c, priv.getOrDefault(c, Set.of()).toArray(String[]::new));
        }
        b.categorical(split(categorical).toArray(String[]::new));
        b.numeric(split(numericCols).toArray(String[]::new));
        if (weightsColumn != null && !weightsColumn.isBlank()) {
            b.weights(weightsColumn.trim());
        }
        return b.build();
    }

    private static List<String> split(List<String> entries) {
        List<String> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (String e : entries) {
            for (String s : e.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** @return the label column */
    public String label() {
        return label;
    }

    /** @return the favorable label value */
    public String favorable() {
        return favorable;
    }

    /** @return the unfavorable label value, or null when every other value is unfavorable */
    public String unfavorable() {
        return unfavorable;
    }

    /** @return the declared numeric columns */
    public Set<String> numeric() {
        return numeric;
    }

    /** @return the declared categorical columns, each with its declared levels (empty = observed, sorted) */
    public Map<String, List<String>> categorical() {
        return categorical;
    }

    /** @return the protected columns with their privileged values */
    public Map<String, Set<String>> protectedAttributes() {
        return protectedAttributes;
    }

    /** @return the weights column, or null */
    public String weights() {
        return weights;
    }

    /** @return the field separator */
    public char separator() {
        return separator;
    }

    /** @return whether undeclared columns become inferred features */
    public boolean inferOtherColumns() {
        return inferOthers;
    }

    /**
     * @return whether a label without a declared unfavorable value must have exactly one value besides
     *         the favorable one (see {@link BinaryLabel}); false lets every other value be unfavorable
     */
    public boolean binaryLabel() {
        return binaryLabel;
    }

    /** @return the dataset name to use, or null for the file name without extension */
    public String name() {
        return name;
    }

    /** Builds a {@link CsvSpec}. */
    public static final class Builder {
        private String label;
        private String favorable;
        private String unfavorable;
        private final Set<String> numeric = new LinkedHashSet<>();
        private final Map<String, List<String>> categorical = new LinkedHashMap<>();
        private final Map<String, Set<String>> protectedAttributes = new LinkedHashMap<>();
        private String weights;
        private char separator = ',';
        private boolean inferOthers;
        private boolean binaryLabel;
        private String name;

        private Builder() {
        }

        /**
         * @param column         the label column
         * @param favorableValue its favorable value; every other non-empty value is unfavorable
         * @return this builder
         */
        public Builder label(String column, String favorableValue) {
            this.label = requireName(column, "label");
            this.favorable = Objects.requireNonNull(favorableValue, "favorable").trim();
            this.unfavorable = null;
            return this;
        }

        /**
         * @param column           the label column
         * @param favorableValue   its favorable value
         * @param unfavorableValue its unfavorable value; any other value is an error
         * @return this builder
         */
        public Builder label(String column, String favorableValue, String unfavorableValue) {
            label(column, favorableValue);
            this.unfavorable = Objects.requireNonNull(unfavorableValue, "unfavorable").trim();
            if (unfavorable.equals(favorable)) {
                throw new BadInputException("unfavorable: equals the favorable value '" + favorable + "'");
            }
            return this;
        }

        /**
         * @param columns numeric feature columns
         * @return this builder
         */
        public Builder numeric(String... columns) {
            for (String c : columns) {
                numeric.add(requireName(c, "numeric"));
            }
            return this;
        }

        /**
         * @param columns categorical feature columns; levels are the observed values, sorted
         * @return this builder
         */
        public Builder categorical(String... columns) {
            for (String c : columns) {
                categorical.put(requireName(c, "categorical"), List.of());
            }
            return this;
        }

        /**
         * A categorical column with declared levels, in code order; a value outside them is an error.
         * Declaring levels makes separately read files (train, test) encode alike.
         *
         * @param column the column
         * @param levels its levels
         * @return this builder
         */
        public Builder categorical(String column, List<String> levels) {
            Feature.categorical(column, levels);
            categorical.put(requireName(column, "categorical"), List.copyOf(levels));
            return this;
        }

        /**
         * @param column     a protected column
         * @param privileged its privileged values (none: no privileged value)
         * @return this builder
         */
        public Builder protectedAttribute(String column, String... privileged) {
            protectedAttributes.put(requireName(column, "protectedAttribute"),
                    new LinkedHashSet<>(Arrays.asList(privileged)));
            return this;
        }

        /**
         * @param column the column holding sample weights (finite, {@code >= 0})
         * @return this builder
         */
        public Builder weights(String column) {
            this.weights = requireName(column, "weights");
            return this;
        }

        /**
         * @param c the field separator (default {@code ','})
         * @return this builder
         */
        public Builder separator(char c) {
            if (c == '"' || c == '\n' || c == '\r') {
                throw new BadInputException("separator: cannot be a quote or line break");
            }
            this.separator = c;
            return this;
        }

        /**
         * @param infer whether columns not declared otherwise become features of an inferred kind
         * @return this builder
         */
        public Builder inferOtherColumns(boolean infer) {
            this.inferOthers = infer;
            return this;
        }

        /**
         * @param binary true to refuse a label with more than one value besides the favorable one
         *               (when the favorable value was not named explicitly); false (the default) to
         *               count every other value as unfavorable
         * @return this builder
         */
        public Builder binaryLabel(boolean binary) {
            this.binaryLabel = binary;
            return this;
        }

        /**
         * @param datasetName the dataset name (default: the file name without extension)
         * @return this builder
         */
        public Builder name(String datasetName) {
            this.name = requireName(datasetName, "name");
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalArgumentException if there is no label, or a column has two roles that exclude
         *                                  each other (label and feature, numeric and categorical, ...)
         */
        public CsvSpec build() {
            if (label == null) {
                throw new BadInputException("label: a CSV spec needs a label column");
            }
            for (String c : numeric) {
                if (categorical.containsKey(c)) {
                    throw new BadInputException("numeric: column '" + c + "' is also declared categorical");
                }
            }
            List<String> roles = new ArrayList<>(numeric);
            roles.addAll(categorical.keySet());
            roles.addAll(protectedAttributes.keySet());
            if (roles.contains(label) || label.equals(weights)) {
                throw new BadInputException("label: column '" + label + "' cannot also be a feature, "
                        + "protected attribute or weights");
            }
            if (weights != null && roles.contains(weights)) {
                throw new BadInputException("weights: column '" + weights
                        + "' cannot also be a feature or protected attribute");
            }
            return new CsvSpec(this);
        }

        private static String requireName(String c, String what) {
            if (c == null || c.isBlank()) {
                throw new BadInputException(what + ": column name must not be blank");
            }
            return c.trim();
        }
    }
}
