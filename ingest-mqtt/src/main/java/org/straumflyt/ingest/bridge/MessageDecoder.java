package org.straumflyt.ingest.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.straumflyt.ingest.format.Delivery;
import org.straumflyt.ingest.format.DeviceTimeline;
import org.straumflyt.ingest.format.FormatName;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.NothingToMeter;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.ingest.route.RouteTable;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.model.WeatherSample;

/**
 * Turns one MQTT message into readings, temperature samples or a dead letter: route lookup, size limit, the route's
 * format, then the checks every reading or sample must pass. A message is all or nothing: one bad reading sets the
 * whole message aside, so a message is never half produced.
 */
public final class MessageDecoder {
    public static final String COMPONENT = "ingest-mqtt";

    /** Readings one message may carry by default: an AMS list or a Shelly Pro status has a few dozen. */
    public static final int DEFAULT_MAX_READINGS = 1_000;
    /** Meters (channels) one message may carry by default: a multi-channel device has a handful. */
    public static final int DEFAULT_MAX_METERS = 100;

    private final RouteTable routes;
    private final int maxPayloadBytes;
    private final ReadingRules rules;
    private final int maxReadings;
    private final int maxMeters;
    /** Devices' latest times, for local times that occur twice; one entry per topic, bounded. */
    private final DeviceTimeline timeline = new DeviceTimeline(100_000);

    /**
     * @param routes          the configured routes
     * @param maxPayloadBytes larger payloads are dead letters ({@code TOO_LARGE}) without being parsed
     * @param rules           the checks every reading must pass (its future bound also applies to samples)
     * @param maxReadings     a message with more readings (or samples) is a dead letter ({@code TOO_MANY_READINGS})
     * @param maxMeters       a message with readings of more meters (channels) is one too
     */
    public MessageDecoder(RouteTable routes, int maxPayloadBytes, ReadingRules rules, int maxReadings, int maxMeters) {
        this.routes = routes;
        this.maxPayloadBytes = maxPayloadBytes;
        this.rules = rules;
        this.maxReadings = maxReadings;
        this.maxMeters = maxMeters;
    }

    /** A decoder with the default reading rules and limits, and the given future tolerance. */
    public MessageDecoder(RouteTable routes, int maxPayloadBytes, Duration maxFuture) {
        this(routes, maxPayloadBytes, ReadingRules.defaults().withMaxFuture(maxFuture), DEFAULT_MAX_READINGS,
                DEFAULT_MAX_METERS);
    }

    /** Decodes a live message. */
    public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
        return decode(topic, payload, receivedAt, Delivery.LIVE);
    }

    /** Decodes a message delivered as {@code delivery} says (a replayed one without a time of its own is set aside). */
    public Decoded decode(String topic, byte[] payload, Instant receivedAt, Delivery delivery) {
        Optional<Route> route = routes.routeFor(topic);
        if (route.isEmpty()) {
            return rejected(DeadLetterReason.NO_ROUTE, "no route's filter matches the topic", topic, payload, receivedAt);
        }
        if (payload.length > maxPayloadBytes) {
            return rejected(DeadLetterReason.TOO_LARGE, "payload of " + payload.length + " bytes exceeds the limit of "
                    + maxPayloadBytes + " bytes (mqtt.max.payload.bytes)", topic, payload, receivedAt);
        }
        Route r = route.get();
        try {
            JsonNode json = PayloadJson.parse(payload);
            MessageContext context = new MessageContext(topic, r, r.ids().read(topic), receivedAt, delivery,
                    timeline);
            if (r.format().measuresTemperature()) {
                return samples(json, context);
            }
            List<Reading> readings = r.format().format().decode(json, context);
            if (readings.isEmpty()) {
                throw InvalidPayload.unparseable("no meter values in the message for format " + r.format().wireName());
            }
            bounded(readings);
            for (Reading reading : readings) {
                check(reading, receivedAt);
            }
            return new Decoded.Readings(r.format().wireName(), readings);
        } catch (InvalidPayload e) {
            return rejected(e.reason(), e.getMessage(), topic, payload, receivedAt);
        } catch (NothingToMeter e) {
            return new Decoded.Skipped(r.format().wireName(), e.getMessage());
        } catch (RuntimeException e) {
            // A format bug must not stop the stream: the message is set aside with what went wrong.
            return rejected(DeadLetterReason.UNPARSEABLE, "cannot decode: " + e, topic, payload, receivedAt);
        }
    }

    private Decoded samples(JsonNode json, MessageContext context) throws InvalidPayload {
        FormatName format = context.route().format();
        List<WeatherSample> samples = format.temperatureFormat().decode(json, context);
        if (samples.isEmpty()) {
            throw InvalidPayload.unparseable("no temperature in the message for format " + format.wireName());
        }
        if (samples.size() > maxReadings) {
            throw new InvalidPayload(DeadLetterReason.TOO_MANY_READINGS, samples.size()
                    + " temperature samples in one message, more than the limit of " + maxReadings);
        }
        for (WeatherSample sample : samples) {
            check(sample, context.receivedAt());
        }
        return new Decoded.Samples(format.wireName(), samples);
    }

    private void check(WeatherSample sample, Instant receivedAt) throws InvalidPayload {
        raise(rules.check(sample, receivedAt));
    }

    private void check(Reading reading, Instant receivedAt) throws InvalidPayload {
        raise(rules.check(reading, receivedAt));
    }

    /** A message may not fan out into more readings or meters than the limits: one payload, a bounded effect. */
    private void bounded(List<Reading> readings) throws InvalidPayload {
        long meters = readings.stream().map(Reading::meterId).distinct().count();
        if (meters > maxMeters) {
            throw new InvalidPayload(DeadLetterReason.TOO_MANY_READINGS, "readings of " + meters
                    + " meters (channels) in one message, more than the limit of " + maxMeters);
        }
        if (readings.size() > maxReadings) {
            throw new InvalidPayload(DeadLetterReason.TOO_MANY_READINGS, readings.size()
                    + " readings in one message, more than the limit of " + maxReadings);
        }
    }

    private static void raise(ReadingRules.Violation violation) throws InvalidPayload {
        if (violation != null) {
            throw new InvalidPayload(violation.reason(), violation.detail());
        }
    }

    private static Decoded rejected(DeadLetterReason reason, String detail, String topic, byte[] payload,
            Instant receivedAt) {
        return new Decoded.Rejected(DeadLetter.fromMqtt(COMPONENT, reason, detail, topic, payload, receivedAt));
    }
}
