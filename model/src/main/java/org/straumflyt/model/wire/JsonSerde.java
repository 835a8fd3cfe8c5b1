package org.straumflyt.model.wire;

import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;

/**
 * A Kafka serde for one record type through the shared {@link Json} codec. {@code null} maps to
 * {@code null} both ways, so tombstones pass through.
 *
 * <p>The serdes of the hottest types ({@link #meterHour()}, {@link #meterHourKey()}, {@link #buildingHourKey()})
 * write and read with hand-written streaming codecs ({@link StreamingJson}) instead of data binding: the same bytes,
 * the same values and the same exceptions as the shared codec, in less time.
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;

    public JsonSerde(Class<T> type) {
        this(type, Json::toBytes, bytes -> Json.fromBytes(bytes, type));
    }

    private JsonSerde(Class<T> type, Function<T, byte[]> encode, Function<byte[], T> decode) {
        this.type = type;
        this.encode = encode;
        this.decode = decode;
    }

    private static <T> JsonSerde<T> streaming(Class<T> type, StreamingJson.Encoder<T> encoder,
            StreamingJson.Decoder<T> decoder) {
        return new JsonSerde<>(type, value -> StreamingJson.toBytes(value, encoder),
                bytes -> StreamingJson.fromBytes(bytes, type, decoder));
    }

    /** The serde of {@link MeterHour}, the values of {@code kpi.meter-hourly}, with a streaming codec. */
    public static JsonSerde<MeterHour> meterHour() {
        return streaming(MeterHour.class, HourJson::writeMeterHour, HourJson::readMeterHour);
    }

    /** The serde of {@link MeterHourKey}, the keys of {@code kpi.meter-hourly}, with a streaming codec. */
    public static JsonSerde<MeterHourKey> meterHourKey() {
        return streaming(MeterHourKey.class, HourJson::writeMeterHourKey, HourJson::readMeterHourKey);
    }

    /** The serde of {@link BuildingHourKey}, keys of building hours and their stores, with a streaming codec. */
    public static JsonSerde<BuildingHourKey> buildingHourKey() {
        return streaming(BuildingHourKey.class, HourJson::writeBuildingHourKey, HourJson::readBuildingHourKey);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode.apply(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decode.apply(bytes);
            } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
                throw new SerializationException("topic " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
