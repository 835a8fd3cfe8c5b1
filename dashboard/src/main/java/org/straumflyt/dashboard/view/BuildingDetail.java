package org.straumflyt.dashboard.view;

import java.util.List;

/**
 * The building page: the portfolio row, today's hours up to the running one, and yesterday's hours.
 *
 * @param summary   the same figures as the building's portfolio row
 * @param timeZone  the zone of the hours
 * @param today     local midnight to the running hour (inclusive)
 * @param yesterday every hour of yesterday (23, 24 or 25)
 */
public record BuildingDetail(BuildingSummary summary, String timeZone, List<HourBar> today,
        List<HourBar> yesterday) {
}
