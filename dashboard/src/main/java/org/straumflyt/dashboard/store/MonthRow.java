package org.straumflyt.dashboard.store;

import java.time.Instant;
import java.util.List;

/**
 * One building-month as the publisher wrote it (measurement {@code building_monthly}, docs/INFLUXDB.md).
 *
 * @param buildingId     building id
 * @param monthStart     local midnight of the month's first day, as an instant
 * @param timeZone       the zone the month is in, or {@code null}
 * @param importKwh      energy used, all carriers, kWh
 * @param kwhPerM2       energy per m², or {@code null} when the area is unknown
 * @param peakHourKwh    the month's single highest hour (demand charge basis), or {@code null}
 * @param peakHourStart  UTC start of that hour, or {@code null}
 * @param capacityPeakKw mean of the highest hours of the three highest days (capacity tariff basis), or {@code null}
 * @param daysWithData   days with at least one building-hour
 * @param coverage       mean daily coverage, 0..1
 * @param flags          quality flags, lower case
 */
public record MonthRow(String buildingId, Instant monthStart, String timeZone, double importKwh, Double kwhPerM2,
        Double peakHourKwh, Instant peakHourStart, Double capacityPeakKw, int daysWithData, double coverage,
        List<String> flags) {
    public MonthRow {
        flags = List.copyOf(flags);
    }
}
