package org.straumflyt.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.format.Decoding;
import org.straumflyt.ingest.format.FormatName;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;

/** Input no meter sends: absurd values, ancient times, duplicate keys, fan-out and ids the store would change. */
class HostileInputTest {
    private static final String TOPIC = "straumflyt/readings/gw";
    private final Decoding canonical = Decoding.route(FormatName.CANONICAL, "straumflyt/readings/#", "");
    private final Decoding senml = Decoding.route(FormatName.SENML, "senml/#", "");
    private final Decoding tasmota = Decoding.route(FormatName.TASMOTA, "tele/+/SENSOR", "tele/{meterId}/SENSOR");

    private static String reading(String meterId, String kind, String value, String timestamp) {
        return "{\"meterId\":\"" + meterId + "\",\"kind\":\"" + kind + "\",\"value\":" + value + ",\"timestamp\":"
                + timestamp + "}";
    }

    private static String reading(String kind, String value, String timestamp) {
        return reading("m-1", kind, value, "\"" + timestamp + "\"");
    }

    @Test
    void aRegisterBeyondAnyMeterIsOutOfRange() {
        DeadLetter letter = canonical.rejected(TOPIC, reading("ENERGY_REGISTER", "1e32", "2026-01-05T10:00:00Z"));

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE);
        assertThat(letter.detail()).contains("1.0E32");
        // a register close to the largest double: its differences would not be finite downstream
        assertThat(canonical.rejected(TOPIC, reading("ENERGY_REGISTER", "1.7976931348623157e308",
                "2026-01-05T10:00:00Z")).reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE);
        // a real 10-digit register passes
        assertThat(canonical.readings(TOPIC, reading("ENERGY_REGISTER", "9999999999", "2026-01-05T10:00:00Z")))
                .hasSize(1);
    }

    @Test
    void powerBeyondAnyMeterIsOutOfRangeInEitherSign() {
        assertThat(canonical.rejected(TOPIC, reading("POWER", "1e300", "2026-01-05T10:00:00Z")).reason())
                .isEqualTo(DeadLetterReason.OUT_OF_RANGE);
        assertThat(canonical.rejected(TOPIC, reading("POWER", "-2e6", "2026-01-05T10:00:00Z")).reason())
                .isEqualTo(DeadLetterReason.OUT_OF_RANGE);
        assertThat(canonical.readings(TOPIC, reading("POWER", "250000", "2026-01-05T10:00:00Z"))).hasSize(1);
    }

    @Test
    void intervalEnergyImplyingImpossiblePowerIsOutOfRange() {
        String interval = "{\"meterId\":\"m-1\",\"kind\":\"INTERVAL_ENERGY\",\"value\":%s,"
                + "\"intervalStart\":\"2026-01-05T09:45:00Z\",\"timestamp\":\"2026-01-05T10:00:00Z\"}";

        // 15 minutes at the 1 GW bound is 250 000 kWh
        assertThat(canonical.readings(TOPIC, interval.formatted("250000"))).hasSize(1);
        assertThat(canonical.rejected(TOPIC, interval.formatted("250001")).reason())
                .isEqualTo(DeadLetterReason.OUT_OF_RANGE);
    }

    @Test
    void aSenmlSumOfTenToTheThirtyIsOutOfRange() {
        DeadLetter letter = senml.rejected("senml/gw-1",
                "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"energy\",\"u\":\"Wh\",\"s\":1e30,\"bt\":1.7e9}]");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1970-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"1999-12-31T23:59:59Z\"",
            // epoch seconds where milliseconds are expected: 1 767 607 200 ms is 21 January 1970
            "1767607200"})
    void aTimestampBeforeTheEarliestPlausibleTimeIsPast(String timestamp) {
        DeadLetter letter = canonical.rejected(TOPIC, reading("m-1", "POWER", "1", timestamp));

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.PAST_TIMESTAMP);
        assertThat(letter.detail()).contains("2000-01-01T00:00:00Z");
    }

    @Test
    void theStartOfAnIntervalCountsForThePastBound() {
        assertThat(canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"kind\":\"INTERVAL_ENERGY\",\"value\":1,"
                + "\"intervalStart\":\"1999-12-31T23:00:00Z\",\"timestamp\":\"2026-01-05T10:00:00Z\"}").reason())
                .isEqualTo(DeadLetterReason.PAST_TIMESTAMP);
        // found by PayloadFuzzTest: a start no millisecond count can hold is a dead letter, not a decoder failure
        assertThat(canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"kind\":\"INTERVAL_ENERGY\",\"value\":12.75,"
                + "\"intervalStart\":-1.7976931348623157E308,\"timestamp\":\"2026-01-05T09:00:00Z\"}").reason())
                .isEqualTo(DeadLetterReason.PAST_TIMESTAMP);
    }

    @Test
    void aDuplicateKeyIsUnparseableWhicheverValueWouldWin() {
        DeadLetter letter = canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"kind\":\"POWER\",\"value\":1,"
                + "\"value\":1000,\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.detail()).contains("Duplicate field 'value'");
        // also in a nested object
        assertThat(tasmota.rejected("tele/plug-1/SENSOR", "{\"Time\":\"2026-01-05T10:00:00\",\"ENERGY\":"
                + "{\"Total\":1.5,\"Total\":99999,\"Power\":5}}").reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }

    @Test
    void aMessageWithMoreReadingsThanTheLimitIsTooManyReadings() {
        String array = IntStream.range(0, MessageDecoder.DEFAULT_MAX_READINGS + 1)
                .mapToObj(i -> reading("m-1", "POWER", String.valueOf(i), "\"2026-01-05T09:00:00Z\""))
                .collect(Collectors.joining(",", "[", "]"));
        String limit = IntStream.range(0, MessageDecoder.DEFAULT_MAX_READINGS)
                .mapToObj(i -> reading("m-1", "POWER", String.valueOf(i), "\"2026-01-05T09:00:00Z\""))
                .collect(Collectors.joining(",", "[", "]"));

        assertThat(Decoding.withLimit(1 << 20).readings(TOPIC, limit)).hasSize(MessageDecoder.DEFAULT_MAX_READINGS);
        DeadLetter letter = Decoding.withLimit(1 << 20).rejected(TOPIC, array);
        assertThat(letter.reason()).isEqualTo(DeadLetterReason.TOO_MANY_READINGS);
    }

    @Test
    void aMultiChannelArrayOfThousandsOfChannelsIsTooManyReadings() {
        // a 64 kB Tasmota message with 8 000 channels would create 8 000 meters
        String totals = IntStream.range(0, 8_000).mapToObj(i -> "1").collect(Collectors.joining(",", "[", "]"));
        String payload = "{\"Time\":\"2026-01-05T10:00:00\",\"ENERGY\":{\"Total\":" + totals + "}}";
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(65_536);

        DeadLetter letter = tasmota.rejected("tele/plug-1/SENSOR", payload);

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.TOO_MANY_READINGS);
        assertThat(letter.detail()).contains("8000 meters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"m\\\\1", "m\\n1", "m 1", "m,1", "m=1", "m\\\"1", "m\\u00e51", "m\\t1", ""})
    void anIdTheStoreWouldChangeIsInvalid(String meterId) {
        DeadLetter letter = canonical.rejected(TOPIC, reading(meterId, "POWER", "1", "\"2026-01-05T10:00:00Z\""));

        assertThat(letter.reason()).isIn(DeadLetterReason.INVALID_ID, DeadLetterReason.MISSING_METER_ID);
        if (!meterId.isEmpty()) {
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.INVALID_ID);
            assertThat(letter.detail()).startsWith("meter id");
        }
    }

    @Test
    void idsOfRealDevicesAndTheWholeAllowedSetPass() {
        String longest = "a".repeat(128);
        for (String id : new String[] {"7359992890000000", "shellypro3em-a8032ab12345", "urn:dev:mac:0024befffe804ff1_",
                "baerum-skole-17", "gw/1@site.no:a_b-c", longest}) {
            assertThat(canonical.readings(TOPIC, reading(id, "POWER", "1", "\"2026-01-05T10:00:00Z\"")))
                    .as(id).hasSize(1);
        }
        assertThat(canonical.rejected(TOPIC, reading(longest + "a", "POWER", "1", "\"2026-01-05T10:00:00Z\""))
                .reason()).isEqualTo(DeadLetterReason.INVALID_ID);
    }

    @Test
    void aBuildingIdAndARegisterFollowTheIdRulesToo() {
        assertThat(canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"buildingId\":\"b\\\\1\",\"kind\":\"POWER\","
                + "\"value\":1,\"timestamp\":\"2026-01-05T10:00:00Z\"}").detail()).startsWith("building id");
        assertThat(canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"register\":\"im port\",\"kind\":\"POWER\","
                + "\"value\":1,\"timestamp\":\"2026-01-05T10:00:00Z\"}").detail()).startsWith("register");
    }

    @Test
    void aDeviceTimeBeyondWhatAnInstantCanHoldIsUnparseableNotABug() {
        // found by PayloadFuzzTest: these ended in the decoder's safety net ("cannot decode: DateTimeException")
        DeadLetter shelly = Decoding.route(FormatName.SHELLY, "+/events/rpc", "{meterId}/events/rpc").rejected(
                "shellypro3em-a8032ab12345/events/rpc", "{\"src\":\"shellypro3em-a8032ab12345\","
                        + "\"method\":\"NotifyStatus\",\"params\":{\"ts\":9223372036854775807,"
                        + "\"em:0\":{\"total_act_power\":1}}}");
        DeadLetter senmlTime = senml.rejected("senml/gw-1", "[{\"bn\":\"urn:dev:ow:1:\",\"n\":\"power\","
                + "\"u\":\"kW\",\"v\":1.5,\"t\":2.3e202}]");
        DeadLetter ams = Decoding.route(FormatName.AMS, "ams/#", "ams/{buildingId}/{meterId}").rejected(
                "ams/skole-1/el-hoved", "{\"t\":1e30,\"data\":{\"P\":1830}}");

        for (DeadLetter letter : new DeadLetter[] {shelly, senmlTime, ams}) {
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
            assertThat(letter.detail()).contains("is not a time").doesNotStartWith("cannot decode");
        }
    }

    @Test
    void intervalEnergyWithoutItsStartIsUnparseableNotABug() {
        DeadLetter letter = canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"kind\":\"INTERVAL_ENERGY\","
                + "\"value\":1,\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.detail()).contains("'intervalStart' is missing");
    }

    @Test
    void aDetailQuotingAHugeValueIsBounded() {
        DeadLetter letter = canonical.rejected(TOPIC, "{\"meterId\":\"m-1\",\"kind\":\"POWER\",\"value\":\""
                + "9".repeat(50_000) + "\",\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.detail().length()).isLessThanOrEqualTo(DeadLetter.MAX_DETAIL_CHARS + 40);
        assertThat(letter.detail()).endsWith("characters)");
    }

    @Test
    void aDeadLetterOfAMultiMegabytePayloadKeepsAPrefixItsSizeAndHash() {
        byte[] payload = ("{\"pad\":\"" + "x".repeat(5_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Decoded decoded = Decoding.withLimit(65_536).decodeBytes(TOPIC, payload);

        DeadLetter letter = ((Decoded.Rejected) decoded).deadLetter();
        assertThat(letter.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(letter.payloadTruncated()).isTrue();
        assertThat(letter.payloadSize()).isEqualTo(payload.length);
        assertThat(letter.payloadSha256()).isEqualTo(DeadLetter.sha256(payload)).hasSize(64);
        assertThat(letter.payloadBytes()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES)
                .isEqualTo(java.util.Arrays.copyOf(payload, DeadLetter.MAX_PAYLOAD_BYTES));
    }
}
