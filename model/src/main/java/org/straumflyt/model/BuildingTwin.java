package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The latest state of one building, for a digital twin or a map. Topic {@code twin.buildings} (compacted), key =
 * building id; a tombstone means the building left the registry. docs/TOPICS.md defines each value exactly.
 *
 * @param buildingId      building id
 * @param name            display name, from the registry
 * @param municipality    municipality number, from the registry
 * @param category        building category, from the registry
 * @param location        coordinates, from the registry, when known
 * @param heatedAreaM2    heated floor area (BRA), m², 0 when unknown
 * @param timeZone        the building's time zone
 * @param liveKw          mean power over the measured part of the newest hour: its kWh ÷ (coverage × 1 h), kW
 * @param currentHour     the newest building-hour with data
 * @param today           the building's newest local day with data (today while data flows)
 * @param lastCompleteHour the newest building-hour that had ended when it was last updated
 * @param coverage        coverage of the newest hour, 0..1
 * @param metersReporting meters with data in the newest hour
 * @param metersExpected  meters the registry lists
 * @param flags           quality flags of the newest hour
 * @param lastSeen        time the newest data reaches: the newest hour's start + coverage × 1 h
 * @param revision        increases with every change of the record
 */
public record BuildingTwin(
        String buildingId,
        String name,
        String municipality,
        BuildingCategory category,
        GeoLocation location,
        double heatedAreaM2,
        String timeZone,
        Double liveKw,
        TwinHour currentHour,
        TwinDay today,
        TwinHour lastCompleteHour,
        double coverage,
        int metersReporting,
        int metersExpected,
        Set<QualityFlag> flags,
        Instant lastSeen,
        long revision) {

    public static final int SCHEMA_VERSION = 1;

    public BuildingTwin {
        Objects.requireNonNull(buildingId, "buildingId");
        flags = QualityFlags.copy(flags);
    }

    /** The same record with another revision number. */
    public BuildingTwin withRevision(long newRevision) {
        return new BuildingTwin(buildingId, name, municipality, category, location, heatedAreaM2, timeZone, liveKw,
                currentHour, today, lastCompleteHour, coverage, metersReporting, metersExpected, flags, lastSeen,
                newRevision);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
