package org.straumflyt.ingest.format;

import java.time.OffsetDateTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.straumflyt.model.wire.Json;

/** Reading payload JSON, and typed access to its fields with precise {@link InvalidPayload} messages. */
public final class PayloadJson {
    // NaN and Infinity parse, so that a device sending them gets NOT_FINITE rather than UNPARSEABLE. A key twice in
    // one object is refused: which of the two values a reader keeps differs between readers, so neither is trusted.
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private PayloadJson() {
    }

    /** Parses a payload as one JSON value. */
    public static JsonNode parse(byte[] payload) throws InvalidPayload {
        try {
            JsonNode node = READER.readTree(payload);
            if (node == null || node.isMissingNode()) {
                throw InvalidPayload.unparseable("empty payload");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw InvalidPayload.unparseable("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidPayload.unparseable("not JSON: " + e.getMessage());
        }
    }

    /** A number field; NaN and infinities are returned as such. */
    public static double number(JsonNode node, String field) throws InvalidPayload {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw InvalidPayload.unparseable("'" + field + "' is missing");
        }
        return asNumber(value, field);
    }

    /** A number field that may be absent ({@code null} then). */
    public static Double optionalNumber(JsonNode node, String field) throws InvalidPayload {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return asNumber(value, field);
    }

    /** The numeric value of a node. */
    public static double asNumber(JsonNode value, String field) throws InvalidPayload {
        if (!value.isNumber()) {
            throw InvalidPayload.unparseable("'" + field + "' is not a number: " + value);
        }
        return value.doubleValue();
    }

    /** A text field that may be absent ({@code null} then); numbers are accepted as their text. */
    public static String optionalText(JsonNode node, String field) throws InvalidPayload {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw InvalidPayload.unparseable("'" + field + "' is not text: " + value);
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** Epoch seconds (possibly fractional) as an instant. */
    public static Instant epochSeconds(double seconds, String field) throws InvalidPayload {
        // beyond Instant's range (about ±1e9 years) is no time either
        if (!Double.isFinite(seconds) || seconds < Instant.MIN.getEpochSecond()
                || seconds > Instant.MAX.getEpochSecond()) {
            throw InvalidPayload.unparseable("'" + field + "' is not a time: " + seconds);
        }
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1_000_000) * 1_000;
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-01-05T10:00:00Z} or {@code ...+01:00}. */
    public static Instant isoInstant(String text, String field) throws InvalidPayload {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidPayload.unparseable("'" + field + "' is not an ISO-8601 time with offset: '" + text + "'");
        }
    }
}
