package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a public building is used for; drives load shapes and the temperature-dependent share of energy. */
public enum BuildingCategory {
    SCHOOL,
    KINDERGARTEN,
    NURSING_HOME,
    OFFICE,
    SPORTS_HALL,
    CULTURAL,
    HOSPITAL,
    OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static BuildingCategory fromWire(String text) {
        return WireNames.parse(BuildingCategory.class, text);
    }
}
