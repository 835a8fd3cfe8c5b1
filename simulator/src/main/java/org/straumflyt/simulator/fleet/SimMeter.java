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
 * @param interval         the meter sends interval energy instead of its register: the energy since its previous
 *                         value, per quarter-hour in even UTC hours and per hour in odd ones (a PT15M/PT1H series);
 *                         needs 15-minute steps on the quarter-hours
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
        double maxPowerKw,
        boolean interval) {

    /** A meter that sends its register. */
    public SimMeter(String meterId, String buildingId, Carrier carrier, PayloadFormat format, int stepSeconds,
            int phaseSeconds, int registerEvery, int powerEvery, long registerMaxWh, long startRegisterWh,
            double maxPowerKw) {
        this(meterId, buildingId, carrier, format, stepSeconds, phaseSeconds, registerEvery, powerEvery, registerMaxWh,
                startRegisterWh, maxPowerKw, false);
    }

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
        if (interval && (stepSeconds != INTERVAL_STEP_SECONDS || phaseSeconds != 0 || registerEvery != 1
                || registerMaxWh != 0)) {
            throw new IllegalArgumentException("an interval meter needs 900 s steps on the quarter-hours, a value due "
                    + "every step and no register maximum");
        }
    }

    /** The step of an interval meter: a quarter-hour. */
    public static final int INTERVAL_STEP_SECONDS = 900;

    /**
     * Whether an interval meter sends a value at grid time {@code epochSecond}: the value of the quarter-hour before
     * it when that quarter lies in an even UTC hour, else only on the hour (the value of the odd hour before).
     */
    public boolean intervalDue(long epochSecond) {
        long hourOfInterval = Math.floorDiv(epochSecond - INTERVAL_STEP_SECONDS, 3600);
        return Math.floorMod(hourOfInterval, 2) == 0 || Math.floorMod(epochSecond, 3600) == 0;
    }

    /** The same meter sending interval energy in 15-minute steps on the quarter-hours, see {@link #interval}. */
    public SimMeter asInterval() {
        return new SimMeter(meterId, buildingId, carrier, format, INTERVAL_STEP_SECONDS, 0, 1, 0, 0, startRegisterWh,
                maxPowerKw, true);
    }

    /** How the registry describes this meter: an AMS meter is a smart meter (EC:ICT:ES:1C), the others are not. */
    public MeterSpec spec() {
        return new MeterSpec(meterId, carrier, java.util.List.of("import"),
                registerMaxWh > 0 ? registerMaxWh / 1000.0 : null, maxPowerKw, format == PayloadFormat.AMS);
    }
}
