package org.straumflyt.simulator.fleet;

import java.time.Instant;

/**
 * What a meter shows at one moment, to be encoded as one message.
 *
 * @param meter      the meter
 * @param at         the moment
 * @param registerWh the register display, Wh, or {@code null} when this message carries no register
 * @param powerW     the power, W, or {@code null} when this message carries no power
 * @param anomaly    what is wrong with it on purpose, if anything
 * @param intervalStart for interval energy: the start of the interval that ends {@code at}; else {@code null}
 * @param intervalWh    for interval energy: the energy of {@code [intervalStart, at)}, Wh; else {@code null}
 */
public record Snapshot(SimMeter meter, Instant at, Long registerWh, Double powerW, Anomaly anomaly,
        Instant intervalStart, Long intervalWh) {

    /** A register reading and/or power sample. */
    public Snapshot(SimMeter meter, Instant at, Long registerWh, Double powerW, Anomaly anomaly) {
        this(meter, at, registerWh, powerW, anomaly, null, null);
    }

    /** Faults injected into the readings themselves. */
    public enum Anomaly {
        NONE,
        /** A lone reading of 0. */
        GLITCH,
        /** A lone reading far above the register. */
        SPIKE,
        /** The first reading after the register restarted from 0. */
        RESET
    }
}
