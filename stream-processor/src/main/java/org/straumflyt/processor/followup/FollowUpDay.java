package org.straumflyt.processor.followup;

import java.time.Instant;
import java.time.LocalDate;
import org.straumflyt.model.BuildingDaily;

/**
 * What follow-up keeps of a building-day (internal).
 *
 * @param date          the local date
 * @param timeZone      the building's zone
 * @param importKwh     energy used, kWh
 * @param temperatureC  daily mean outdoor temperature, when known
 * @param baseLoadKw    mean power 00:00–05:00 local, when known
 * @param peakKwh       the day's highest hour, kWh (= mean kW), when known
 * @param peakHour      start of that hour
 * @param meterCoverage measured part of the day's expected meter-hours, 0..1
 */
public record FollowUpDay(LocalDate date, String timeZone, double importKwh, Double temperatureC, Double baseLoadKw,
        Double peakKwh, Instant peakHour, double meterCoverage) {

    public static FollowUpDay of(BuildingDaily d) {
        return new FollowUpDay(d.date(), d.timeZone(), d.importKwh(), d.meanTemperatureC(), d.baseLoadKw(),
                d.peakHour() == null ? null : d.peakHour().kwh(), d.peakHour() == null ? null : d.peakHour().hourStart(),
                d.meterCoverage());
    }
}
