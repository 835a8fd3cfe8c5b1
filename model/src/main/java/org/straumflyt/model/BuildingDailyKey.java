package org.straumflyt.model;

import java.time.LocalDate;

/** Key of {@code kpi.building-daily}: one building on one local date. */
public record BuildingDailyKey(String buildingId, LocalDate date) {
}
