package org.straumflyt.dashboard.view;

import java.time.Instant;
import java.util.List;

/**
 * One row of the portfolio page.
 *
 * @param id              building id
 * @param municipality    municipality number, or {@code null}
 * @param category        category wire name, or {@code null}
 * @param liveKw          mean power over the measured part of the running hour, or {@code null} when it has no
 *                        building-hour yet
 * @param runningHourKwh  energy of the running hour so far, or {@code null}
 * @param todayKwh        energy since local midnight including the running hour, or {@code null} without data
 * @param yesterdayKwh    energy of yesterday (local), or {@code null} without data
 * @param todayKwhPerM2   today's energy per m² heated area, or {@code null} when the area is unknown
 * @param areaM2          heated area derived from energy ÷ energy per m², or {@code null}
 * @param newestHour      UTC start of the building's newest building-hour (data freshness)
 * @param coverage        today's coverage: over the completed hours since local midnight, the mean of the hours' coverage with an hour without data counting 0; {@code null} before the first hour completes
 * @param flags           the quality flags of today's hours, in their order of appearance
 * @param metersReporting meters reporting in the newest hour
 * @param metersExpected  meters the registry lists, per the newest hour
 */
public record BuildingSummary(String id, String municipality, String category, Double liveKw, Double runningHourKwh,
        Double todayKwh, Double yesterdayKwh, Double todayKwhPerM2, Double areaM2, Instant newestHour,
        Double coverage, List<String> flags, Integer metersReporting, Integer metersExpected) {
}
