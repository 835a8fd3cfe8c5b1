package org.straumflyt.model;

import java.time.YearMonth;

/** Key of {@code kpi.building-monthly}: one building in one local month. */
public record BuildingMonthlyKey(String buildingId, YearMonth month) {
}
