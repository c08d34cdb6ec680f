package dev.candor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to audit in a table of predictions: the columns and settings of {@code candor audit}, for
 * {@link CandorSpark#audit}.
 *
 * <pre>{@code
 * AuditSpec spec = AuditSpec.builder("credit", "pred")
 *         .attribute("sex", "male")          // privileged value, or null for the between-groups forms
 *         .attribute("age_group", "gt25")
 *         .intersection("sex", "age_group")  // adds "sex&age_group"
 *         .weights("weight").scores("score")
 *         .build();
 * }</pre>
 *
 * <p>Labels and predictions are compared with the favorable value as {@code candor audit} does: equal
 * as text, or equal as numbers ({@code 1} and {@code 1.0} match). Unless the favorable value is
 * {@linkplain Builder#favorable(String, boolean) named explicitly}, a third distinct value in the
 * label and prediction columns is refused. Immutable and serializable (it travels to the executors).
 *
 * @since 0.1.0
 */
public final class AuditSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String label;
    private final String prediction;
    private final String favorable;
    private final boolean othersUnfavorable;
    private final LinkedHashMap<String, String> attributes;
    private final ArrayList<List<String>> intersections;
    private final String weights;
    private final String scores;
    private final int scoreBins;
    private final boolean strict;
    private final LinkedHashMap<String, String> parameters;

    private AuditSpec(Builder b) {
        this.label = b.label;
        this.prediction = b.prediction;
        this.favorable = b.favorable;
        this.othersUnfavorable = b.othersUnfavorable;
        this.attributes = new LinkedHashMap<>(b.attributes);
        this.intersections = new ArrayList<>();
        b.intersections.forEach(i -> intersections.add(List.copyOf(i)));
        this.weights = b.weights;
        this.scores = b.scores;
        this.scoreBins = b.scoreBins;
        this.strict = b.strict;
        this.parameters = new LinkedHashMap<>(b.parameters);
    }

    /**
     * @param label      the column of true labels
     * @param prediction the column of predicted labels
     * @return a builder (favorable value {@code 1}, no attributes yet)
     */
    public static Builder builder(String label, String prediction) {
        return new Builder(label, prediction);
    }

    /** @return the column of true labels */
    public String label() {
        return label;
    }

    /** @return the column of predicted labels */
    public String prediction() {
        return prediction;
    }

    /** @return the favorable value of labels and predictions */
    public String favorable() {
        return favorable;
    }

    /** @return true when every value other than the favorable one is unfavorable, however many there are */
    public boolean othersUnfavorable() {
        return othersUnfavorable;
    }

    /** @return the protected columns, in order */
    public List<String> attributes() {
        return List.copyOf(attributes.keySet());
    }

    /**
     * @param attribute a protected column
     * @return its privileged value, or null
     */
    public String privileged(String attribute) {
        return attributes.get(attribute);
    }

    /** @return the intersections, each a list of two or more protected columns */
    public List<List<String>> intersections() {
        return List.copyOf(intersections);
    }

    /** @return the weight column, or null */
    public String weights() {
        return weights;
    }

    /** @return the score column, or null */
    public String scores() {
        return scores;
    }

    /**
     * @return 0 to keep every distinct score (exact ROC AUC, memory grows with the distinct scores), or
     *         the number of equal-width bins over [0, 1] of the score histogram (bounded memory; see
     *         {@link ScoreHistogram} for the error bound of the AUC)
     */
    public int scoreBins() {
        return scoreBins;
    }

    /** @return true when an undefined value anywhere in the result makes the audit throw */
    public boolean strict() {
        return strict;
    }

    /** @return extra provenance parameters (input path, ...) */
    public Map<String, String> parameters() {
        return java.util.Collections.unmodifiableMap(parameters);
    }

    /**
     * The columns the aggregation reads, in the order it reads them: label, prediction, the protected
     * columns, then the weight and the score column when given.
     *
     * @return the input columns
     */
    public List<String> inputColumns() {
        List<String> c = new ArrayList<>(List.of(label, prediction));
        c.addAll(attributes.keySet());
        if (weights != null) {
            c.add(weights);
        }
        if (scores != null) {
            c.add(scores);
        }
        return c;
    }

    /** Options of an {@link AuditSpec}. */
    public static final class Builder {
        private final String label;
        private final String prediction;
        private String favorable = "1";
        private boolean othersUnfavorable;
        private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        private final List<List<String>> intersections = new ArrayList<>();
        private String weights;
        private String scores;
        private int scoreBins;
        private boolean strict;
        private final LinkedHashMap<String, String> parameters = new LinkedHashMap<>();

        private Builder(String label, String prediction) {
            this.label = Objects.requireNonNull(label, "label");
            this.prediction = Objects.requireNonNull(prediction, "prediction");
        }

        /**
         * @param value             the favorable value (default {@code 1})
         * @param othersUnfavorable true: every other value is unfavorable; false: a third distinct value is refused
         * @return this builder
         */
        public Builder favorable(String value, boolean othersUnfavorable) {
            this.favorable = Objects.requireNonNull(value, "favorable");
            this.othersUnfavorable = othersUnfavorable;
            return this;
        }

        /**
         * @param column     a protected column
         * @param privileged its privileged value, or null for the between-groups forms only
         * @return this builder
         */
        public Builder attribute(String column, String privileged) {
            if (attributes.containsKey(column)) {
                throw new IllegalArgumentException("protected attribute '" + column + "' given twice");
            }
            if (column.contains("&")) {
                throw new IllegalArgumentException("attribute name '" + column + "' must not contain '&'");
            }
            attributes.put(column, privileged);
            return this;
        }

        /**
         * @param columns two or more protected columns already added; the intersection is named {@code a&b}
         * @return this builder
         */
        public Builder intersection(String... columns) {
            if (columns.length < 2) {
                throw new IllegalArgumentException("an intersection needs at least two attributes");
            }
            for (String c : columns) {
                if (!attributes.containsKey(c)) {
                    throw new IllegalArgumentException("intersection names attribute '" + c
                            + "', which is not among the protected attributes " + attributes.keySet());
                }
            }
            intersections.add(List.of(columns));
            return this;
        }

        /**
         * @param column the column of instance weights (finite, >= 0), or null
         * @return this builder
         */
        public Builder weights(String column) {
            this.weights = column;
            return this;
        }

        /**
         * @param column the column of scores (probability of the favorable label), or null
         * @return this builder
         */
        public Builder scores(String column) {
            this.scores = column;
            return this;
        }

        /**
         * @param bins 0 (default) for the exact ROC AUC from every distinct score, or the number of
         *             equal-width score bins over [0, 1]
         * @return this builder
         */
        public Builder scoreBins(int bins) {
            if (bins < 0) {
                throw new IllegalArgumentException("score bins must be >= 0, got " + bins);
            }
            this.scoreBins = bins;
            return this;
        }

        /**
         * @param strictMode when true, an undefined value anywhere makes the audit throw
         * @return this builder
         */
        public Builder strict(boolean strictMode) {
            this.strict = strictMode;
            return this;
        }

        /**
         * @param key   a provenance parameter's name
         * @param value its value
         * @return this builder
         */
        public Builder parameter(String key, Object value) {
            parameters.put(key, String.valueOf(value));
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalArgumentException without protected attributes, or when columns repeat
         */
        public AuditSpec build() {
            if (attributes.isEmpty()) {
                throw new IllegalArgumentException("at least one protected attribute is needed");
            }
            AuditSpec s = new AuditSpec(this);
            List<String> cols = s.inputColumns();
            if (cols.stream().distinct().count() != cols.size()) {
                throw new IllegalArgumentException(
                        "the label, prediction, score, weight and protected columns must differ: " + cols);
            }
            return s;
        }
    }
}
