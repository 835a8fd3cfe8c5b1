package org.straumflyt.processor.calendar;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The building-days of one building in one local month, by ISO date.
 *
 * @param buildingId building id
 * @param month      the local month
 * @param latest     the most recently added day, for the registry facts
 * @param days       the month's days
 */
public record MonthlyAggregate(String buildingId, YearMonth month, DailyView latest, Map<String, DailyView> days) {
    public MonthlyAggregate {
        days = days == null ? new TreeMap<>() : new TreeMap<>(days);
    }

    public static MonthlyAggregate empty() {
        return new MonthlyAggregate(null, null, null, null);
    }

    public MonthlyAggregate add(String building, YearMonth in, DailyView view) {
        Map<String, DailyView> next = new TreeMap<>(days);
        next.put(view.daily().date().toString(), view);
        return new MonthlyAggregate(building, in, view, next);
    }

    /** Without the day, if it still holds that very value. */
    public MonthlyAggregate retract(DailyView view) {
        String slot = view.daily().date().toString();
        if (!view.equals(days.get(slot))) {
            return this;
        }
        Map<String, DailyView> next = new TreeMap<>(days);
        next.remove(slot);
        return new MonthlyAggregate(buildingId, month, latest, next);
    }
}
