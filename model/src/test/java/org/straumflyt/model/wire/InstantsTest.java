package org.straumflyt.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instants are written and read exactly as JavaTimeModule does, only faster. */
class InstantsTest {
    /** The mapper as it was before the fast instants: the reference. */
    private static final ObjectMapper REFERENCE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private record Stamped(Instant at) {
    }

    @Property(tries = 3000)
    void writesAndReadsEveryInstantAsTheReferenceDoes(
            @ForAll @LongRange(min = -62_167_219_200L - 86_400L * 400, max = 253_402_300_799L + 86_400L * 400)
            long seconds, @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(max = 3) int round)
            throws Exception {
        int n = switch (round) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1_000 * 1_000;
            default -> nanos;
        };
        Instant instant = Instant.ofEpochSecond(seconds, n);
        assertThat(Instants.format(instant)).isEqualTo(instant.toString());
        String json = REFERENCE.writeValueAsString(new Stamped(instant));
        assertThat(Json.toString(new Stamped(instant))).isEqualTo(json);
        assertThat(Json.fromString(json, Stamped.class)).isEqualTo(REFERENCE.readValue(json, Stamped.class));
        assertThat(Instants.parseCanonical(instant.toString())).isIn(instant, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23T10:15:00Z\"", "\"2026-11-23T10:15:00.5Z\"", "\"2026-11-23T10:15:00.123456789Z\"",
            "\"2024-02-29T23:59:59.000Z\"", "\"2026-03-29T01:00:00+01:00\"", "\"2026-11-23T10:15:00z\"",
            "\"2026-11-23t10:15:00Z\"", "\" 2026-11-23T10:15:00Z\"", "1700000000",
            "1700000000.5", "\"1700000000\"", "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"",
            "\"+10000-01-01T00:00:00Z\"", "\"2016-12-31T23:59:60Z\"", "\"1969-12-31T23:59:59.9Z\""})
    void readsWhatTheReferenceReads(String value) throws Exception {
        String json = "{\"at\":" + value + "}";
        assertThat(Json.fromString(json, Stamped.class)).isEqualTo(REFERENCE.readValue(json, Stamped.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-29T10:15:00Z\"", "\"2026-13-01T10:15:00Z\"", "\"2026-11-23T24:00:00Z\"",
            "\"2026-11-23T10:60:00Z\"", "\"2026-11-23T10:15:00.Z\"", "\"2026-11-23T10:15:00.1234567891Z\"",
            "\"2026-1l-23T10:15:00Z\"", "\"2026-11-23T10:15Z\"", "\"yesterday\"", "\"\"", "true"})
    void rejectsWhatTheReferenceRejects(String value) throws Exception {
        String json = "{\"at\":" + value + "}";
        Stamped expected;
        try {
            expected = REFERENCE.readValue(json, Stamped.class);
        } catch (Exception e) {
            String why = e.getMessage().lines().findFirst().orElseThrow();
            assertThatThrownBy(() -> Json.fromString(json, Stamped.class)).hasMessageContaining(why);
            return;
        }
        assertThat(Json.fromString(json, Stamped.class)).isEqualTo(expected);
    }
}
