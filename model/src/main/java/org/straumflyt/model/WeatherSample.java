package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One outdoor temperature sample of a weather sensor, normalized by ingest. Topic {@code weather.samples}, key =
 * location id. The stream processor averages them into {@link WeatherDaily} records.
 *
 * @param locationId   the location the sensor stands for (the id buildings name as their weather location)
 * @param timestamp    when the temperature was measured (UTC)
 * @param temperatureC the outdoor temperature, °C
 * @param origin       where the sample came from; may be {@code null} for samples made by tools
 */
public record WeatherSample(String locationId, Instant timestamp, double temperatureC, Origin origin) {
    public static final int SCHEMA_VERSION = 1;

    public WeatherSample {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
