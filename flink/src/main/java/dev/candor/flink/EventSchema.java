package dev.candor.flink;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a prediction event stream and the role of each, with the options of
 * {@code candor monitor}: the time column, the label, score and prediction columns with the favorable
 * label, the protected attributes (with their privileged values) and the watched numeric and
 * categorical features; optionally a model column and a segment column to key the stream by.
 *
 * <p>Immutable and serializable (it travels with the job graph). Built with {@link #builder(List)}.
 *
 * @since 0.2.0
 */
public final class EventSchema implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> columns;
    private final Map<String, Integer> index;
    private final String timeColumn;
    private final String modelColumn;
    private final String modelName;
    private final String segmentColumn;
    private final String label;
    private final String score;
    private final String prediction;
    private final String favorable;
    private final List<String> protectedAttributes;
    private final Map<String, String> privileged;
    private final List<String> numeric;
    private final List<String> categorical;

    private EventSchema(Builder b) {
        this.columns = List.copyOf(b.columns);
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i), i) != null) {
                throw new IllegalArgumentException("column '" + columns.get(i) + "' appears twice in the header");
            }
        }
        this.timeColumn = b.timeColumn;
        this.modelColumn = b.modelColumn;
        this.modelName = b.modelName;
        this.segmentColumn = b.segmentColumn;
        this.label = b.label;
        this.score = b.score;
        this.prediction = b.prediction;
        this.favorable = b.favorable;
        this.protectedAttributes = List.copyOf(b.protectedAttributes);
        this.privileged = Map.copyOf(b.privileged);
        this.numeric = List.copyOf(b.numeric);
        this.categorical = List.copyOf(b.categorical);
        require(timeColumn, "--time-column");
        for (String c : new String[] {modelColumn, segmentColumn, label, score, prediction}) {
            if (c != null) {
                require(c, "a role");
            }
        }
        protectedAttributes.forEach(c -> require(c, "--protected"));
        numeric.forEach(c -> require(c, "--numeric"));
        categorical.forEach(c -> require(c, "--categorical"));
        for (String attr : privileged.keySet()) {
            if (!protectedAttributes.contains(attr)) {
                throw new IllegalArgumentException("--privileged names '" + attr + "', which is not a --protected attribute");
            }
        }
        if (prediction == null && !protectedAttributes.isEmpty()) {
            throw new IllegalArgumentException("--protected needs --prediction: group counts compare predictions");
        }
    }

    private void require(String column, String option) {
        if (column == null || !index.containsKey(column)) {
            throw new IllegalArgumentException(option + " names column '" + column + "', which is not in the header "
                    + columns);
        }
    }

    /**
     * @param columns the header, in file order
     * @return a builder
     */
    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /** @return the columns in file order */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param column a column name
     * @return its position
     * @throws IllegalArgumentException if it is not in the header
     */
    public int indexOf(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columns);
        }
        return i;
    }

    /** @return the event-time column */
    public String timeColumn() {
        return timeColumn;
    }

    /** @return the column naming the model, or {@code null} when every event is {@link #modelName()} */
    public String modelColumn() {
        return modelColumn;
    }

    /** @return the model name used when there is no model column */
    public String modelName() {
        return modelName;
    }

    /** @return the segment column, or {@code null} */
    public String segmentColumn() {
        return segmentColumn;
    }

    /** @return the label column, or {@code null} (label-free monitoring) */
    public String label() {
        return label;
    }

    /** @return the score column, or {@code null} */
    public String score() {
        return score;
    }

    /** @return the prediction column, or {@code null} */
    public String prediction() {
        return prediction;
    }

    /** @return the favorable label (and prediction) value */
    public String favorable() {
        return favorable;
    }

    /** @return the protected attributes */
    public List<String> protectedAttributes() {
        return protectedAttributes;
    }

    /** @return privileged value per protected attribute (attributes without one are absent) */
    public Map<String, String> privileged() {
        return privileged;
    }

    /** @return the watched numeric features */
    public List<String> numeric() {
        return numeric;
    }

    /** @return the watched categorical features */
    public List<String> categorical() {
        return categorical;
    }

    /** Collects the roles; {@link #build()} checks every named column against the header. */
    public static final class Builder {
        private final List<String> columns;
        private String timeColumn;
        private String modelColumn;
        private String modelName = "model";
        private String segmentColumn;
        private String label;
        private String score;
        private String prediction;
        private String favorable = "1";
        private final List<String> protectedAttributes = new ArrayList<>();
        private final Map<String, String> privileged = new LinkedHashMap<>();
        private final List<String> numeric = new ArrayList<>();
        private final List<String> categorical = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        /** @param c the event-time column (numbers, ISO dates or ISO date-times) @return this */
        public Builder time(String c) {
            this.timeColumn = Objects.requireNonNull(c, "time column");
            return this;
        }

        /** @param c the column naming the model @return this */
        public Builder modelColumn(String c) {
            this.modelColumn = c;
            return this;
        }

        /** @param name the model's name when there is no model column @return this */
        public Builder modelName(String name) {
            this.modelName = Objects.requireNonNull(name, "model name");
            return this;
        }

        /** @param c the segment column @return this */
        public Builder segment(String c) {
            this.segmentColumn = c;
            return this;
        }

        /** @param c the label column @return this */
        public Builder label(String c) {
            this.label = c;
            return this;
        }

        /** @param c the score column (probability of the favorable label) @return this */
        public Builder score(String c) {
            this.score = c;
            return this;
        }

        /** @param c the prediction column @return this */
        public Builder prediction(String c) {
            this.prediction = c;
            return this;
        }

        /** @param value the favorable label value (default {@code 1}) @return this */
        public Builder favorable(String value) {
            this.favorable = Objects.requireNonNull(value, "favorable");
            return this;
        }

        /**
         * @param attribute  a protected attribute's column
         * @param privilegedValue its privileged value, or {@code null} for between-groups forms only
         * @return this
         */
        public Builder protectedAttribute(String attribute, String privilegedValue) {
            protectedAttributes.add(attribute);
            if (privilegedValue != null) {
                privileged.put(attribute, privilegedValue);
            }
            return this;
        }

        /** @param c numeric features to watch @return this */
        public Builder numeric(List<String> c) {
            numeric.addAll(c);
            return this;
        }

        /** @param c categorical features to watch @return this */
        public Builder categorical(List<String> c) {
            categorical.addAll(c);
            return this;
        }

        /** @return the schema @throws IllegalArgumentException naming an option whose column is missing */
        public EventSchema build() {
            return new EventSchema(this);
        }
    }
}
