package org.straumflyt.processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * A serde that decodes each distinct byte content once and hands out the same value for equal bytes afterwards. For
 * immutable values that are read far more often than they change, such as a meter's registry entry, which the meter
 * stage's join looks up (and, with plain JSON, decodes) for every reading. At most {@code capacity} values are kept;
 * beyond that the memory is emptied and filled again from the values in use. Safe for concurrent use by several
 * stream threads.
 *
 * @param <T> an immutable type: the values handed out are shared
 */
public final class MemoizingSerde<T> implements Serde<T> {
    private final Serde<T> inner;
    private final int capacity;
    private final Map<Bytes, T> decoded = new ConcurrentHashMap<>();

    public MemoizingSerde(Serde<T> inner, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.inner = inner;
        this.capacity = capacity;
    }

    @Override
    public Serializer<T> serializer() {
        return inner.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> plain = inner.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            Bytes key = Bytes.wrap(bytes);
            T value = decoded.get(key);
            if (value != null) {
                return value;
            }
            value = plain.deserialize(topic, bytes);
            if (value != null) {
                if (decoded.size() >= capacity) {
                    decoded.clear();
                }
                // the caller may reuse its array: keep a copy as the key
                decoded.put(Bytes.wrap(bytes.clone()), value);
            }
            return value;
        };
    }

    /** Values held now. */
    int size() {
        return decoded.size();
    }
}
