package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One building in one UTC hour: the sum of its meters' hours, by carrier. Topic {@code kpi.building-hourly}
 * (compacted, upserts), key = {@link BuildingHourKey}.
 *
 * @param buildingId       building id ({@code unassigned} for meters the registry does not know)
 * @param municipality     municipality number, from the registry
 * @param category         building category, from the registry
 * @param hourStart        UTC start of the hour
 * @param carriers         energy by carrier
 * @param importKwh        energy used in the hour, all carriers, kWh
 * @param exportKwh        energy delivered in the hour, all carriers, kWh
 * @param kwhPerM2         {@code importKwh} per m² of heated area, when the area is known
 * @param peakKw           highest power sample of any meter in the hour (per meter, not summed), kW
 * @param metersReporting  meters with data in this hour
 * @param metersExpected   meters the registry lists for the building
 * @param coverage         mean coverage of the reporting meters' hours, 0..1
 * @param flags            union of the meters' flags, plus {@link QualityFlag#MISSING_METERS} and
 *                         {@link QualityFlag#SUB_METERS_EXCEED_MAIN}
 * @param revision         increases with every change of this building-hour
 * @param breakdown        for a building with meter trees ({@link MeterTrees#hasTree}): by carrier, the end uses and
 *                         the unmetered rest; absent otherwise. {@code carriers} and the totals then come from main
 *                         meters only (the sub-meters are in the breakdown, never added twice).
 */
public record BuildingHour(
        String buildingId,
        String municipality,
        BuildingCategory category,
        Instant hourStart,
        Map<Carrier, CarrierEnergy> carriers,
        double importKwh,
        double exportKwh,
        Double kwhPerM2,
        Double peakKw,
        int metersReporting,
        int metersExpected,
        double coverage,
        Set<QualityFlag> flags,
        long revision,
        Map<Carrier, EndUseBreakdown> breakdown) implements Kpi {

    public static final int SCHEMA_VERSION = 1;
    /** The building id under which meters that are not in the registry are aggregated. */
    public static final String UNASSIGNED = "unassigned";

    public BuildingHour {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(hourStart, "hourStart");
        carriers = CarrierMaps.copy(carriers);
        flags = QualityFlags.copy(flags);
        breakdown = EndUseBreakdowns.copy(breakdown);
    }

    /** A building-hour without a meter-tree breakdown. */
    public BuildingHour(String buildingId, String municipality, BuildingCategory category, Instant hourStart,
            Map<Carrier, CarrierEnergy> carriers, double importKwh, double exportKwh, Double kwhPerM2, Double peakKw,
            int metersReporting, int metersExpected, double coverage, Set<QualityFlag> flags, long revision) {
        this(buildingId, municipality, category, hourStart, carriers, importKwh, exportKwh, kwhPerM2, peakKw,
                metersReporting, metersExpected, coverage, flags, revision, null);
    }

    public BuildingHourKey key() {
        return new BuildingHourKey(buildingId, hourStart);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
