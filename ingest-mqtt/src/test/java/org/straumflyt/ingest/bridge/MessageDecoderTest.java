package org.straumflyt.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.format.Decoding;
import org.straumflyt.ingest.format.FormatName;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.ingest.route.RouteTable;
import org.straumflyt.ingest.route.TopicFilter;
import org.straumflyt.ingest.route.TopicTemplate;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;

/** Every bad-input reason, as the bridge sees it: the dead letter keeps the raw payload, topic and arrival time. */
class MessageDecoderTest {
    private static final String TOPIC = "straumflyt/readings/gw";
    private final Decoding canonical = Decoding.route(FormatName.CANONICAL, "straumflyt/readings/#", "");

    private static String reading(String kind, String value, String timestamp) {
        return "{\"meterId\":\"m-1\",\"kind\":\"" + kind + "\",\"value\":" + value + ",\"timestamp\":\"" + timestamp
                + "\"}";
    }

    @Test
    void notJsonIsUnparseableAndKeepsTheRawPayload() {
        DeadLetter letter = canonical.rejected(TOPIC, "P=2345W");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.payloadText()).isEqualTo("P=2345W");
        assertThat(letter.mqttTopic()).isEqualTo(TOPIC);
        assertThat(letter.receivedAt()).isEqualTo(Decoding.RECEIVED);
        assertThat(letter.component()).isEqualTo("ingest-mqtt");
    }

    @Test
    void payloadOverTheLimitIsTooLargeWithoutBeingParsed() {
        Decoding limited = Decoding.withLimit(64);
        String big = "[" + reading("POWER", "1", "2026-01-05T10:00:00Z") + "," + reading("POWER", "2",
                "2026-01-05T10:00:00Z") + "]";

        DeadLetter letter = limited.rejected(TOPIC, big);

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(letter.payloadBytes()).isEqualTo(big.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownUnitIsReported() {
        DeadLetter letter = canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"kind\":\"POWER\",\"value\":1,"
                + "\"unit\":\"BTU/h\",\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNKNOWN_UNIT);
        assertThat(letter.detail()).contains("BTU/h");
    }

    @Test
    void nanAndInfinityAreNotFinite() {
        assertThat(canonical.rejected(TOPIC, reading("POWER", "NaN", "2026-01-05T10:00:00Z")).reason())
                .isEqualTo(DeadLetterReason.NOT_FINITE);
        assertThat(canonical.rejected(TOPIC, reading("POWER", "-Infinity", "2026-01-05T10:00:00Z")).reason())
                .isEqualTo(DeadLetterReason.NOT_FINITE);
        assertThat(canonical.rejected(TOPIC, reading("POWER", "1e999", "2026-01-05T10:00:00Z")).reason())
                .isEqualTo(DeadLetterReason.NOT_FINITE);
    }

    @Test
    void negativeRegisterIsRejectedButNegativePowerIsNot() {
        assertThat(canonical.rejected(TOPIC, reading("ENERGY_REGISTER", "-0.5", "2026-01-05T10:00:00Z")).reason())
                .isEqualTo(DeadLetterReason.NEGATIVE_REGISTER);
        assertThat(canonical.readings(TOPIC, reading("POWER", "-0.5", "2026-01-05T10:00:00Z"))).hasSize(1);
    }

    @Test
    void timestampBeyondTheToleranceIsInTheFuture() {
        // received 10:00:02, tolerance 5 minutes
        assertThat(canonical.readings(TOPIC, reading("POWER", "1", "2026-01-05T10:05:02Z"))).hasSize(1);
        DeadLetter letter = canonical.rejected(TOPIC, reading("POWER", "1", "2026-01-05T10:05:03Z"));
        assertThat(letter.reason()).isEqualTo(DeadLetterReason.FUTURE_TIMESTAMP);
    }

    @Test
    void noMeterIdAnywhereIsMissingMeterId() {
        DeadLetter letter = canonical.rejected(TOPIC, "{\"kind\":\"POWER\",\"value\":1,\"timestamp\":"
                + "\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.MISSING_METER_ID);
    }

    @Test
    void oneBadReadingSetsTheWholeMessageAside() {
        String mixed = "[" + reading("POWER", "1", "2026-01-05T10:00:00Z") + ","
                + reading("ENERGY_REGISTER", "-1", "2026-01-05T10:00:00Z") + "]";

        assertThat(canonical.rejected(TOPIC, mixed).reason()).isEqualTo(DeadLetterReason.NEGATIVE_REGISTER);
    }

    @Test
    void topicOfNoRouteIsNoRoute() {
        MessageDecoder decoder = new MessageDecoder(new RouteTable(List.of(new Route("a", new TopicFilter("a/#"),
                FormatName.CANONICAL, TopicTemplate.none(), Carrier.ELECTRICITY, ZoneId.of("UTC"), null))), 1000,
                Duration.ZERO);

        Decoded decoded = decoder.decode("b/c", new byte[0], Decoding.RECEIVED);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.deadLetter().reason()).isEqualTo(DeadLetterReason.NO_ROUTE));
    }

    @Test
    void emptyPayloadIsUnparseable() {
        assertThat(canonical.rejected(TOPIC, "").reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }
}
