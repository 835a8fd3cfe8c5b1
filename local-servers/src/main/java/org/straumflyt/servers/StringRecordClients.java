package org.straumflyt.servers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** String-keyed producer and consumer helpers behind {@link KafkaBroker}'s test conveniences. */
final class StringRecordClients implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    StringRecordClients(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    List<RecordMetadata> send(List<ProducerRecord<String, String>> records, Duration timeout) {
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> futures = records.stream().map(p::send).toList();
        p.flush();
        List<RecordMetadata> result = new ArrayList<>(futures.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> future : futures) {
            result.add(get(future, deadline, timeout));
        }
        return result;
    }

    List<ConsumerRecord<String, String>> consumeAll(String topic, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(received::add);
            }
        }
        if (received.size() < expected) {
            throw new AssertionError("expected at least " + expected + " records in topic '" + topic + "' within "
                    + timeout + " but got " + received.size() + ": " + received);
        }
        return received;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> consumer, String topic,
                                                        long deadline, Duration timeout) {
        while (true) {
            List<PartitionInfo> infos = partitionsFor(consumer, topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("topic '" + topic + "' does not exist after " + timeout);
            }
            Waits.sleep(POLL);
        }
    }

    private static List<PartitionInfo> partitionsFor(KafkaConsumer<String, String> consumer, String topic) {
        try {
            return consumer.partitionsFor(topic, POLL.multipliedBy(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
    }

    private static RecordMetadata get(Future<RecordMetadata> future, long deadline, Duration timeout) {
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("send not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }
}
