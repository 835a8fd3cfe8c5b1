package org.straumflyt.processor.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.processor.building.BuildingHourView;

/**
 * The building-hours of one building on one local date, by UTC hour start (ISO text, so sorted in time order).
 * Whole values rather than sums, so that an hour's correction replaces it exactly.
 *
 * @param buildingId building id
 * @param date       the local date
 * @param latest     the most recently added hour, for the registry facts (zone, area, category, weather)
 * @param hours      the day's hours
 */
public record DailyAggregate(String buildingId, LocalDate date, BuildingHourView latest,
        Map<String, BuildingHourView> hours) {
    public DailyAggregate {
        hours = hours == null ? new TreeMap<>() : new TreeMap<>(hours);
    }

    public static DailyAggregate empty() {
        return new DailyAggregate(null, null, null, null);
    }

    public DailyAggregate add(String building, LocalDate day, BuildingHourView view) {
        Map<String, BuildingHourView> next = new TreeMap<>(hours);
        next.put(view.hour().hourStart().toString(), view);
        return new DailyAggregate(building, day, view, next);
    }

    /** Without the hour, if it still holds that very value (a newer one may have replaced it already). */
    public DailyAggregate retract(BuildingHourView view) {
        String slot = view.hour().hourStart().toString();
        if (!view.equals(hours.get(slot))) {
            return this;
        }
        Map<String, BuildingHourView> next = new TreeMap<>(hours);
        next.remove(slot);
        return new DailyAggregate(buildingId, date, latest, next);
    }
}
