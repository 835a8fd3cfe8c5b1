package org.straumflyt.tools.opendata;

import java.util.List;
import java.util.Map;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingMonthly;

/**
 * What the export reads: the registry (latest entry per building, tombstones applied) and the current revision of
 * each building-day and building-month.
 *
 * @param registry   buildings by id
 * @param days       building-days, one per key
 * @param months     building-months, one per key
 * @param unreadable records that could not be deserialized and were skipped
 */
public record KpiSnapshot(Map<String, Building> registry, List<BuildingDaily> days, List<BuildingMonthly> months,
        long unreadable) {
    public KpiSnapshot {
        registry = Map.copyOf(registry);
        days = List.copyOf(days);
        months = List.copyOf(months);
    }
}
