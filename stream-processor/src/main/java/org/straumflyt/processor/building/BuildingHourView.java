package org.straumflyt.processor.building;

import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.BuildingHour;

/**
 * A building-hour with the registry facts its days and months need (internal, never published).
 *
 * @param hour              the building-hour (revision 0)
 * @param timeZone          the building's zone, {@code Europe/Oslo} for unassigned meters
 * @param weatherLocationId its weather location, or {@code null}
 * @param heatedAreaM2      heated area, m², 0 when unknown
 * @param biddingZone       its bidding zone from the registry, or {@code null} (the cost stage's default applies)
 * @param tariffId          its tariff id from the registry, or {@code null} (the cost stage's default applies)
 */
public record BuildingHourView(BuildingHour hour, String timeZone, String weatherLocationId, double heatedAreaM2,
        BiddingZone biddingZone, String tariffId) {

    /** A view without cost attributes. */
    public BuildingHourView(BuildingHour hour, String timeZone, String weatherLocationId, double heatedAreaM2) {
        this(hour, timeZone, weatherLocationId, heatedAreaM2, null, null);
    }
}
