package org.straumflyt.runtime;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * How many of the Kafka clients' and Kafka Streams' own metrics a service exposes on /metrics.
 *
 * <p>Kafka reports most of its metrics once per topic, partition, broker connection, stream task, processor node and
 * state store. A stream processor with its stores and six partitions per topic has over 20,000 of them (measured:
 * a 5 MB scrape that took 1.7 s, much of it reading RocksDB properties, and Micrometer's Kafka binder spending seconds
 * comparing them whenever one appears). {@link #SUMMARY}, the default, exposes the per-client and per-thread ones
 * (consumer lag, request, commit and transaction times, stream thread rates, connections); {@link #FULL} exposes
 * everything, through Micrometer's own Kafka binders.
 */
public enum KafkaMeterDetail {
    /** Per client and per stream thread only ({@link KafkaMeters}). */
    SUMMARY,
    /** Every metric the Kafka clients and Kafka Streams report (Micrometer's Kafka binders). */
    FULL;

    /** Tags (as Kafka names them) that make a Kafka metric fine-grained; state stores' end in "-state-id". */
    private static final Set<String> FINE_TAGS = Set.of("topic", "partition", "node-id", "task-id",
            "processor-node-id", "record-cache-id");

    /** Whether a metric with these tags is one per topic, partition, broker, task, processor node or state store. */
    static boolean fineGrained(Map<String, String> tags) {
        for (String key : tags.keySet()) {
            if (FINE_TAGS.contains(key) || key.endsWith("-state-id")) {
                return true;
            }
        }
        return false;
    }

    /** {@code summary} or {@code full}, any case. */
    public static KafkaMeterDetail parse(String value) {
        for (KafkaMeterDetail detail : values()) {
            if (detail.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return detail;
            }
        }
        throw new ConfigException(ServiceConfig.METRICS_KAFKA, value, "must be summary or full");
    }
}
