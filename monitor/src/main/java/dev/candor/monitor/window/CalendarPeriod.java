package dev.candor.monitor.window;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Calendar-aligned window lengths and their keys: a day ({@code 1d}, key {@code 2014-03-02}), an ISO
 * week starting Monday ({@code 1w}, key {@code 2014-W10}, the ISO week-based year), a month
 * ({@code 1M}, key {@code 2014-03}) and a quarter ({@code 1q}, key {@code 2014Q1}).
 *
 * @since 0.2.0
 */
public enum CalendarPeriod {
    /** One calendar day. */
    DAY("1d") {
        @Override
        public String key(LocalDate d) {
            return d.toString();
        }

        @Override
        public LocalDate start(LocalDate d) {
            return d;
        }
    },
    /** One ISO week, Monday to Sunday. */
    WEEK("1w") {
        @Override
        public String key(LocalDate d) {
            return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                    d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        @Override
        public LocalDate start(LocalDate d) {
            return d.with(DayOfWeek.MONDAY);
        }
    },
    /** One calendar month. */
    MONTH("1M") {
        @Override
        public String key(LocalDate d) {
            return String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
        }

        @Override
        public LocalDate start(LocalDate d) {
            return d.withDayOfMonth(1);
        }
    },
    /** One calendar quarter. */
    QUARTER("1q") {
        @Override
        public String key(LocalDate d) {
            return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
        }

        @Override
        public LocalDate start(LocalDate d) {
            return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
        }
    };

    private final String code;

    CalendarPeriod(String code) {
        this.code = code;
    }

    /** @return the option value ({@code 1d}, {@code 1w}, {@code 1M}, {@code 1q}) */
    public String code() {
        return code;
    }

    /**
     * @param d a date
     * @return the key of the period holding it
     */
    public abstract String key(LocalDate d);

    /**
     * @param d a date
     * @return the first day of the period holding it
     */
    public abstract LocalDate start(LocalDate d);

    /**
     * @param code {@code 1d}, {@code 1w}, {@code 1M} or {@code 1q}
     * @return the period
     * @throws IllegalArgumentException naming the accepted values
     */
    public static CalendarPeriod parse(String code) {
        for (CalendarPeriod p : values()) {
            if (p.code.equals(code.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown window '" + code + "': expected 1d, 1w, 1M or 1q");
    }
}
