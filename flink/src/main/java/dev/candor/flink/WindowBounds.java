package dev.candor.flink;

import java.io.Serializable;
import java.time.Instant;

/**
 * The span of one closed window and how it is named. Windows of a row-ordered stream (sizes counted in
 * rows, {@code --chunk-size}) are named like the batch monitor's chunks, {@code [first:last]} with
 * absolute 0-based inclusive row numbers, and are complete when they hold {@code size} rows; windows
 * of a timed stream are named by their start instant and are complete once the watermark passes
 * their end.
 *
 * @param start     inclusive start (event-time units)
 * @param end       exclusive end
 * @param rowWindow true when event time is a row sequence number
 * @param periodKey the batch monitor's key of a calendar window ({@code 2008-05}, {@code 2008Q2}), or {@code null}
 * @since 0.2.0
 */
public record WindowBounds(long start, long end, boolean rowWindow, String periodKey) implements Serializable {

    /**
     * @param start     inclusive start
     * @param end       exclusive end
     * @param rowWindow true when event time is a row sequence number
     */
    public WindowBounds(long start, long end, boolean rowWindow) {
        this(start, end, rowWindow, null);
    }

    /**
     * @param lastSeen the largest event time in the window
     * @return the window's key: {@code [start:last]} for row windows, the period's key for calendar
     *         windows, else the ISO start instant
     */
    public String key(long lastSeen) {
        if (rowWindow) {
            return "[" + start + ":" + Math.min(end - 1, lastSeen) + "]";
        }
        return periodKey != null ? periodKey : Instant.ofEpochMilli(start).toString();
    }

    /**
     * @param rows the rows the window holds
     * @return whether the window is complete
     */
    public boolean complete(long rows) {
        return !rowWindow || rows == end - start;
    }

    /** @return the start as written in the window object (a row number or an ISO instant) */
    public Object startValue() {
        return rowWindow ? (Object) start : Instant.ofEpochMilli(start).toString();
    }

    /** @return the end as written in the window object (exclusive row number or ISO instant) */
    public Object endValue() {
        return rowWindow ? (Object) end : Instant.ofEpochMilli(end).toString();
    }
}
