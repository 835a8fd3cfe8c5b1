package org.straumflyt.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.straumflyt.ingest.bridge.Decoded;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.ingest.route.RouteTable;
import org.straumflyt.ingest.route.TopicFilter;
import org.straumflyt.ingest.route.TopicTemplate;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingRules;

/**
 * Every payload parser under hostile input, through the real {@link MessageDecoder}: nothing escapes as an
 * exception, no format fails by a bug (the decoder's safety net, a dead letter "cannot decode: ...", is never
 * needed), and every message becomes exactly one of readings that keep every rule, samples, nothing to meter, or a
 * bounded dead letter with a reason. Tries per format: {@code jqwik.tries.default} (2 000 in the normal suite,
 * 1 000 000 with {@code -Pfuzz}).
 */
class PayloadFuzzTest {
    static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:02Z");
    private static final ReadingRules RULES = ReadingRules.defaults();
    private static final Map<FuzzFormat, FuzzedPayloads> PAYLOADS = new EnumMap<>(FuzzFormat.class);
    private static final Map<FuzzFormat, MessageDecoder> DECODERS = new EnumMap<>(FuzzFormat.class);

    static {
        for (FuzzFormat f : FuzzFormat.values()) {
            PAYLOADS.put(f, new FuzzedPayloads(f.seeds()));
            DECODERS.put(f, new MessageDecoder(new RouteTable(List.of(route(f))), 65_536,
                    RULES.maxFuture()));
        }
    }

    static Route route(FuzzFormat f) {
        return new Route(f.routeName(), new TopicFilter(f.filter), f.format, TopicTemplate.parse(f.ids),
                Carrier.ELECTRICITY, ZoneId.of("Europe/Oslo"), null, f.locationId(), null);
    }

    @Property
    void canonical(@ForAll Random random) {
        check(FuzzFormat.CANONICAL, random);
    }

    @Property
    void ams(@ForAll Random random) {
        check(FuzzFormat.AMS, random);
    }

    @Property
    void shelly(@ForAll Random random) {
        check(FuzzFormat.SHELLY, random);
    }

    @Property
    void tasmota(@ForAll Random random) {
        check(FuzzFormat.TASMOTA, random);
    }

    @Property
    void senml(@ForAll Random random) {
        check(FuzzFormat.SENML, random);
    }

    @Property
    void temperature(@ForAll Random random) {
        check(FuzzFormat.TEMPERATURE, random);
    }

    @Property
    void tasmotaTemperature(@ForAll Random random) {
        check(FuzzFormat.TASMOTA_TEMPERATURE, random);
    }

    private static void check(FuzzFormat format, Random random) {
        byte[] payload = PAYLOADS.get(format).next(random);

        Decoded decoded = DECODERS.get(format).decode(format.topic, payload, RECEIVED);

        assertOneOutcome(decoded, payload);
    }

    /** The outcome is one of the four, each well-formed. */
    static void assertOneOutcome(Decoded decoded, byte[] payload) {
        String input = new String(payload, 0, Math.min(payload.length, 2_000), java.nio.charset.StandardCharsets.UTF_8);
        if (decoded instanceof Decoded.Readings r) {
            assertThat(r.readings()).as(input).isNotEmpty().hasSizeLessThanOrEqualTo(MessageDecoder.DEFAULT_MAX_READINGS);
            for (Reading reading : r.readings()) {
                assertThat(RULES.check(reading, RECEIVED)).as("%s from %s", reading, input).isNull();
                // and the stream processor reads back exactly what ingest wrote
                assertThat(Json.fromBytes(Json.toBytes(reading), Reading.class)).as(input).isEqualTo(reading);
            }
        } else if (decoded instanceof Decoded.Samples s) {
            assertThat(s.samples()).as(input).isNotEmpty();
            assertThat(s.samples()).allSatisfy(sample -> assertThat(Double.isFinite(sample.temperatureC())).isTrue());
        } else if (decoded instanceof Decoded.Skipped skipped) {
            assertThat(skipped.detail()).as(input).isNotBlank();
        } else {
            DeadLetter letter = ((Decoded.Rejected) decoded).deadLetter();
            assertThat(letter.reason()).as(input).isNotNull();
            assertThat(letter.detail()).as(input).isNotBlank().doesNotStartWith("cannot decode");
            assertThat(letter.payloadSize()).isEqualTo(payload.length);
            assertThat(Json.toBytes(letter).length).as(input).isLessThan(100_000);
        }
    }
}
