package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.straumflyt.ingest.bridge.Decoded;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.ingest.route.RouteTable;
import org.straumflyt.ingest.route.TopicFilter;
import org.straumflyt.ingest.route.TopicTemplate;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.Reading;
import org.straumflyt.model.WeatherSample;

/** Decodes fixtures through the real {@link MessageDecoder} with one route, as the bridge does. */
public final class Decoding {
    public static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:02Z");
    private final MessageDecoder decoder;

    private Decoding(Route route, int maxPayloadBytes) {
        this.decoder = new MessageDecoder(new RouteTable(List.of(route)), maxPayloadBytes, Duration.ofMinutes(5));
    }

    public static Decoding route(FormatName format, String filter, String ids) {
        return route(format, filter, ids, ZoneId.of("Europe/Oslo"), Carrier.ELECTRICITY);
    }

    public static Decoding route(FormatName format, String filter, String ids, ZoneId zone, Carrier carrier) {
        return new Decoding(new Route("test", new TopicFilter(filter), format, TopicTemplate.parse(ids), carrier, zone,
                null), 65_536);
    }

    /** A route of a temperature format with a fixed location id and, optionally, a sensor name. */
    public static Decoding temperatureRoute(FormatName format, String ids, String locationId, String sensor) {
        return new Decoding(new Route("test", new TopicFilter("#"), format, TopicTemplate.parse(ids),
                Carrier.ELECTRICITY, ZoneId.of("Europe/Oslo"), null, locationId, sensor), 65_536);
    }

    public static Decoding withLimit(int maxPayloadBytes) {
        return new Decoding(new Route("test", new TopicFilter("#"), FormatName.CANONICAL, TopicTemplate.none(),
                Carrier.ELECTRICITY, ZoneId.of("UTC"), null), maxPayloadBytes);
    }

    public Decoded decode(String topic, String payload) {
        return decode(topic, payload, RECEIVED, Delivery.LIVE);
    }

    public Decoded decodeBytes(String topic, byte[] payload) {
        return decoder.decode(topic, payload, RECEIVED);
    }

    /** Decodes a message that arrived at {@code receivedAt}, delivered as {@code delivery} says. */
    public Decoded decode(String topic, String payload, Instant receivedAt, Delivery delivery) {
        return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8), receivedAt, delivery);
    }

    public List<Reading> readings(String topic, String payload) {
        return readings(topic, payload, RECEIVED, Delivery.LIVE);
    }

    public List<Reading> readings(String topic, String payload, Instant receivedAt, Delivery delivery) {
        Decoded decoded = decode(topic, payload, receivedAt, delivery);
        assertThat(decoded).as("decoded %s", payload).isInstanceOf(Decoded.Readings.class);
        return ((Decoded.Readings) decoded).readings();
    }

    public DeadLetter rejected(String topic, String payload, Instant receivedAt, Delivery delivery) {
        Decoded decoded = decode(topic, payload, receivedAt, delivery);
        assertThat(decoded).as("decoded %s", payload).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) decoded).deadLetter();
    }

    public List<WeatherSample> samples(String topic, String payload) {
        Decoded decoded = decode(topic, payload);
        assertThat(decoded).as("decoded %s", payload).isInstanceOf(Decoded.Samples.class);
        return ((Decoded.Samples) decoded).samples();
    }

    public DeadLetter rejected(String topic, String payload) {
        Decoded decoded = decode(topic, payload);
        assertThat(decoded).as("decoded %s", payload).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) decoded).deadLetter();
    }

    public static String fixture(String path) {
        try (InputStream in = Decoding.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
