package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One building in one local month. Topic {@code kpi.building-monthly} (compacted, upserts), key =
 * {@link BuildingMonthlyKey}.
 *
 * @param buildingId      building id
 * @param municipality    municipality number
 * @param category        building category
 * @param month           the local month
 * @param timeZone        the zone the month is in
 * @param daysWithData    days with at least one building-hour
 * @param carriers        energy by carrier
 * @param importKwh       energy used, kWh
 * @param exportKwh       energy delivered, kWh
 * @param kwhPerM2        {@code importKwh} per m² heated area
 * @param peakHour        the single highest hour of the month (the demand charge above 100 000 kWh/yr)
 * @param capacityPeaks   the highest hour of each of the three days with the highest hours, highest first
 * @param capacityPeakKw  mean of {@code capacityPeaks} (kWh per hour = kW): the capacity-tariff step basis
 * @param degreeDays      sum of the days' degree days, when every day with data has a temperature
 * @param normalDegreeDays sum of the same days' normal degree days, under the same condition
 * @param correctedKwh    degree-day-corrected energy from the month's sums,
 *                        {@code E·(1−f) + E·f·ΣGD_normal/ΣGD_actual}; when the month has no degree days the
 *                        energy as measured, flagged {@link QualityFlag#NOT_CORRECTED}; absent without temperatures
 * @param coverage        mean daily coverage over the month's days, 0..1
 * @param flags           union of the month's flags
 * @param revision        increases with every change
 * @param breakdown       for a building with meter trees: the end uses and unmetered rest by carrier, the sum of
 *                        its days'; absent otherwise
 */
public record BuildingMonthly(
        String buildingId,
        String municipality,
        BuildingCategory category,
        YearMonth month,
        String timeZone,
        int daysWithData,
        Map<Carrier, CarrierEnergy> carriers,
        double importKwh,
        double exportKwh,
        Double kwhPerM2,
        PeakHour peakHour,
        List<PeakHour> capacityPeaks,
        Double capacityPeakKw,
        Double degreeDays,
        Double normalDegreeDays,
        Double correctedKwh,
        double coverage,
        Set<QualityFlag> flags,
        long revision,
        Map<Carrier, EndUseBreakdown> breakdown) implements Kpi {

    public static final int SCHEMA_VERSION = 1;

    public BuildingMonthly {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(month, "month");
        carriers = CarrierMaps.copy(carriers);
        capacityPeaks = capacityPeaks == null ? List.of() : List.copyOf(capacityPeaks);
        flags = QualityFlags.copy(flags);
        breakdown = EndUseBreakdowns.copy(breakdown);
    }

    /** A record without a meter-tree breakdown. */
    public BuildingMonthly(String buildingId, String municipality, BuildingCategory category, YearMonth month,
            String timeZone, int daysWithData, Map<Carrier, CarrierEnergy> carriers, double importKwh,
            double exportKwh, Double kwhPerM2, PeakHour peakHour, List<PeakHour> capacityPeaks, Double capacityPeakKw,
            Double degreeDays, Double normalDegreeDays, Double correctedKwh, double coverage, Set<QualityFlag> flags,
            long revision) {
        this(buildingId, municipality, category, month, timeZone, daysWithData, carriers, importKwh, exportKwh,
                kwhPerM2, peakHour, capacityPeaks, capacityPeakKw, degreeDays, normalDegreeDays, correctedKwh, coverage,
                flags, revision, null);
    }

    public BuildingMonthlyKey key() {
        return new BuildingMonthlyKey(buildingId, month);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
