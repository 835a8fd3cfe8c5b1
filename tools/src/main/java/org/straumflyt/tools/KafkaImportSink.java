package org.straumflyt.tools;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.straumflyt.model.Topic;

/**
 * Sends an import's records to one topic with its own serdes, an idempotent producer and {@code acks=all}: a
 * confirmed record is on every in-sync replica, and producer retries never duplicate one. The import topics are
 * compacted and keyed by what identifies a record, so importing the same file again changes nothing.
 *
 * @param <K> the topic's key
 * @param <V> the topic's value
 */
public final class KafkaImportSink<K, V> implements ImportSink<V> {
    private final KafkaProducer<K, V> producer;
    private final Function<V, ProducerRecord<K, V>> recordOf;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();

    private KafkaImportSink(KafkaProducer<K, V> producer, Function<V, ProducerRecord<K, V>> recordOf) {
        this.producer = producer;
        this.recordOf = recordOf;
    }

    /**
     * Connects, after checking that the topic exists (a producer would otherwise wait for it, or let the broker
     * auto-create it without compaction).
     *
     * @param topic    the topic, for its name and serdes
     * @param recordOf the record of a value, with its key (shared with the other writers of the topic)
     * @param clientId the producer's client id, so brokers and quotas can tell the tool apart
     * @param timeout  how long to wait for Kafka to answer, and to block on a full send buffer
     */
    public static <K, V> KafkaImportSink<K, V> open(KafkaSettings settings, Topic<K, V> topic,
            Function<V, ProducerRecord<K, V>> recordOf, String clientId, Duration timeout)
            throws InterruptedException {
        requireTopic(settings, topic, timeout);
        Properties config = settings.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        KafkaProducer<K, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                topic.valueSerde().serializer());
        return new KafkaImportSink<>(producer, recordOf);
    }

    private static void requireTopic(KafkaSettings settings, Topic<?, ?> topic, Duration timeout)
            throws InterruptedException {
        Properties config = settings.clientConfig();
        // The admin client refuses an API timeout shorter than its request timeout.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(timeout.toMillis(), 30_000)));
        try (Admin admin = Admin.create(config)) {
            admin.describeTopics(Set.of(topic.name())).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic '" + topic.name() + "' does not exist at "
                        + settings.bootstrapServers() + "; the stream processor creates it on start, or create it"
                        + (topic.compacted() ? " compacted (cleanup.policy=compact)" : ""));
            }
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + timeout, e);
        }
    }

    @Override
    public void send(long lineNumber, V value) {
        String failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        producer.send(recordOf.apply(value), (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failure.compareAndSet(null, "Kafka refused line " + lineNumber + ": " + exception.getMessage());
            }
        });
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void flush() {
        producer.flush();
        String failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
