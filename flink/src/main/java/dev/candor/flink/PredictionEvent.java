package dev.candor.flink;

import java.util.Arrays;
import java.util.Objects;

/**
 * One prediction event: the model (and optional segment) it belongs to, its event time and the
 * values of every column of the {@link EventSchema}, in the schema's column order ({@code null} for a
 * missing value).
 *
 * <p>A Flink POJO (public fields, public no-argument constructor), so Flink serializes it without
 * falling back to Kryo; {@link java.io.Serializable} so events can travel with the job graph.
 *
 * @since 0.2.0
 */
public class PredictionEvent implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The monitored model's name; the first part of the key. */
    public String model;
    /** The segment within the model (empty when the job is not segmented); the second part of the key. */
    public String segment;
    /** Event time in milliseconds (or in sequence units for row-ordered streams). */
    public long timestamp;
    /** The values, in the schema's column order; {@code null} where missing. */
    public String[] values;

    /** For Flink's POJO serializer. */
    public PredictionEvent() {
    }

    /**
     * @param model     the model's name
     * @param segment   the segment, or the empty string
     * @param timestamp the event time
     * @param values    the values in schema column order
     */
    public PredictionEvent(String model, String segment, long timestamp, String[] values) {
        this.model = Objects.requireNonNull(model, "model");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.timestamp = timestamp;
        this.values = values;
    }

    /** @return the key the job groups by: model, and segment when present */
    public String key() {
        return segment.isEmpty() ? model : model + "/" + segment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PredictionEvent e && timestamp == e.timestamp && Objects.equals(model, e.model)
                && Objects.equals(segment, e.segment) && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, segment, timestamp, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "PredictionEvent[" + key() + " @" + timestamp + " " + Arrays.toString(values) + "]";
    }
}
