package org.straumflyt.processor.cost;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.BuildingCost;

/**
 * The hourly cost records of one building in one day or month, by hour (internal aggregate of the cost stage):
 * a revised hour replaces its earlier record, a retracted one is removed, so the period is always the sum of the
 * hours' latest records.
 */
public record CostPeriod(TreeMap<Instant, BuildingCost> hours) {
    public CostPeriod {
        hours = hours == null ? new TreeMap<>() : new TreeMap<>(hours);
    }

    public static CostPeriod empty() {
        return new CostPeriod(new TreeMap<>());
    }

    public CostPeriod add(BuildingCost hour) {
        TreeMap<Instant, BuildingCost> next = new TreeMap<>(hours);
        next.put(hour.start(), hour);
        return new CostPeriod(next);
    }

    public CostPeriod retract(BuildingCost hour) {
        TreeMap<Instant, BuildingCost> next = new TreeMap<>(hours);
        BuildingCost held = next.get(hour.start());
        if (held != null && held.equals(hour)) {
            next.remove(hour.start());
        }
        return new CostPeriod(next);
    }

    /** The hours in time order. */
    public Map<Instant, BuildingCost> byStart() {
        return hours;
    }
}
