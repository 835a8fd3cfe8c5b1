package org.straumflyt.processor.building;

import org.straumflyt.model.BuildingHour;

/**
 * A building-hour with the registry facts its days and months need (internal, never published).
 *
 * @param hour              the building-hour (revision 0)
 * @param timeZone          the building's zone, {@code Europe/Oslo} for unassigned meters
 * @param weatherLocationId its weather location, or {@code null}
 * @param heatedAreaM2      heated area, m², 0 when unknown
 */
public record BuildingHourView(BuildingHour hour, String timeZone, String weatherLocationId, double heatedAreaM2) {
}
