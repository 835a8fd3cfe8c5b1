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
 * @param ids        how meter and building ids are read from the topic
 * @param carrier    the energy carrier of its meters, unless the payload says otherwise
 * @param zone       the time zone of formats that send local time without offset (Tasmota)
 * @param buildingId a fixed building id for all its meters, or {@code null}
 */
public record Route(String name, TopicFilter filter, FormatName format, TopicTemplate ids, Carrier carrier,
        ZoneId zone, String buildingId) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(zone, "zone");
    }
}
