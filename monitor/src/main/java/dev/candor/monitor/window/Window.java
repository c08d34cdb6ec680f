package dev.candor.monitor.window;

import java.io.Serializable;
import java.util.Objects;

/**
 * One analysis window: its key, its first and last row (absolute, 0-based, inclusive), its row count
 * and whether it is complete (a last window shorter than the chunk size, or a calendar period the
 * data ends inside, is kept and flagged incomplete, as NannyML's {@code incomplete='keep'}).
 *
 * @param key      {@code [start:end]} for windows by size; {@code 2014-03-02}, {@code 2014-W10},
 *                 {@code 2014-03} or {@code 2014Q1} for calendar windows
 * @param start    the first row
 * @param end      the last row
 * @param rows     the number of rows
 * @param complete whether the window is complete
 * @since 0.2.0
 */
public record Window(String key, long start, long end, long rows, boolean complete) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    public Window {
        Objects.requireNonNull(key, "key");
        if (rows < 1) {
            throw new IllegalArgumentException("window " + key + " has no rows");
        }
    }

    /**
     * @param start the first row
     * @param end   the last row
     * @param complete whether the window is complete
     * @return a window keyed {@code [start:end]} (NannyML's chunk key, absolute rows)
     */
    public static Window ofRows(long start, long end, boolean complete) {
        return new Window("[" + start + ":" + end + "]", start, end, end - start + 1, complete);
    }
}
