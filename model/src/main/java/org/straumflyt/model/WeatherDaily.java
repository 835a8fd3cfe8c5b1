package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The daily mean outdoor temperature at a location. Topic {@code weather.daily} (compacted), key = location id.
 *
 * @param locationId       the location (a weather station or a municipality)
 * @param date             the local date
 * @param meanTemperatureC the daily mean, °C
 */
public record WeatherDaily(String locationId, LocalDate date, double meanTemperatureC) {
    public static final int SCHEMA_VERSION = 1;

    public WeatherDaily {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(meanTemperatureC)) {
            throw new IllegalArgumentException("meanTemperatureC must be finite, was " + meanTemperatureC);
        }
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
