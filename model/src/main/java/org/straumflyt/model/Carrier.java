package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The energy carrier a meter measures. Written on the wire (and as an InfluxDB tag) in lower snake case. */
public enum Carrier implements WireNamed {
    ELECTRICITY,
    DISTRICT_HEATING,
    DISTRICT_COOLING,
    GAS,
    OIL,
    BIOENERGY,
    OTHER;

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
