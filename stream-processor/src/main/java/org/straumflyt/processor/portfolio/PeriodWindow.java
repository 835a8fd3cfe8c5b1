package org.straumflyt.processor.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.straumflyt.model.PortfolioPeriod;

/**
 * The local dates {@code [from, to]} (both inclusive) of one portfolio period. Both periods end with the last
 * complete day: year to date starts on 1 January of that day's year; the rolling 12 months start on the day after
 * the same date a year earlier (365 days, 366 when they include 29 February).
 */
public record PeriodWindow(PortfolioPeriod period, LocalDate from, LocalDate to) {
    public PeriodWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period " + period + " ends " + to + " before it starts " + from);
        }
    }

    /** The last complete local day at {@code now}: yesterday in {@code zone}. */
    public static LocalDate lastCompleteDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().minusDays(1);
    }

    /** Year to date and rolling 12 months, both ending with {@code to}. */
    public static List<PeriodWindow> endingAt(LocalDate to) {
        return List.of(new PeriodWindow(PortfolioPeriod.YEAR_TO_DATE, to.withDayOfYear(1), to),
                new PeriodWindow(PortfolioPeriod.ROLLING_12_MONTHS, to.minusYears(1).plusDays(1), to));
    }

    /** The earliest first day of the periods ending with {@code to}: the rolling period's. */
    public static LocalDate earliestFrom(LocalDate to) {
        return to.minusYears(1).plusDays(1);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
