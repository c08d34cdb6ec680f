package dev.candor.monitor.window;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How rows are cut into windows: by size (NannyML's {@code SizeBasedChunker(chunk_size,
 * incomplete='keep')}: consecutive chunks of {@code size} rows, a shorter last chunk kept and flagged
 * incomplete) or by calendar period on a time column (a window per period the data touches, the last
 * one flagged incomplete unless the data reaches its last day).
 *
 * <p>Timestamps are ISO-8601 dates ({@code 2014-03-02}), local date-times ({@code 2014-03-02T10:15:00},
 * a space instead of {@code T} is accepted) or offset date-times; they must be in non-decreasing order.
 * An unparsable or out-of-order timestamp is an error naming the row.
 *
 * @since 0.2.0
 */
public final class Windowing {

    private final int size;
    private final CalendarPeriod period;

    private Windowing(int size, CalendarPeriod period) {
        this.size = size;
        this.period = period;
    }

    /**
     * @param size rows per window, at least 1
     * @return windows by size
     */
    public static Windowing bySize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
        }
        return new Windowing(size, null);
    }

    /**
     * @param period the calendar period
     * @return calendar windows
     */
    public static Windowing byPeriod(CalendarPeriod period) {
        return new Windowing(0, Objects.requireNonNull(period, "period"));
    }

    /** @return rows per window, or 0 for calendar windows */
    public int chunkSize() {
        return size;
    }

    /** @return the calendar period, or {@code null} for windows by size */
    public CalendarPeriod period() {
        return period;
    }

    /**
     * Whether the last calendar window, whose latest row falls on {@code lastDay}, is complete: the
     * data reaches the period's last day (as {@link #split} flags it).
     *
     * @param lastDay the date of the window's latest row
     * @return true when {@code lastDay} is the last day of its period
     */
    public boolean completes(LocalDate lastDay) {
        LocalDate next = period.start(lastDay).plus(switch (period) {
            case DAY -> java.time.Period.ofDays(1);
            case WEEK -> java.time.Period.ofWeeks(1);
            case MONTH -> java.time.Period.ofMonths(1);
            case QUARTER -> java.time.Period.ofMonths(3);
        });
        return lastDay.plusDays(1).equals(next);
    }

    /** @return whether windows need timestamps */
    public boolean needsTime() {
        return period != null;
    }

    /** @return a description: {@code chunk_size=5000} or {@code period=1M} */
    public String describe() {
        return period == null ? "chunk_size=" + size : "period=" + period.code();
    }

    /**
     * A window and the positions (0-based, into the rows given) it covers.
     *
     * @param window the window
     * @param from   the first position
     * @param to     one past the last position
     */
    public record Span(Window window, int from, int to) {
    }

    /**
     * @param firstRow   the absolute row number of the first row (windows by size are keyed by it)
     * @param rows       the number of rows
     * @param timestamps one per row for calendar windows, otherwise ignored (may be {@code null})
     * @return the windows in order
     */
    public List<Span> split(long firstRow, int rows, List<String> timestamps) {
        List<Span> out = new ArrayList<>();
        if (period == null) {
            for (int from = 0; from < rows; from += size) {
                int to = Math.min(rows, from + size);
                out.add(new Span(Window.ofRows(firstRow + from, firstRow + to - 1, to - from == size), from, to));
            }
            return out;
        }
        if (timestamps == null || timestamps.size() != rows) {
            throw new IllegalArgumentException("calendar windows need one timestamp per row");
        }
        LocalDate prev = null;
        int from = 0;
        String key = null;
        LocalDate[] dates = new LocalDate[rows];
        for (int i = 0; i < rows; i++) {
            LocalDate d = parse(timestamps.get(i), firstRow + i);
            if (prev != null && d.isBefore(prev)) {
                throw new IllegalArgumentException("row " + (firstRow + i) + ": timestamp '" + timestamps.get(i)
                        + "' is earlier than the row before it (" + prev + "); rows must be in time order");
            }
            dates[i] = d;
            String k = period.key(d);
            if (key != null && !k.equals(key)) {
                out.add(new Span(new Window(key, firstRow + from, firstRow + i - 1, i - from, true), from, i));
                from = i;
            }
            key = k;
            prev = d;
        }
        if (key != null) {
            boolean complete = completes(dates[rows - 1]);
            out.add(new Span(new Window(key, firstRow + from, firstRow + rows - 1, rows - from, complete), from, rows));
        }
        return out;
    }

    /**
     * @param text a timestamp
     * @param row  its row, for the message
     * @return its date
     */
    public static LocalDate parse(String text, long row) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("row " + row + ": missing timestamp");
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t);
            }
            String iso = t.replace(' ', 'T');
            try {
                return LocalDateTime.parse(iso).toLocalDate();
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(iso).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("row " + row + ": cannot read timestamp '" + text
                    + "' (expected an ISO-8601 date or date-time such as 2014-03-02 or 2014-03-02T10:15:00)");
        }
    }
}
