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
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.WeatherSample;

/**
 * Turns one MQTT message into readings, temperature samples or a dead letter: route lookup, size limit, the route's
 * format, then the checks every reading or sample must pass. A message is all or nothing: one bad reading sets the
 * whole message aside, so a message is never half produced.
 */
public final class MessageDecoder {
    public static final String COMPONENT = "ingest-mqtt";
    /**
     * The outdoor temperatures a sensor can plausibly report, °C. Beyond the records of the inhabited world
     * (−51 °C in Norway, −68 °C in Siberia is the exception; +57 °C worldwide): a reading outside is a broken probe
     * (a DS18B20 reports 85 °C on power-up and −127 °C when disconnected), not weather.
     */
    public static final double MIN_OUTDOOR_C = -60;
    public static final double MAX_OUTDOOR_C = 60;

    private final RouteTable routes;
    private final int maxPayloadBytes;
    private final Duration maxFuture;
    /** Devices' latest times, for local times that occur twice; one entry per topic, bounded. */
    private final DeviceTimeline timeline = new DeviceTimeline(100_000);

    /**
     * @param routes          the configured routes
     * @param maxPayloadBytes larger payloads are dead letters ({@code TOO_LARGE}) without being parsed
     * @param maxFuture       how far past the receive time a reading's timestamp may be (meter clocks drift)
     */
    public MessageDecoder(RouteTable routes, int maxPayloadBytes, Duration maxFuture) {
        this.routes = routes;
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxFuture = maxFuture;
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
        for (WeatherSample sample : samples) {
            check(sample, context.receivedAt());
        }
        return new Decoded.Samples(format.wireName(), samples);
    }

    private void check(WeatherSample sample, Instant receivedAt) throws InvalidPayload {
        String what = "temperature of " + sample.locationId();
        if (!Double.isFinite(sample.temperatureC())) {
            throw new InvalidPayload(DeadLetterReason.NOT_FINITE, what + " is " + sample.temperatureC());
        }
        if (sample.temperatureC() < MIN_OUTDOOR_C || sample.temperatureC() > MAX_OUTDOOR_C) {
            throw new InvalidPayload(DeadLetterReason.OUT_OF_RANGE, what + " is " + sample.temperatureC()
                    + " °C, outside the plausible " + MIN_OUTDOOR_C + ".." + MAX_OUTDOOR_C + " °C");
        }
        if (sample.timestamp().isAfter(receivedAt.plus(maxFuture))) {
            throw new InvalidPayload(DeadLetterReason.FUTURE_TIMESTAMP, what + " timestamp " + sample.timestamp()
                    + " is more than " + maxFuture.toSeconds() + " s after its arrival at " + receivedAt);
        }
    }

    private void check(Reading reading, Instant receivedAt) throws InvalidPayload {
        String what = reading.meterId() + "/" + reading.register() + " " + reading.kind();
        if (!Double.isFinite(reading.value())) {
            throw new InvalidPayload(DeadLetterReason.NOT_FINITE, what + " value is " + reading.value());
        }
        if (reading.kind() == ReadingKind.ENERGY_REGISTER && reading.value() < 0) {
            throw new InvalidPayload(DeadLetterReason.NEGATIVE_REGISTER,
                    what + " register is negative: " + reading.value() + " kWh");
        }
        if (reading.timestamp().isAfter(receivedAt.plus(maxFuture))) {
            throw new InvalidPayload(DeadLetterReason.FUTURE_TIMESTAMP, what + " timestamp " + reading.timestamp()
                    + " is more than " + maxFuture.toSeconds() + " s after its arrival at " + receivedAt);
        }
    }

    private static Decoded rejected(DeadLetterReason reason, String detail, String topic, byte[] payload,
            Instant receivedAt) {
        return new Decoded.Rejected(DeadLetter.fromMqtt(COMPONENT, reason, detail, topic, payload, receivedAt));
    }
}
