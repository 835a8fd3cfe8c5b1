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
 * @param normalDegreeDays the location's normal degree days for this date (its month's normal ÷ the month's days),
 *                         present with {@code degreeDays}: a period's degree-day correction uses the sums of both
 *                         over the period, never one day's ratio (docs/METERING.md)
 * @param coverage         mean building-hour coverage over the day's hours, 0..1
 * @param meterCoverage    the part of the day's expected meter-hours that was measured: per hour, its coverage ×
 *                         reporting ÷ expected meters, summed and divided by {@code hoursInDay}, 0..1; the day is
 *                         complete when it is 1
 * @param flags            union of the day's hourly flags
 * @param revision         increases with every change
 * @param breakdown        for a building with meter trees: the end uses and unmetered rest by carrier, the sum
 *                         of its hours' (days'); absent otherwise
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
        Double normalDegreeDays,
        double coverage,
        double meterCoverage,
        Set<QualityFlag> flags,
        long revision,
        Map<Carrier, EndUseBreakdown> breakdown) implements Kpi {

    /** 2: {@code correctedKwh} left the day (a day's own degree days cannot correct it), {@code normalDegreeDays}
     * and {@code meterCoverage} joined. */
    public static final int SCHEMA_VERSION = 2;
    /** {@code meterCoverage} at or above this is a complete day (sums of 10⁻⁹-exact coverages). */
    public static final double COMPLETE = 1 - 1e-9;

    public BuildingDaily {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(date, "date");
        carriers = CarrierMaps.copy(carriers);
        flags = QualityFlags.copy(flags);
        breakdown = EndUseBreakdowns.copy(breakdown);
    }

    /** A record without a meter-tree breakdown. */
    public BuildingDaily(String buildingId, String municipality, BuildingCategory category, LocalDate date,
            String timeZone, int hoursInDay, int hoursWithData, Map<Carrier, CarrierEnergy> carriers, double importKwh,
            double exportKwh, Double kwhPerM2, PeakHour peakHour, Double baseLoadKw, Double meanTemperatureC,
            Double degreeDays, Double normalDegreeDays, double coverage, double meterCoverage, Set<QualityFlag> flags,
            long revision) {
        this(buildingId, municipality, category, date, timeZone, hoursInDay, hoursWithData, carriers, importKwh, exportKwh,
                kwhPerM2, peakHour, baseLoadKw, meanTemperatureC, degreeDays, normalDegreeDays, coverage, meterCoverage,
                flags, revision, null);
    }

    /** Whether every expected meter reported for the whole day. */
    public boolean complete() {
        return meterCoverage >= COMPLETE;
    }

    public BuildingDailyKey key() {
        return new BuildingDailyKey(buildingId, date);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
