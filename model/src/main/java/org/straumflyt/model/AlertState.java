package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The state of a finding. */
public enum AlertState implements WireNamed {
    /** The condition holds and nobody has acknowledged it. */
    OPEN,
    /** The condition holds and someone has taken it on. */
    ACKNOWLEDGED,
    /** The condition ended; the finding closed itself. */
    CLOSED;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static AlertState fromWire(String text) {
        return WireNames.parse(AlertState.class, text);
    }
}
