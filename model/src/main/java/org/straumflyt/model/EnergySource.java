package org.straumflyt.model;

/** Which of a meter's readings an hour's energy comes from (one source of truth per meter and hour). */
public enum EnergySource {
    /** The difference of a cumulative register. */
    REGISTER,
    /** Integrated power samples. */
    POWER,
    /** Interval energy values allocated by overlap. */
    INTERVAL,
    /** No energy information, only e.g. a peak. */
    NONE
}
