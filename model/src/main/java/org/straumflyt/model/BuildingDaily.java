package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One building on one local date of its time zone (23, 24 or 25 hours). Topic {@code kpi.building-daily}
 * (compacted, upserts), key = {@link BuildingDailyKey}.
 *
 * @param buildingId       building id
 * @param municipality     municipality number
 * @param category         building category
 * @param date             the local date
 * @param timeZone         the zone the date is in
 * @param hoursInDay       23, 24 or 25
 * @param hoursWithData    hours with at least one meter-hour
 * @param carriers         energy by carrier
 * @param importKwh        energy used, kWh
 * @param exportKwh        energy delivered, kWh
 * @param kwhPerM2         {@code importKwh} per m² heated area
 * @param peakHour         the hour with the most energy used
 * @param baseLoadKw       mean power between 00:00 and 05:00 local time (mean kWh of those hours), kW
 * @param meanTemperatureC daily mean outdoor temperature, when known
 * @param degreeDays       {@code max(0, 17 − meanTemperatureC)}, when known
 * @param correctedKwh     degree-day-corrected energy, when degree days are known and positive
 * @param coverage         mean building-hour coverage over the day's hours, 0..1
 * @param flags            union of the day's hourly flags
 * @param revision         increases with every change
 */
public record BuildingDaily(
        String buildingId,
        String municipality,
        BuildingCategory category,
        LocalDate date,
        String timeZone,
        int hoursInDay,
        int hoursWithData,
        Map<Carrier, CarrierEnergy> carriers,
        double importKwh,
        double exportKwh,
        Double kwhPerM2,
        PeakHour peakHour,
        Double baseLoadKw,
        Double meanTemperatureC,
        Double degreeDays,
        Double correctedKwh,
        double coverage,
        Set<QualityFlag> flags,
        long revision) implements Kpi {

    public static final int SCHEMA_VERSION = 1;

    public BuildingDaily {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(date, "date");
        carriers = CarrierMaps.copy(carriers);
        flags = QualityFlags.copy(flags);
    }

    public BuildingDailyKey key() {
        return new BuildingDailyKey(buildingId, date);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
