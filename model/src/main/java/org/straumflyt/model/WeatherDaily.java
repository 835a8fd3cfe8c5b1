package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The daily mean outdoor temperature at a location. Topic {@code weather.daily} (compacted), key = location id and
 * date.
 *
 * @param locationId       the location (a weather station or a municipality)
 * @param date             the local date
 * @param meanTemperatureC the daily mean, °C
 * @param hoursWithData    how many hours of the day the mean rests on, when it was computed from samples (it is the
 *                         mean of those hours' means); {@code null} for means imported as such
 */
public record WeatherDaily(String locationId, LocalDate date, double meanTemperatureC, Integer hoursWithData) {
    public static final int SCHEMA_VERSION = 1;

    public WeatherDaily {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(meanTemperatureC)) {
            throw new IllegalArgumentException("meanTemperatureC must be finite, was " + meanTemperatureC);
        }
        if (hoursWithData != null && (hoursWithData < 1 || hoursWithData > 25)) {
            throw new IllegalArgumentException("hoursWithData must be 1..25, was " + hoursWithData);
        }
    }

    /** A daily mean given as such (e.g. imported from a weather service), without the hours behind it. */
    public WeatherDaily(String locationId, LocalDate date, double meanTemperatureC) {
        this(locationId, date, meanTemperatureC, null);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
