package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The energy carrier a meter measures. Written on the wire (and as an InfluxDB tag) in lower snake case. */
public enum Carrier {
    ELECTRICITY,
    DISTRICT_HEATING,
    DISTRICT_COOLING,
    GAS,
    OIL,
    BIOENERGY,
    OTHER;

    /** The wire name, e.g. {@code district_heating}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }

    /**
     * Parses a wire name, case-insensitively, also accepting hyphens ({@code district-heating}).
     *
     * @throws IllegalArgumentException naming the allowed values when {@code text} is none of them
     */
    @JsonCreator
    public static Carrier fromWire(String text) {
        return WireNames.parse(Carrier.class, text);
    }
}
