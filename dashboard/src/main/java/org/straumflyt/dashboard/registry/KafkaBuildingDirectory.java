package org.straumflyt.dashboard.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Building;
import org.straumflyt.model.Topic;

/**
 * Reads the compacted registry topic from its beginning and keeps the latest building per id (a tombstone removes
 * it). It assigns itself every partition and commits nothing: no consumer group, no offsets, no state on disk — on
 * a restart it reads the topic again, which for a registry of a few thousand buildings takes well under a second.
 * Until the topic exists (the stream processor creates it) it asks again every few seconds, and the pages show ids.
 */
public final class KafkaBuildingDirectory implements BuildingDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBuildingDirectory.class);
    private static final Duration RETRY = Duration.ofSeconds(3);

    private final Map<String, Building> buildings = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, Building> topic;
    private final Deserializer<String> keys;
    private final Deserializer<Building> values;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;

    public KafkaBuildingDirectory(Properties kafka, Topic<String, Building> topic) {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "straumflyt-dashboard-registry");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.keys = topic.keySerde().deserializer();
        this.values = topic.valueSerde().deserializer();
        this.thread = new Thread(this::run, "dashboard-registry");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Map<String, Building> buildings() {
        return Map.copyOf(buildings);
    }

    private void run() {
        try {
            assign();
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("registry reader stopped; the pages keep the {} buildings read so far", buildings.size(), e);
        } finally {
            boolean interrupted = Thread.interrupted(); // let the consumer close cleanly
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("closing the registry reader: {}", e.toString());
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every partition of the topic, from the beginning; waits until the topic exists. */
    private void assign() throws InterruptedException {
        boolean told = false;
        while (running.get()) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic.name(), RETRY);
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (KafkaException e) {
                partitions = List.of();
            }
            if (partitions != null && !partitions.isEmpty()) {
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                LOG.info("reading the registry from {} ({} partitions)", topic.name(), assigned.size());
                return;
            }
            if (!told) {
                LOG.info("registry topic {} not found yet; the pages show building ids until it is", topic.name());
                told = true;
            }
            // Wait, or stop at once when closed: close() counts this down instead of interrupting, so that an
            // interrupt never reaches the consumer while it closes (it would log an error).
            if (closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String id;
        try {
            id = keys.deserialize(record.topic(), record.key());
        } catch (RuntimeException e) {
            LOG.warn("registry record at {}-{}@{} has an unreadable key; skipped", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (id == null) {
            return;
        }
        if (record.value() == null) {
            buildings.remove(id);
            return;
        }
        try {
            buildings.put(id, values.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("registry record of {} is not a building ({}); the previous one is kept", id, e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        closed.countDown();
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
