package org.straumflyt.dashboard.view;

import java.util.List;

/**
 * The building page.
 *
 * @param summary   the same figures as the building's portfolio row
 * @param timeZone  the zone of the hours
 * @param today     local midnight to the running hour (inclusive)
 * @param yesterday every hour of yesterday (23, 24 or 25)
 * @param lastWeek  every hour of the same weekday last week
 * @param days      the last 30 complete local days, oldest first, a day without data included (kWh {@code null})
 * @param month     the running month's peaks
 */
public record BuildingDetail(BuildingSummary summary, String timeZone, List<HourBar> today, List<HourBar> yesterday,
        List<HourBar> lastWeek, List<DayFigure> days, MonthPeaks month) {
}
