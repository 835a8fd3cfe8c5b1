package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What changed with a revision of a finding. */
public enum AlertEvent implements WireNamed {
    /** A new finding (a notifier tells people). */
    OPENED,
    /** The same ongoing finding with new figures (no one is told again). */
    UPDATED,
    /** Someone acknowledged it. */
    ACKNOWLEDGED,
    /** The condition ended (a notifier tells people). */
    CLOSED;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static AlertEvent fromWire(String text) {
        return WireNames.parse(AlertEvent.class, text);
    }
}
