package org.straumflyt.ingest.format;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.ingest.route.TopicIds;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Origin;

/**
 * What a format knows about a message besides its payload.
 *
 * @param topic      the MQTT topic it arrived on
 * @param route      the route that matched the topic
 * @param ids        the ids the route's template read from the topic
 * @param receivedAt when ingest received it (UTC); the timestamp of formats that carry none
 */
public record MessageContext(String topic, Route route, TopicIds ids, Instant receivedAt) {

    public Carrier carrier() {
        return route.carrier();
    }

    public ZoneId zone() {
        return route.zone();
    }

    /** The building id from the topic, else the route's fixed one, else none. */
    public String buildingId() {
        return ids.buildingId().orElse(route.buildingId());
    }

    /** The weather location id from the topic, else the route's fixed one, else none. */
    public Optional<String> locationId() {
        return ids.locationId().or(() -> Optional.ofNullable(route.locationId()));
    }

    /** The meter id from the topic, if the template has one. */
    public Optional<String> topicMeterId() {
        return ids.meterId();
    }

    public Origin origin() {
        return new Origin(topic, route.format().wireName(), receivedAt);
    }
}
