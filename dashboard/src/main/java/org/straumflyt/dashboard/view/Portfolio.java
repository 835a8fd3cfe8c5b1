package org.straumflyt.dashboard.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The portfolio page: every building the store knows.
 *
 * @param now         the server's time of the answer
 * @param timeZone    the zone of "today"
 * @param today       the local date of "today"
 * @param hourStart   UTC start of the running hour
 * @param buildings   one row per building, by id
 */
public record Portfolio(Instant now, String timeZone, LocalDate today, Instant hourStart,
        List<BuildingSummary> buildings) {
}
