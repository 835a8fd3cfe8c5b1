package org.straumflyt.model;

/** How a KPI value was obtained, beyond plain measurement. Written in a sorted array on every KPI record. */
public enum QualityFlag {
    /** Provisional: from power samples while the register has not yet reached this hour; a later revision replaces it. */
    ESTIMATED,
    /** Energy spread over a gap longer than the power-gap limit (from a register step that spans it). */
    INTERPOLATED,
    /** A meter reset or replacement was detected here; energy continues from the new base. */
    RESET,
    /** The register rolled over at its maximum; the delta across the rollover was booked. */
    ROLLOVER,
    /** A lone drop of the register (e.g. to 0), contradicted by the next reading, was discarded. */
    GLITCH,
    /** A step implying more than the meter's plausible maximum power was quarantined, not booked. */
    SPIKE,
    /** Two different values for the same meter, register and time were received; one was chosen deterministically. */
    CONFLICT,
    /** Part of the period has no measurement (coverage below 1). */
    GAP,
    /** At least one expected meter of the building reported nothing in this period. */
    MISSING_METERS,
    /**
     * The degree-day correction was not possible for the period (no degree days in it, e.g. a summer month): its
     * corrected energy is the energy as measured.
     */
    NOT_CORRECTED,
    /**
     * The sub-meters directly behind a main meter read more than the main meter, beyond a tolerance: the unmetered
     * rest is negative (a data-quality finding: a sub-meter counted twice, a wrong parent, a wrong factor).
     */
    SUB_METERS_EXCEED_MAIN
}
