package org.straumflyt.dashboard.view;

import java.time.Instant;
import java.util.List;
import org.straumflyt.model.GeoLocation;

/**
 * One row of the portfolio page.
 *
 * @param id              building id
 * @param name            the registry's name, or the id when the registry does not know the building
 * @param inRegistry      whether the registry knows the building
 * @param personalData    whether the registry marks the building as holding personal data
 * @param hidden          whether its figures are hidden from this viewer (personal data): every figure and the
 *                        location are then {@code null} and the flags empty
 * @param municipality    municipality number (registry, else the store's tag), or {@code null}
 * @param category        category wire name (registry, else the store's tag), or {@code null}
 * @param location        the registry's coordinates, or {@code null}
 * @param liveKw          mean power over the measured part of the running hour, or {@code null} when it has no
 *                        building-hour yet
 * @param runningHourKwh  energy of the running hour so far, or {@code null}
 * @param todayKwh        energy since local midnight including the running hour, or {@code null} without data
 * @param lastWeekKwh     energy of the same weekday last week from its midnight to the end of the same hour
 *                        (local time), or {@code null} without data
 * @param yesterdayKwh    energy of yesterday (local), or {@code null} without data
 * @param todayKwhPerM2   today's energy per m² heated area, or {@code null} when the area is unknown
 * @param areaM2          heated area: the registry's, else derived from energy ÷ energy per m², or {@code null}
 * @param year            kWh/m² over the last twelve months against the category's benchmark
 * @param newestHour      UTC start of the building's newest building-hour (data freshness), or {@code null}
 * @param coverage        today's coverage: over the completed hours since local midnight, the mean of the hours' coverage with an hour without data counting 0; {@code null} before the first hour completes
 * @param flags           the quality flags of today's hours, in their order of appearance
 * @param metersReporting meters reporting in the newest hour
 * @param metersExpected  meters the registry lists, per the newest hour
 */
public record BuildingSummary(String id, String name, boolean inRegistry, boolean personalData, boolean hidden,
        String municipality, String category, GeoLocation location,
        Double liveKw, Double runningHourKwh, Double todayKwh, Double lastWeekKwh, Double yesterdayKwh,
        Double todayKwhPerM2, Double areaM2, YearFigure year, Instant newestHour, Double coverage, List<String> flags,
        Integer metersReporting, Integer metersExpected) {

    /** The same building with no figure: what a viewer not cleared for personal data sees of it. */
    BuildingSummary withoutFigures() {
        return new BuildingSummary(id, name, inRegistry, personalData, true, municipality, category, null, null, null,
                null,
                null, null, null, areaM2, new YearFigure(year.from(), year.to(), null, 0, year.benchmarkKwhPerM2()),
                null, null, List.of(), null, null);
    }
}
