package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a public building is used for; drives load shapes and the temperature-dependent share of energy. */
public enum BuildingCategory implements WireNamed {
    SCHOOL,
    KINDERGARTEN,
    NURSING_HOME,
    OFFICE,
    SPORTS_HALL,
    CULTURAL,
    HOSPITAL,
    OTHER;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static BuildingCategory fromWire(String text) {
        return WireNames.parse(BuildingCategory.class, text);
    }
}
