package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The likely cause class of a finding: a hint for the facility manager, not a diagnosis. */
public enum AlertCause implements WireNamed {
    /** Ventilation, lighting or equipment running when the building should rest. */
    NIGHT_OPERATION,
    /** The heating system (a failed heat pump with electric backup, a wrong heating curve): excess on cold days. */
    HEATING,
    /** Higher use in general, on mild days as well. */
    CONSUMPTION,
    /** A new high hour (capacity tariff, loads at the same time). */
    PEAK_DEMAND,
    /** The meter or its data path, not the building. */
    METERING;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static AlertCause fromWire(String text) {
        return WireNames.parse(AlertCause.class, text);
    }
}
