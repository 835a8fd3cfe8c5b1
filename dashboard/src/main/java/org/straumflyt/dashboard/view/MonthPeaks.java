package org.straumflyt.dashboard.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The running month's peaks: what the grid tariff charges for.
 *
 * @param month          the local month
 * @param peakHourKwh    the month's single highest hour so far (kWh in one hour = its mean kW; the demand charge of
 *                       large customers), or {@code null}
 * @param peakHourStart  UTC start of that hour, or {@code null}
 * @param capacityPeakKw mean of the highest hours of the three highest days (the capacity charge's basis for
 *                       smaller customers), as the stream processor computed it; {@code null} before the month has a
 *                       record
 * @param topDays        the three days with the highest hour, highest first, each with that hour
 * @param daysWithData   days of the month with data so far
 */
public record MonthPeaks(YearMonth month, Double peakHourKwh, Instant peakHourStart, Double capacityPeakKw,
        List<PeakDay> topDays, Integer daysWithData) {

    /**
     * @param date      local date
     * @param kwh       energy of the day's highest hour (its mean kW)
     * @param hourStart UTC start of that hour
     */
    public record PeakDay(LocalDate date, double kwh, Instant hourStart) {
    }
}
