package org.straumflyt.ingest.route;

import java.time.ZoneId;
import java.util.Objects;
import org.straumflyt.ingest.format.FormatName;
import org.straumflyt.model.Carrier;

/**
 * One configured route: which MQTT topics, in which payload format, with which ids and fixed attributes.
 *
 * @param name       the route's name in configuration ({@code route.<name>.*})
 * @param filter     the MQTT topic filter it subscribes to
 * @param format     the payload format of its messages
 * @param ids        how meter, building and location ids are read from the topic
 * @param carrier    the energy carrier of its meters, unless the payload says otherwise
 * @param zone       the time zone of formats that send local time without offset (Tasmota)
 * @param buildingId a fixed building id for all its meters, or {@code null}
 * @param locationId temperature formats: a fixed weather location id for all its messages, or {@code null}
 * @param sensor     temperature formats: which of several sensors of a message to read (e.g. Tasmota
 *                   {@code DS18B20-2}), or {@code null} for the only one
 */
public record Route(String name, TopicFilter filter, FormatName format, TopicTemplate ids, Carrier carrier,
        ZoneId zone, String buildingId, String locationId, String sensor) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(zone, "zone");
        if (!format.measuresTemperature() && (locationId != null || sensor != null)) {
            throw new IllegalArgumentException("a location id and a sensor apply to temperature formats only, not "
                    + format.wireName());
        }
        if (format.measuresTemperature() && locationId == null && !ids.names(TopicTemplate.LOCATION_ID)) {
            throw new IllegalArgumentException("temperature format " + format.wireName() + " needs a location id: "
                    + "a fixed one, or {" + TopicTemplate.LOCATION_ID + "} in the topic template");
        }
    }

    /** A route of a meter format. */
    public Route(String name, TopicFilter filter, FormatName format, TopicTemplate ids, Carrier carrier, ZoneId zone,
            String buildingId) {
        this(name, filter, format, ids, carrier, zone, buildingId, null, null);
    }
}
