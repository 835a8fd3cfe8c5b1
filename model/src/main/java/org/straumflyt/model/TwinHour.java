package org.straumflyt.model;

import java.time.Instant;

/**
 * One building-hour as the digital twin shows it.
 *
 * @param hourStart UTC start of the hour
 * @param importKwh energy used in the hour so far, all carriers, kWh
 * @param peakKw    highest power sample of any meter in the hour, kW, when known
 */
public record TwinHour(Instant hourStart, double importKwh, Double peakKw) {
}
