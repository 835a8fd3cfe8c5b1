package org.straumflyt.dashboard.view;

import java.time.Instant;
import java.util.List;

/**
 * One hour of a building's day profile.
 *
 * @param hourStart       UTC start of the hour
 * @param localHour       its local start, "HH:mm"
 * @param kwh             energy, or {@code null} when the store has no building-hour (a gap in the data)
 * @param coverage        coverage of the hour, or {@code null}
 * @param flags           quality flags of the hour
 * @param metersReporting meters reporting, or {@code null}
 * @param metersExpected  meters expected, or {@code null}
 * @param inProgress      the running hour: its energy so far, never shown as a gap
 */
public record HourBar(Instant hourStart, String localHour, Double kwh, Double coverage, List<String> flags,
        Integer metersReporting, Integer metersExpected, boolean inProgress) {
}
