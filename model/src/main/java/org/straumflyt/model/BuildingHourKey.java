package org.straumflyt.model;

import java.time.Instant;

/** Key of {@code kpi.building-hourly}: one building in one UTC hour. */
public record BuildingHourKey(String buildingId, Instant hourStart) {
}
