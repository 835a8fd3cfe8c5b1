package org.straumflyt.model;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values, so that a topic and its types are
 * never separated.
 *
 * @param name       the full topic name, prefix included
 * @param keySerde   serde of its keys
 * @param valueSerde serde of its values
 * @param compacted  whether the topic is log-compacted (latest value per key)
 * @param schema     the classpath resource of its value's JSON Schema, e.g. {@code /schemas/reading.schema.json}
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, String schema) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }
}
