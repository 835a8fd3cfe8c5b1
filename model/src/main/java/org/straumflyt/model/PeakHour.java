package org.straumflyt.model;

import java.time.Instant;

/**
 * One hour's energy, used for peaks. An hour's kWh equals its mean kW.
 *
 * @param hourStart UTC start of the hour
 * @param kwh       the hour's energy, kWh
 */
public record PeakHour(Instant hourStart, double kwh) {
}
