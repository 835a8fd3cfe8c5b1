package org.straumflyt.processor.portfolio;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;

/**
 * Everything the building stage learns about one building, from the public topics (internal: the one stream that is
 * repartitioned by building id, so that a building's registry entry, hours, days and meters meet in one task).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BuildingEvent.Registered.class, name = "registered"),
        @JsonSubTypes.Type(value = BuildingEvent.Removed.class, name = "removed"),
        @JsonSubTypes.Type(value = BuildingEvent.Hour.class, name = "hour"),
        @JsonSubTypes.Type(value = BuildingEvent.Day.class, name = "day"),
        @JsonSubTypes.Type(value = BuildingEvent.Meter.class, name = "meter")})
public sealed interface BuildingEvent {

    /** The building's registry entry, new or changed. */
    record Registered(Building building) implements BuildingEvent {
    }

    /** The registry's tombstone for the building. */
    record Removed(String buildingId) implements BuildingEvent {
    }

    /** A building-hour, new or revised. */
    record Hour(BuildingHour hour) implements BuildingEvent {
    }

    /** A building-day, new or revised. */
    record Day(BuildingDaily day) implements BuildingEvent {
    }

    /** One of the building's meters delivered data reaching further than before. */
    record Meter(MeterActivity activity) implements BuildingEvent {
    }
}
