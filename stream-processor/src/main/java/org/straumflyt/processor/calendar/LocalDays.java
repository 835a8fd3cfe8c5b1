package org.straumflyt.processor.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Local dates of a zone in UTC hours: a day has 23, 24 or 25 of them. */
public final class LocalDays {
    /** Base load is the mean of the hours starting in [00:00, 05:00) local time. */
    static final LocalTime BASE_LOAD_END = LocalTime.of(5, 0);

    private LocalDays() {
    }

    public static LocalDate dateOf(Instant hourStart, String zone) {
        return hourStart.atZone(ZoneId.of(zone)).toLocalDate();
    }

    public static Instant startOf(LocalDate date, String zone) {
        return date.atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    public static int hoursIn(LocalDate date, String zone) {
        return (int) Duration.between(startOf(date, zone), startOf(date.plusDays(1), zone)).toHours();
    }

    /** Whether the UTC hour starts before 05:00 local time on its local date. */
    public static boolean inBaseLoadWindow(Instant hourStart, String zone) {
        return hourStart.atZone(ZoneId.of(zone)).toLocalTime().isBefore(BASE_LOAD_END);
    }
}
