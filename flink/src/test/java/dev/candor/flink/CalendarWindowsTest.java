package dev.candor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.monitor.window.CalendarPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

/** Calendar windows span exactly the batch monitor's periods and carry its keys. */
class CalendarWindowsTest {

    private static long millis(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static TimeWindow window(CalendarPeriod p, String date) {
        return new CalendarWindows(p).assignWindows(null, millis(date) + 3_600_000L, null).iterator().next();
    }

    @Test
    void monthsQuartersWeeksAndDaysEndWhereTheNextPeriodStarts() {
        TimeWindow feb = window(CalendarPeriod.MONTH, "2008-02-29");
        assertThat(feb.getStart()).isEqualTo(millis("2008-02-01"));
        assertThat(feb.getEnd()).isEqualTo(millis("2008-03-01"));
        assertThat(new CalendarWindows(CalendarPeriod.MONTH).key(feb.getStart())).isEqualTo("2008-02");

        TimeWindow q4 = window(CalendarPeriod.QUARTER, "2010-11-17");
        assertThat(q4.getStart()).isEqualTo(millis("2010-10-01"));
        assertThat(q4.getEnd()).isEqualTo(millis("2011-01-01"));
        assertThat(new CalendarWindows(CalendarPeriod.QUARTER).key(q4.getStart())).isEqualTo("2010Q4");

        TimeWindow week = window(CalendarPeriod.WEEK, "2009-01-01");   // a Thursday in ISO week 2009-W01
        assertThat(week.getStart()).isEqualTo(millis("2008-12-29"));
        assertThat(week.getEnd()).isEqualTo(millis("2009-01-05"));
        assertThat(new CalendarWindows(CalendarPeriod.WEEK).key(week.getStart())).isEqualTo("2009-W01");

        TimeWindow day = window(CalendarPeriod.DAY, "2008-05-05");
        assertThat(day.getEnd() - day.getStart()).isEqualTo(86_400_000L);
        assertThat(new CalendarWindows(CalendarPeriod.DAY).key(day.getStart())).isEqualTo("2008-05-05");
    }
}
