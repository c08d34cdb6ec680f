package dev.candor.flink;

import dev.candor.monitor.window.CalendarPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Tumbling event-time windows of the batch monitor's calendar periods ({@link CalendarPeriod}: UTC
 * days, ISO weeks from Monday, months, quarters), so a stream's windows and keys ({@code 2008-05-05},
 * {@code 2008-W19}, {@code 2008-05}, {@code 2008Q2}) are those of {@code candor monitor --window}.
 * Months and quarters have no fixed length, which Flink's own tumbling windows need.
 *
 * @since 0.2.0
 */
public final class CalendarWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final CalendarPeriod period;
    private transient TimeWindow last;

    /** @param period the calendar period */
    public CalendarWindows(CalendarPeriod period) {
        this.period = period;
    }

    /** @return the period */
    public CalendarPeriod period() {
        return period;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (last != null && timestamp >= last.getStart() && timestamp < last.getEnd()) {
            return List.of(last);
        }
        LocalDate start = period.start(date(timestamp));
        LocalDate next = start.plusDays(1);
        while (period.start(next).equals(start)) {
            next = next.plusDays(1);
        }
        last = new TimeWindow(millis(start), millis(next));
        return List.of(last);
    }

    /**
     * @param start a window's start
     * @return the batch monitor's key of the period starting there
     */
    public String key(long start) {
        return period.key(date(start));
    }

    private static LocalDate date(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "CalendarWindows(" + period.code() + ")";
    }
}
