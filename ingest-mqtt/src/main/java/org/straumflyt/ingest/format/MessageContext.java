package org.straumflyt.ingest.format;

import java.time.Instant;
import java.time.ZoneId;
import org.straumflyt.model.DeadLetterReason;
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
 * @param receivedAt when ingest received it (UTC)
 * @param delivery   whether it may be history the broker kept while ingest was away
 * @param timeline   the latest time each topic's device has reported
 */
public record MessageContext(String topic, Route route, TopicIds ids, Instant receivedAt, Delivery delivery,
        DeviceTimeline timeline) {

    /** A live message, with a timeline of its own (for tests and tools that decode one message at a time). */
    public MessageContext(String topic, Route route, TopicIds ids, Instant receivedAt) {
        this(topic, route, ids, receivedAt, Delivery.LIVE, new DeviceTimeline(1));
    }

    /**
     * The arrival time, as the timestamp of a message that carries no time of its own.
     *
     * @throws InvalidPayload {@code UNTIMED_REPLAY} when the message may be history: its arrival says nothing about
     *                        when it was measured
     */
    public Instant arrivalAsTimestamp(String what) throws InvalidPayload {
        if (delivery == Delivery.REPLAYED) {
            throw new InvalidPayload(DeadLetterReason.UNTIMED_REPLAY, what + " carries no time and the message was "
                    + "redelivered after a reconnect (MQTT DUP, or within mqtt.replay.window.seconds of a resumed "
                    + "session): its arrival at " + receivedAt + " is not when it was measured");
        }
        return receivedAt;
    }

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
