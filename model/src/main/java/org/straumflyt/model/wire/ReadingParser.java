package org.straumflyt.model.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Origin;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.wire.StreamingJson;

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
 * the same exception and message. The reading is built by its canonical constructor, so its checks stay. See
 * {@link StreamingJson}.
 */
public final class ReadingParser {
    // in the order of the writer and of the bits below
    private static final StreamingJson.Fields FIELDS = StreamingJson.Fields.of("meterId", "register", "kind",
            "value", "timestamp", "intervalStart", "carrier", "buildingId", "origin");
    private static final int METER_ID = 1;
    private static final int REGISTER = 1 << 1;
    private static final int KIND = 1 << 2;
    private static final int VALUE = 1 << 3;
    private static final int TIMESTAMP = 1 << 4;
    private static final int INTERVAL_START = 1 << 5;
    private static final int CARRIER = 1 << 6;
    private static final int BUILDING_ID = 1 << 7;
    private static final int REQUIRED = METER_ID | KIND | VALUE | TIMESTAMP;

    // in the order of the writer and of the bits below
    private static final StreamingJson.Fields ORIGIN_FIELDS = StreamingJson.Fields.of("mqttTopic", "format",
            "receivedAt");
    private static final int MQTT_TOPIC = 1;
    private static final int FORMAT = 1 << 1;

    /** The exact names the mapper reads and writes for kinds: their enum names (carriers: StreamingJson). */
    private static final StreamingJson.Names<ReadingKind> KINDS = StreamingJson.Names.of(ReadingKind.class,
            ReadingKind::name);

    private ReadingParser() {
    }

    /**
     * Reads a reading from UTF-8 JSON bytes, with the result and the exceptions of
     * {@code Json.fromBytes(json, Reading.class)}.
     *
     * @throws java.io.UncheckedIOException when the bytes are not a valid reading, as {@link Json#fromBytes}
     */
    public static Reading parse(byte[] json) {
        return StreamingJson.fromBytes(json, Reading.class, ReadingParser::readReading);
    }

    /** The reading if the fast path can decode it; {@code null} when it leaves the bytes to the mapper. */
    static Reading fastOrNull(byte[] json) {
        return StreamingJson.fastOrNull(json, ReadingParser::readReading);
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
        for (int field; (field = StreamingJson.nextField(p, FIELDS, seen)) != 0; ) {
            seen = StreamingJson.once(seen, field);
            switch (field) {
                case METER_ID -> meterId = StreamingJson.string(p);
                case REGISTER -> register = StreamingJson.string(p);
                // a null kind fails in the constructor: the mapper gives the message
                case KIND -> kind = StreamingJson.constant(p, KINDS);
                case VALUE -> value = StreamingJson.number(p);
                case TIMESTAMP -> timestamp = StreamingJson.instant(p);
                case INTERVAL_START -> intervalStart = StreamingJson.instant(p);
                case CARRIER -> carrier = StreamingJson.constant(p, StreamingJson.CARRIERS);
                case BUILDING_ID -> buildingId = StreamingJson.string(p);
                default -> origin = origin(p);
            }
        }
        if ((seen & REQUIRED) != REQUIRED) {
            return null;
        }
        return new Reading(meterId, register, kind, value, timestamp, intervalStart, carrier, buildingId, origin);
    }

    private static Origin origin(JsonParser p) throws IOException {
        JsonToken v = p.currentToken();
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw StreamingJson.giveUp();
        }
        String mqttTopic = null;
        String format = null;
        Instant receivedAt = null;
        int seen = 0;
        for (int field; (field = StreamingJson.nextField(p, ORIGIN_FIELDS, seen)) != 0; ) {
            seen = StreamingJson.once(seen, field);
            switch (field) {
                case MQTT_TOPIC -> mqttTopic = StreamingJson.string(p);
                case FORMAT -> format = StreamingJson.string(p);
                default -> receivedAt = StreamingJson.instant(p);
            }
        }
        return new Origin(mqttTopic, format, receivedAt);
    }
}
