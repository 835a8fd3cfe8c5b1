package org.straumflyt.processor.portfolio;

import java.time.Instant;

/**
 * How far one meter's data reaches (internal). From a meter-hour: its start + coverage × 1 h, the time its
 * measurements reach within the hour.
 *
 * @param meterId    meter id
 * @param buildingId the building the meter-hour was attributed to
 * @param dataUntil  how far the meter's newest data reaches
 */
public record MeterActivity(String meterId, String buildingId, Instant dataUntil) {
}
