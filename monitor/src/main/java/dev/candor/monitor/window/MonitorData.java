package dev.candor.monitor.window;

import java.util.List;
import java.util.Objects;

/**
 * Rows to monitor (or the reference): the schema, the rows in log order and, for calendar windows,
 * one timestamp per row.
 *
 * @param schema     what the rows hold
 * @param rows       the rows, in log order
 * @param timestamps one per row, or {@code null}
 * @since 0.2.0
 */
public record MonitorData(WindowSchema schema, List<WindowRow> rows, List<String> timestamps) {

    /** Validates the lengths. */
    public MonitorData {
        Objects.requireNonNull(schema, "schema");
        rows = List.copyOf(rows);
        if (timestamps != null) {
            timestamps = List.copyOf(timestamps);
            if (timestamps.size() != rows.size()) {
                throw new IllegalArgumentException(rows.size() + " rows but " + timestamps.size() + " timestamps");
            }
        }
    }

    /**
     * @param from first position
     * @param to   one past the last position
     * @return a profile of those rows
     */
    public WindowProfile profile(int from, int to) {
        WindowProfile p = new WindowProfile(schema);
        for (int i = from; i < to; i++) {
            p.add(rows.get(i));
        }
        return p;
    }
}
