package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A meter's place in its building's meter tree (one tree per carrier). Written on the wire in lower snake case; a
 * registry entry without a role means {@link #MAIN} (every meter a main meter of its carrier, as before trees).
 */
public enum MeterRole implements WireNamed {
    /** Billed by the grid company or heat supplier: the building's total for its carrier comes from main meters. */
    MAIN,
    /** Behind a main meter (or another sub-meter): it explains where the energy goes and is not added to the total. */
    SUB,
    /** Not a device: it names its parent's unmetered rest (parent − Σ its metered children), e.g. its end use. */
    VIRTUAL;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static MeterRole fromWire(String text) {
        return WireNames.parse(MeterRole.class, text);
    }
}
