package org.straumflyt.processor.building;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.MeterHour;

/**
 * The meter-hours of one building in one UTC hour, by meter-register. Kept whole (not as running sums) so that a
 * revision replaces exactly the value it corrects, whatever order the retraction and the addition arrive in, and
 * so that sums are taken in one fixed order.
 *
 * @param buildingId building id, or {@code unassigned}
 * @param hourStart  UTC hour
 * @param meters     contributions by {@link MeterContribution#slot()}
 */
public record BuildingHourAggregate(String buildingId, Instant hourStart, Map<String, MeterContribution> meters) {
    public BuildingHourAggregate {
        meters = meters == null ? new TreeMap<>() : new TreeMap<>(meters);
    }

    public static BuildingHourAggregate empty() {
        return new BuildingHourAggregate(null, null, null);
    }

    /** With the meter-hour added, unless a newer revision of it is already in. */
    public BuildingHourAggregate add(String building, MeterHour hour) {
        MeterContribution c = MeterContribution.of(hour);
        MeterContribution present = meters.get(c.slot());
        if (present != null && present.revision() > c.revision()) {
            return this;
        }
        Map<String, MeterContribution> next = new TreeMap<>(meters);
        next.put(c.slot(), c);
        return new BuildingHourAggregate(building, hour.hourStart(), next);
    }

    /** With the meter-hour retracted, if that very revision (or an older one) is what it holds. */
    public BuildingHourAggregate retract(MeterHour hour) {
        MeterContribution c = MeterContribution.of(hour);
        MeterContribution present = meters.get(c.slot());
        if (present == null || present.revision() > c.revision()) {
            return this;
        }
        Map<String, MeterContribution> next = new TreeMap<>(meters);
        next.remove(c.slot());
        return new BuildingHourAggregate(buildingId, hourStart, next);
    }
}
