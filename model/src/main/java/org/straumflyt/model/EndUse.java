package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a meter's energy is used for: the energy posts of NS 3031 (1a space heating, 1b ventilation heating, 2 domestic
 * hot water, 3a fans, 3b pumps, 4 lighting, 5 technical equipment, 6a space cooling, 6b ventilation cooling), plus EV
 * charging and other. Written on the wire in lower snake case.
 */
public enum EndUse implements WireNamed {
    SPACE_HEATING,
    VENTILATION_HEATING,
    DOMESTIC_HOT_WATER,
    FANS,
    PUMPS,
    LIGHTING,
    TECHNICAL_EQUIPMENT,
    SPACE_COOLING,
    VENTILATION_COOLING,
    EV_CHARGING,
    OTHER;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static EndUse fromWire(String text) {
        return WireNames.parse(EndUse.class, text);
    }
}
