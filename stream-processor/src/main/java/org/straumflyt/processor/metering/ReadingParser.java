package org.straumflyt.processor.metering;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Instants;
import org.straumflyt.model.Json;
import org.straumflyt.model.Origin;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

/**
 * Decodes a {@link Reading} from the JSON of the readings topic with Jackson's streaming parser instead of data
 * binding, which costs a large share of the stream thread per reading.
 *
 * <p>The fast path only accepts what {@link Json#fromBytes} accepts and gives an equal reading: a root object whose
 * known fields each appear once with a token of the type the writer produces (strings, a JSON number for
 * {@code value}, {@code null} for the optional fields), the exact enum names the mapper reads, and instants of the
 * exact form {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}. Unknown fields (and {@code schemaVersion}) are skipped like the
 * mapper does. Anything else, every parse error included, goes to {@link Json#fromBytes}, so that whatever it
 * decodes differently (offsets, coercions, duplicates) and whatever it rejects behaves exactly as before, with
 * the same exception and message. The reading is built by its canonical constructor, so its checks stay.
 */
public final class ReadingParser {
    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private static final int METER_ID = 1;
    private static final int REGISTER = 1 << 1;
    private static final int KIND = 1 << 2;
    private static final int VALUE = 1 << 3;
    private static final int TIMESTAMP = 1 << 4;
    private static final int INTERVAL_START = 1 << 5;
    private static final int CARRIER = 1 << 6;
    private static final int BUILDING_ID = 1 << 7;
    private static final int ORIGIN = 1 << 8;

    private static final int MQTT_TOPIC = 1;
    private static final int FORMAT = 1 << 1;
    private static final int RECEIVED_AT = 1 << 2;


    /** The exact names the mapper reads and writes: enum names for kinds, wire names for carriers. */
    private static final Map<String, ReadingKind> KINDS = Arrays.stream(ReadingKind.values())
            .collect(Collectors.toUnmodifiableMap(ReadingKind::name, k -> k));
    private static final Map<String, Carrier> CARRIERS = Arrays.stream(Carrier.values())
            .collect(Collectors.toUnmodifiableMap(Carrier::wireName, c -> c));

    private ReadingParser() {
    }

    /**
     * Reads a reading from UTF-8 JSON bytes, with the result and the exceptions of
     * {@code Json.fromBytes(json, Reading.class)}.
     *
     * @throws java.io.UncheckedIOException when the bytes are not a valid reading, as {@link Json#fromBytes}
     */
    public static Reading parse(byte[] json) {
        Reading fast = fastOrNull(json);
        return fast != null ? fast : Json.fromBytes(json, Reading.class);
    }

    /** The reading if the fast path can decode it; {@code null} when it leaves the bytes to the mapper. */
    static Reading fastOrNull(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            return readReading(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Reading readReading(JsonParser p) throws IOException {
        String meterId = null;
        String register = null;
        ReadingKind kind = null;
        double value = 0;
        Instant timestamp = null;
        Instant intervalStart = null;
        Carrier carrier = null;
        String buildingId = null;
        Origin origin = null;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int field = switch (name) {
                case "meterId" -> METER_ID;
                case "register" -> REGISTER;
                case "kind" -> KIND;
                case "value" -> VALUE;
                case "timestamp" -> TIMESTAMP;
                case "intervalStart" -> INTERVAL_START;
                case "carrier" -> CARRIER;
                case "buildingId" -> BUILDING_ID;
                case "origin" -> ORIGIN;
                default -> 0;
            };
            if (field == 0) {
                // unknown fields, and schemaVersion (read-only), whatever their value
                p.skipChildren();
                continue;
            }
            if ((seen & field) != 0) {
                return null;
            }
            seen |= field;
            switch (field) {
                case METER_ID -> meterId = string(p, v);
                case REGISTER -> register = string(p, v);
                case KIND -> kind = kind(p, v);
                case VALUE -> {
                    if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
                        return null;
                    }
                    value = p.getDoubleValue();
                }
                case TIMESTAMP -> timestamp = instant(p, v);
                case INTERVAL_START -> intervalStart = instant(p, v);
                case CARRIER -> carrier = carrier(p, v);
                case BUILDING_ID -> buildingId = string(p, v);
                default -> origin = origin(p, v);
            }
        }
        if (t != JsonToken.END_OBJECT || (seen & (METER_ID | KIND | VALUE | TIMESTAMP)) != (METER_ID | KIND | VALUE
                | TIMESTAMP)) {
            return null;
        }
        return new Reading(meterId, register, kind, value, timestamp, intervalStart, carrier, buildingId, origin);
    }

    private static Origin origin(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw Surprise.INSTANCE;
        }
        String mqttTopic = null;
        String format = null;
        Instant receivedAt = null;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken fv = p.nextToken();
            int field = switch (name) {
                case "mqttTopic" -> MQTT_TOPIC;
                case "format" -> FORMAT;
                case "receivedAt" -> RECEIVED_AT;
                default -> 0;
            };
            if (field == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & field) != 0) {
                throw Surprise.INSTANCE;
            }
            seen |= field;
            switch (field) {
                case MQTT_TOPIC -> mqttTopic = string(p, fv);
                case FORMAT -> format = string(p, fv);
                default -> receivedAt = instant(p, fv);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw Surprise.INSTANCE;
        }
        return new Origin(mqttTopic, format, receivedAt);
    }

    private static String string(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        throw Surprise.INSTANCE;
    }

    private static ReadingKind kind(JsonParser p, JsonToken v) throws IOException {
        ReadingKind kind = v == JsonToken.VALUE_STRING ? KINDS.get(p.getText()) : null;
        if (kind == null) {
            // null (the constructor's message comes from the mapper), ordinals, unknown names
            throw Surprise.INSTANCE;
        }
        return kind;
    }

    private static Carrier carrier(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        Carrier carrier = v == JsonToken.VALUE_STRING ? CARRIERS.get(p.getText()) : null;
        if (carrier == null) {
            // other spellings Carrier.fromWire accepts (case, hyphens, blanks) and everything it rejects
            throw Surprise.INSTANCE;
        }
        return carrier;
    }

    private static Instant instant(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw Surprise.INSTANCE;
        }
        Instant instant = Instants.parseCanonical(CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(),
                p.getTextLength()));
        if (instant == null) {
            // offsets, lower case, 24:00, years beyond 9999, days the month lacks: the mapper decides
            throw Surprise.INSTANCE;
        }
        return instant;
    }

    /** The fast path gives up; the mapper decides. Shared and without a stack trace: it is control flow. */
    private static final class Surprise extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Surprise INSTANCE = new Surprise();

        private Surprise() {
            super("left to the mapper", null, false, false);
        }
    }
}
