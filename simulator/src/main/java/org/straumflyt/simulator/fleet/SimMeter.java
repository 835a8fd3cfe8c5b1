package org.straumflyt.simulator.fleet;

import java.util.Objects;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;

/**
 * A simulated meter. Its power is constant within each step {@code [phase + k·step, phase + (k+1)·step)}, and its
 * register advances by whole watt-hours, so the energy between any two of its register readings is exactly known.
 *
 * @param meterId          the meter id (also the MQTT topic's meter segment)
 * @param buildingId       the building it belongs to
 * @param carrier          what it measures
 * @param format           the payload format it publishes
 * @param stepSeconds      length of a constant-power step, s
 * @param phaseSeconds     offset of the step grid from the UTC hour, s (0 ≤ phase &lt; step)
 * @param registerEvery    a register reading every this many steps (1, or a whole hour's steps for AMS readers)
 * @param powerEvery       a power sample every this many steps; 0 = the meter sends no power
 * @param registerMaxWh    the register rolls over to 0 here (Wh); 0 = never
 * @param startRegisterWh  the register's value at the start of the simulation, Wh
 * @param maxPowerKw       highest plausible power, for the registry
 */
public record SimMeter(
        String meterId,
        String buildingId,
        Carrier carrier,
        PayloadFormat format,
        int stepSeconds,
        int phaseSeconds,
        int registerEvery,
        int powerEvery,
        long registerMaxWh,
        long startRegisterWh,
        double maxPowerKw) {

    public SimMeter {
        Objects.requireNonNull(meterId, "meterId");
        if (stepSeconds <= 0 || phaseSeconds < 0 || phaseSeconds >= stepSeconds) {
            throw new IllegalArgumentException("need 0 <= phase < step, got step " + stepSeconds + " phase " + phaseSeconds);
        }
        if (registerEvery < 1 || powerEvery < 0) {
            throw new IllegalArgumentException("registerEvery must be >= 1 and powerEvery >= 0");
        }
        if (registerEvery > 1 && (phaseSeconds != 0 || (registerEvery * stepSeconds) % 3600 != 0)) {
            // Readings that skip steps must sit on hour borders, or linear interpolation across an hour border would
            // not equal the true split of several different steps.
            throw new IllegalArgumentException("sparse register readings must fall on hour borders");
        }
    }

    /** How the registry describes this meter: an AMS meter is a smart meter (EC:ICT:ES:1C), the others are not. */
    public MeterSpec spec() {
        return new MeterSpec(meterId, carrier, java.util.List.of("import"),
                registerMaxWh > 0 ? registerMaxWh / 1000.0 : null, maxPowerKw, format == PayloadFormat.AMS);
    }
}
