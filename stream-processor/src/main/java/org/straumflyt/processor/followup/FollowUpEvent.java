package org.straumflyt.processor.followup;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDaily;

/**
 * What the follow-up stage learns about one building from the public topics (internal: the one stream repartitioned
 * by building id, so that a building's registry entry, days and meters meet in one task).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FollowUpEvent.Registered.class, name = "registered"),
        @JsonSubTypes.Type(value = FollowUpEvent.Removed.class, name = "removed"),
        @JsonSubTypes.Type(value = FollowUpEvent.Day.class, name = "day"),
        @JsonSubTypes.Type(value = FollowUpEvent.MeterData.class, name = "meter")})
public sealed interface FollowUpEvent {

    /** The building's registry entry, new or changed. */
    record Registered(Building building) implements FollowUpEvent {
    }

    /** The registry's tombstone for the building. */
    record Removed(String buildingId) implements FollowUpEvent {
    }

    /** A building-day, new or revised. */
    record Day(BuildingDaily day) implements FollowUpEvent {
    }

    /** One of the building's meters measured this share of this hour. */
    record MeterData(String meterId, Instant hourStart, double coverage) implements FollowUpEvent {
    }
}
