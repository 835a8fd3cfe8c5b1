package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a finding of energy follow-up is about (docs/FOLLOW-UP.md). */
public enum AlertKind implements WireNamed {
    /** Daily energy above what the building's energy signature expects for the weather, for several days. */
    ENERGY_ABOVE_EXPECTED,
    /** Night base load (00:00–05:00 local) above what its own signature expects, for several days. */
    BASE_LOAD_UP,
    /** A day's highest hour above the highest daily peak of the reference period. */
    NEW_PEAK,
    /** A meter of the building has delivered no data for several hours. */
    METER_SILENT,
    /** A meter reports, but measured too little of its recent hours. */
    METER_COVERAGE_LOW,
    /**
     * Sub-meters that together read more than their main meter beyond a tolerance. Reserved for the meter-tree stage
     * (DESIGN §9), which raises it as another source of findings on this topic.
     */
    SUB_METERS_EXCEED_MAIN;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static AlertKind fromWire(String text) {
        return WireNames.parse(AlertKind.class, text);
    }
}
