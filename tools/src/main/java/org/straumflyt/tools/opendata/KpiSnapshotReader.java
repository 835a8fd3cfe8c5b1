package org.straumflyt.tools.opendata;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.tools.KafkaSettings;

/**
 * Reads the registry and the daily and monthly KPI topics from their beginning to the end they had when reading
 * started, without a consumer group (nothing is committed; the export leaves no trace in Kafka). Reads
 * {@code read_committed}, so KPIs of an aborted stream-processor transaction are never exported.
 */
public final class KpiSnapshotReader {
    private static final Logger LOG = LoggerFactory.getLogger(KpiSnapshotReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSettings settings;
    private final Duration timeout;

    public KpiSnapshotReader(KafkaSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * Reads the three topics.
     *
     * @throws IllegalStateException when a topic does not exist or is not read to its end within the timeout
     */
    public KpiSnapshot read() {
        Topics topics = settings.topics();
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] unreadable = {0};
        Map<String, Building> registry = new HashMap<>();
        unreadable[0] += readAll(topics.registryBuildings(), deadline, (id, building) -> {
            if (building == null) {
                registry.remove(id);
            } else {
                registry.put(id, building);
            }
        });
        LatestRevisions<BuildingDailyKey, BuildingDaily> days = new LatestRevisions<>();
        unreadable[0] += readAll(topics.buildingDaily(), deadline, days::offer);
        LatestRevisions<BuildingMonthlyKey, BuildingMonthly> months = new LatestRevisions<>();
        unreadable[0] += readAll(topics.buildingMonthly(), deadline, months::offer);
        return new KpiSnapshot(registry, days.values(), months.values(), unreadable[0]);
    }

    /** Reads a topic to its current end, in offset order per partition; returns the number of unreadable records. */
    private <K, V> long readAll(Topic<K, V> topic, long deadline, BiConsumer<K, V> onRecord) {
        Properties config = settings.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "straumflyt-open-data-export");
        long unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic.name(), deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, remaining(deadline)));
            end.values().removeIf(offset -> offset == 0);
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read topic '" + topic.name() + "' to its end within "
                            + timeout + "; give a longer --timeout");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    unreadable += deliver(topic, record, onRecord) ? 0 : 1;
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return unreadable;
    }

    private static <K, V> boolean deliver(Topic<K, V> topic, ConsumerRecord<byte[], byte[]> record,
                                          BiConsumer<K, V> onRecord) {
        try {
            K key = topic.keySerde().deserializer().deserialize(topic.name(), record.key());
            V value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            if (key == null) {
                return false;
            }
            onRecord.accept(key, value);
            return true;
        } catch (SerializationException | IllegalArgumentException e) {
            LOG.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, remaining(deadline));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + timeout + " (asking for topic '" + topic + "')", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic '" + topic + "' does not exist at " + settings.bootstrapServers()
                    + "; is the topic prefix right?");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
