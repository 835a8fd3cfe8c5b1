package org.straumflyt.tools.opendata;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.QualityFlag;

/**
 * One published building-month, or the aggregate of the personal-data buildings of one category in one month.
 *
 * @param buildingId      building id, or {@code aggregate:personal:<category>} for an aggregate
 * @param buildingName    display name, or a description of the aggregate
 * @param category        building category
 * @param heatedAreaM2    heated floor area, m² (the sum for an aggregate); {@code null} when unknown
 * @param buildingCount   1, or the number of buildings in the aggregate
 * @param month           the local month
 * @param daysWithData    days with data; {@code null} for an aggregate
 * @param importByCarrier energy used per carrier, kWh
 * @param importKwh       energy used, all carriers, kWh
 * @param exportKwh       energy delivered, kWh
 * @param kwhPerM2        {@code importKwh} per m² heated area
 * @param peakHourStart   UTC start of the month's highest hour; {@code null} for an aggregate
 * @param peakHourKwh     that hour's energy, kWh
 * @param capacityPeakKw  mean of the highest hours of the three days with the highest hours, kW
 * @param degreeDays      the month's degree days; {@code null} for an aggregate
 * @param correctedKwh    degree-day-corrected energy, kWh (the sum for an aggregate, when every member has one)
 * @param coverage        fraction of the month covered by measurements, 0..1 (the mean for an aggregate)
 * @param flags           quality flags (their union for an aggregate)
 */
public record MonthlyRow(String buildingId, String buildingName, BuildingCategory category, Double heatedAreaM2,
        int buildingCount, YearMonth month, Integer daysWithData, Map<Carrier, Double> importByCarrier,
        double importKwh, double exportKwh, Double kwhPerM2, Instant peakHourStart, Double peakHourKwh,
        Double capacityPeakKw, Double degreeDays, Double correctedKwh, double coverage, Set<QualityFlag> flags) {

    public MonthlyRow {
        importByCarrier = Map.copyOf(importByCarrier);
        flags = Set.copyOf(flags);
    }

    public boolean aggregate() {
        return buildingId.startsWith(OpenDataSelector.AGGREGATE_ID_PREFIX);
    }
}
