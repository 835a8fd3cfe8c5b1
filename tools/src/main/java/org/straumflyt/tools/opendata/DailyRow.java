package org.straumflyt.tools.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.QualityFlag;

/**
 * One published building-day. Only buildings without personal data have daily rows.
 *
 * @param buildingId       building id
 * @param buildingName     display name from the registry
 * @param category         building category
 * @param heatedAreaM2     heated floor area (BRA) from the registry, m²; {@code null} when unknown
 * @param date             the local date
 * @param timeZone         the zone of the date
 * @param hoursInDay       23, 24 or 25
 * @param hoursWithData    hours with at least one measurement
 * @param importByCarrier  energy used per carrier, kWh
 * @param importKwh        energy used, all carriers, kWh
 * @param exportKwh        energy delivered (e.g. solar), kWh
 * @param kwhPerM2         {@code importKwh} per m² heated area
 * @param peakHourStart    UTC start of the hour with the most energy used
 * @param peakHourKwh      that hour's energy, kWh (= its mean kW)
 * @param baseLoadKw       mean power 00:00–05:00 local time, kW
 * @param meanTemperatureC daily mean outdoor temperature, °C
 * @param degreeDays       {@code max(0, 17 − meanTemperatureC)}
 * @param normalDegreeDays the location's normal degree days for the date: with {@code degreeDays} over a period
 *                         they correct that period's energy (a single day is not corrected on its own)
 * @param coverage         fraction of the day covered by measurements, 0..1
 * @param flags            quality flags
 */
public record DailyRow(String buildingId, String buildingName, BuildingCategory category, Double heatedAreaM2,
        LocalDate date, String timeZone, int hoursInDay, int hoursWithData, Map<Carrier, Double> importByCarrier,
        double importKwh, double exportKwh, Double kwhPerM2, Instant peakHourStart, Double peakHourKwh,
        Double baseLoadKw, Double meanTemperatureC, Double degreeDays, Double normalDegreeDays, double coverage,
        Set<QualityFlag> flags) {

    public DailyRow {
        importByCarrier = Map.copyOf(importByCarrier);
        flags = Set.copyOf(flags);
    }
}
