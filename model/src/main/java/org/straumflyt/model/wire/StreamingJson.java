package org.straumflyt.model.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.straumflyt.model.Building;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.WireNamed;

/**
 * Building blocks of hand-written JSON codecs on Jackson's streaming API, for the few types whose data binding costs
 * a large share of a stream thread. They use the factory of {@link Json#mapper()}, so that the generator and the
 * parser have the mapper's features.
 *
 * <p>A codec's writer must write exactly the bytes of {@link Json#toBytes}. Its reader (a {@link Decoder}) is a fast
 * path: it decodes only what it is sure the mapper decodes to an equal value, and gives up on anything else (a
 * token of another type, which the mapper may coerce; a duplicate field; a spelling of a constant or an instant that
 * is not the one the writer makes; any parse error) by throwing {@link #giveUp()} or any exception, or by returning
 * {@code null}. {@link #fromBytes} then leaves the bytes to {@link Json#fromBytes}, so that whatever the fast path
 * does not know is decoded, or rejected with the same exception and message, exactly as before.
 */
public final class StreamingJson {
    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    /** Carriers by the wire names the mapper writes and reads, for every codec that has a carrier field. */
    public static final Names<Carrier> CARRIERS = Names.of(Carrier.class, Carrier::wireName);

    private StreamingJson() {
    }

    /** Writes one value as a JSON object, field by field. */
    @FunctionalInterface
    public interface Encoder<T> {
        /** Writes the value with the generator; the caller flushes and closes it. */
        void write(T value, JsonGenerator g) throws IOException;
    }

    /** Reads one value from a JSON object, or gives up. */
    @FunctionalInterface
    public interface Decoder<T> {
        /**
         * Reads the object whose {@link JsonToken#START_OBJECT} is the parser's current token, up to its
         * {@link JsonToken#END_OBJECT}.
         *
         * @return the value, or {@code null} to leave the bytes to the mapper
         * @throws IOException to leave the bytes to the mapper, as does any runtime exception ({@link #giveUp()})
         */
        T read(JsonParser p) throws IOException;
    }

    /**
     * The UTF-8 JSON the encoder writes, in the way {@link Json#toBytes} buffers it.
     *
     * @throws IllegalArgumentException when the generator fails, as {@link Json#toBytes}
     */
    public static <T> byte[] toBytes(T value, Encoder<? super T> encoder) {
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                encoder.write(value, g);
            }
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Reads a value from UTF-8 JSON bytes with the decoder, or with {@link Json#fromBytes} when the decoder gives up:
     * the result and the exceptions of {@code Json.fromBytes(json, type)}.
     *
     * @throws java.io.UncheckedIOException when the bytes are not a valid value, as {@link Json#fromBytes}
     */
    public static <T> T fromBytes(byte[] json, Class<T> type, Decoder<T> decoder) {
        T fast = fastOrNull(json, decoder);
        return fast != null ? fast : Json.fromBytes(json, type);
    }

    /** The value if the decoder can read the bytes (a JSON object); {@code null} when it leaves them to the mapper. */
    public static <T> T fastOrNull(byte[] json, Decoder<T> decoder) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return p.nextToken() == JsonToken.START_OBJECT ? decoder.read(p) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The constants of an enum by the exact names the mapper writes for them (e.g. {@link Enum#name()} or
     * {@link WireNamed#wireName()}): for writing them pre-encoded, and for looking up what a writer wrote without
     * making a string of it.
     */
    public static final class Names<E extends Enum<E>> {
        private final Class<E> type;
        private final E[] constants;
        private final char[][] chars;
        private final SerializableString[] encoded;

        private Names(Class<E> type, Function<E, String> name) {
            this.type = type;
            this.constants = type.getEnumConstants();
            this.chars = new char[constants.length][];
            this.encoded = new SerializableString[constants.length];
            for (E constant : constants) {
                String text = name.apply(constant);
                chars[constant.ordinal()] = text.toCharArray();
                encoded[constant.ordinal()] = new SerializedString(text);
            }
        }

        /** The names of all constants of an enum, as {@code name} gives them. */
        public static <E extends Enum<E>> Names<E> of(Class<E> type, Function<E, String> name) {
            return new Names<>(type, name);
        }

        /** The constant's name, encoded for {@link JsonGenerator#writeString(SerializableString)}. */
        public SerializableString encoded(E constant) {
            return encoded[constant.ordinal()];
        }

        /** The constant of exactly this name, or {@code null}. */
        E find(char[] text, int offset, int length) {
            for (int i = 0; i < chars.length; i++) {
                if (Arrays.equals(chars[i], 0, chars[i].length, text, offset, offset + length)) {
                    return constants[i];
                }
            }
            return null;
        }
    }

    /**
     * The known fields of a JSON object, in the order the writer writes them; each stands for one bit: the first
     * {@code 1}, the second {@code 1 << 1} and so on (at most 31 names).
     */
    public static final class Fields {
        private final SerializableString[] names;
        private final Map<String, Integer> bits;

        private Fields(String... names) {
            if (names.length > 31) {
                throw new IllegalArgumentException("at most 31 fields, not " + names.length);
            }
            this.names = new SerializableString[names.length];
            Map<String, Integer> bits = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                this.names[i] = new SerializedString(names[i]);
                if (bits.put(names[i], 1 << i) != null) {
                    throw new IllegalArgumentException("field " + names[i] + " twice");
                }
            }
            this.bits = Map.copyOf(bits);
        }

        /** The fields of these names, in the order of their bits, which should be the order the writer uses. */
        public static Fields of(String... names) {
            return new Fields(names);
        }

        /** The name of a field, encoded for {@link JsonGenerator#writeFieldName(SerializableString)}. */
        public SerializableString encoded(int field) {
            return names[Integer.numberOfTrailingZeros(field)];
        }
    }

    /**
     * Moves on to the value of the object's next known field, skipping unknown fields whatever their value (as the
     * mapper does), and returns the field's bit; {@code 0} at the end of the object. The value's first token is then
     * the parser's current token. It expects the field after the last of those {@code seen} (the writer's order) and
     * compares its name without looking it up, and looks names up only when that fails.
     */
    public static int nextField(JsonParser p, Fields fields, int seen) throws IOException {
        int expected = Integer.SIZE - Integer.numberOfLeadingZeros(seen);
        JsonToken t;
        if (expected < fields.names.length) {
            if (p.nextFieldName(fields.names[expected])) {
                p.nextToken();
                return 1 << expected;
            }
            t = p.currentToken();
        } else {
            t = p.nextToken();
        }
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            Integer bit = fields.bits.get(p.currentName());
            p.nextToken();
            if (bit != null) {
                return bit;
            }
            p.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw giveUp();
        }
        return 0;
    }

    /**
     * The fields seen so far with this one, giving up when it was seen before: which of two values the mapper takes
     * depends on whether its creator is complete by then.
     */
    public static int once(int seen, int field) {
        if ((seen & field) != 0) {
            throw giveUp();
        }
        return seen | field;
    }

    /** The current string, or {@code null} for a JSON null; gives up on other tokens, which the mapper coerces. */
    public static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw giveUp();
    }

    /**
     * The current JSON number as a {@code double}; gives up on anything else (a JSON null, which the mapper refuses
     * for a primitive, and strings such as {@code "NaN"}, which it coerces).
     */
    public static double number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw giveUp();
        }
        return p.getDoubleValue();
    }

    /** The current JSON number as a {@link Double}, or {@code null} for a JSON null; gives up on anything else. */
    public static Double nullableNumber(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : number(p);
    }

    /**
     * The current JSON integer as a {@code long}; gives up on anything else (fractions, which the mapper truncates,
     * a JSON null) and fails beyond the range of {@code long}.
     */
    public static long integer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw giveUp();
        }
        return p.getLongValue();
    }

    /**
     * The current instant when it has the canonical form {@link Instants#parseCanonical} reads, or {@code null} for
     * a JSON null; gives up on anything else (offsets, lower case, 24:00, years beyond 9999, days the month lacks,
     * epoch numbers), which the mapper decides.
     */
    public static Instant instant(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw giveUp();
        }
        Instant instant = Instants.parseCanonical(CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(),
                p.getTextLength()));
        if (instant == null) {
            throw giveUp();
        }
        return instant;
    }

    /**
     * The constant the current string names exactly, or {@code null} for a JSON null; gives up on other names,
     * ordinals and other tokens, which the mapper may read differently or reject.
     */
    public static <E extends Enum<E>> E constant(JsonParser p, Names<E> names) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        E constant = t == JsonToken.VALUE_STRING
                ? names.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                : null;
        if (constant == null) {
            throw giveUp();
        }
        return constant;
    }

    /**
     * The set of constants a JSON array of exact names lists, or {@code null} for a JSON null; gives up on anything
     * else (a null or unknown element, a single name without an array).
     */
    public static <E extends Enum<E>> Set<E> constants(JsonParser p, Names<E> names) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw giveUp();
        }
        Set<E> set = EnumSet.noneOf(names.type);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            E constant = constant(p, names);
            if (constant == null) {
                throw giveUp();
            }
            set.add(constant);
        }
        return set;
    }

    /**
     * The exception a fast path throws to leave the bytes to the mapper: shared and without a stack trace, for it
     * is control flow.
     */
    public static RuntimeException giveUp() {
        return LeftToTheMapper.INSTANCE;
    }

    private static final class LeftToTheMapper extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final LeftToTheMapper INSTANCE = new LeftToTheMapper();

        private LeftToTheMapper() {
            super("left to the mapper", null, false, false);
        }
    }
}
