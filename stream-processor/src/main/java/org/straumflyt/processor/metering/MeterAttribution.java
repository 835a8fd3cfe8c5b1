package org.straumflyt.processor.metering;

import org.straumflyt.model.MeterHour;

/**
 * A meter-hour attributed to its meter's current registry entry: the registry is authoritative for the building
 * and the carrier, whatever the meter-hour was stamped with when it was computed.
 */
public final class MeterAttribution {
    private MeterAttribution() {
    }

    /**
     * @param hour       the meter-hour as computed
     * @param assignment the meter's current assignment, or {@code null} when the registry does not list it
     * @return the hour under the current building (or none: {@code unassigned}) and the registry's carrier
     */
    public static MeterHour attribute(MeterHour hour, MeterAssignment assignment) {
        if (assignment == null) {
            return hour.buildingId() == null ? hour : hour.withBuildingId(null);
        }
        return new MeterHour(hour.meterId(), hour.register(), assignment.spec().carrier(), assignment.buildingId(),
                hour.hourStart(), hour.energyKwh(), hour.peakKw(), hour.coverage(), hour.source(), hour.flags(),
                hour.revision());
    }
}
