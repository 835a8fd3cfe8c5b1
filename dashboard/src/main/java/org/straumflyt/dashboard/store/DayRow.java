package org.straumflyt.dashboard.store;

import java.time.Instant;
import java.util.List;

/**
 * One building-day as the publisher wrote it (measurement {@code building_daily}, docs/INFLUXDB.md).
 *
 * @param buildingId         building id
 * @param dayStart           local midnight of the day, as an instant
 * @param timeZone           the zone the day is in, or {@code null}
 * @param importKwh          energy used, all carriers, kWh
 * @param kwhPerM2           energy per m², or {@code null} when the area is unknown
 * @param peakHourKwh        energy of the day's highest hour (its mean kW), or {@code null}
 * @param peakHourStart      UTC start of that hour, or {@code null}
 * @param meanTemperatureC   daily mean outdoor temperature, or {@code null} when no weather is known
 * @param hoursInDay         23, 24 or 25
 * @param hoursWithData      hours with at least one meter-hour
 * @param coverage           mean hourly coverage, 0..1
 * @param flags              quality flags, lower case
 */
public record DayRow(String buildingId, Instant dayStart, String timeZone, double importKwh, Double kwhPerM2,
        Double peakHourKwh, Instant peakHourStart, Double meanTemperatureC, int hoursInDay, int hoursWithData,
        double coverage, List<String> flags) {
    public DayRow {
        flags = List.copyOf(flags);
    }
}
