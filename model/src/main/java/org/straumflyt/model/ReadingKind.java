package org.straumflyt.model;

/** How a reading's value relates to energy. */
public enum ReadingKind {
    /** A cumulative register in kWh: energy is the difference between two readings. */
    ENERGY_REGISTER,
    /** An instantaneous power sample in kW: energy is its integral over time. */
    POWER,
    /** Energy in kWh consumed over {@code [intervalStart, timestamp)}, e.g. a 15-minute value. */
    INTERVAL_ENERGY
}
