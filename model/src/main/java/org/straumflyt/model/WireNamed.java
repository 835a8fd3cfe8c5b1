package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum written on the wire by its lower-snake name ({@code DISTRICT_HEATING} as {@code district_heating}). An enum
 * implementing it gets {@link #wireName()} as its JSON value; it still overrides {@code toString()} to return
 * {@link #wireName()} (an interface cannot) and parses with a {@code @JsonCreator fromWire} that calls
 * {@code WireNames.parse}.
 */
public interface WireNamed {

    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** The wire name, e.g. {@code district_heating}. */
    @JsonValue
    default String wireName() {
        return WireNames.wireName(name());
    }
}
