package org.straumflyt.dashboard.store;

import java.time.Instant;

/**
 * A building as the store knows it: the tags of its building-hours and its newest hour.
 *
 * @param buildingId   building id
 * @param municipality municipality number, or {@code null}
 * @param category     building category (wire name), or {@code null}
 * @param newestHour   UTC start of its newest building-hour
 */
public record BuildingSeen(String buildingId, String municipality, String category, Instant newestHour) {
}
