package org.straumflyt.processor.followup;

import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;

/**
 * What follow-up keeps per building (internal).
 *
 * @param building its registry entry, or {@code null} before one arrived
 * @param timeZone the zone of its days
 * @param meters   its meters, by meter id
 * @param municipality its municipality as its days name it (for alerts of a building the registry does not list)
 * @param category     its category as its days name it
 */
public record FollowUpBuilding(Building building, String timeZone, Map<String, MeterTrack> meters,
        String municipality, BuildingCategory category) {
    public static final String DEFAULT_ZONE = "Europe/Oslo";

    public FollowUpBuilding {
        meters = meters == null ? new TreeMap<>() : new TreeMap<>(meters);
    }

    public static FollowUpBuilding empty() {
        return new FollowUpBuilding(null, null, null, null, null);
    }

    public FollowUpBuilding withBuilding(Building b) {
        return new FollowUpBuilding(b, timeZone, meters, municipality, category);
    }

    /** With the zone, municipality and category its days name. */
    public FollowUpBuilding withDayFacts(String zone, String dayMunicipality, BuildingCategory dayCategory) {
        return new FollowUpBuilding(building, zone, meters, dayMunicipality, dayCategory);
    }

    public FollowUpBuilding withMeters(Map<String, MeterTrack> next) {
        return new FollowUpBuilding(building, timeZone, next, municipality, category);
    }

    /** Its municipality: the registry's, else its days'. */
    public String municipalityOf() {
        return building != null && building.municipality() != null ? building.municipality() : municipality;
    }

    /** Its category: the registry's, else its days'. */
    public BuildingCategory categoryOf() {
        return building != null && building.category() != null ? building.category() : category;
    }

    /** The zone of its days: from the days, else the registry, else Europe/Oslo. */
    public String zone() {
        if (timeZone != null) {
            return timeZone;
        }
        return building != null && building.timeZone() != null ? building.timeZone() : DEFAULT_ZONE;
    }

    /** How the summaries name it: "name (id)", or the id. */
    public String label(String buildingId) {
        return building == null || building.name() == null || building.name().isBlank() ? buildingId
                : building.name() + " (" + buildingId + ")";
    }
}
