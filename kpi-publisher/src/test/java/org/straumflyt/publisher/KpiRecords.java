package org.straumflyt.publisher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topic;

/** Produces KPI records with their topic's serdes, acks=all, and waits for every acknowledgement. */
final class KpiRecords implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaProducer<byte[], byte[]> producer;

    KpiRecords(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the records in order and waits until Kafka acknowledged all of them. */
    <K, V> void send(Topic<K, V> topic, List<? extends Map.Entry<K, V>> records) {
        List<Future<RecordMetadata>> sent = records.stream()
                .map(r -> producer.send(new ProducerRecord<>(topic.name(),
                        topic.keySerde().serializer().serialize(topic.name(), r.getKey()),
                        topic.valueSerde().serializer().serialize(topic.name(), r.getValue()))))
                .toList();
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            await(future);
        }
    }

    /** Sends raw bytes as a record value, e.g. a record that is not valid JSON. */
    void sendRaw(String topic, byte[] key, byte[] value) {
        await(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    <V> void sendValues(Topic<?, V> topic, List<V> values, java.util.function.Function<V, ?> keyOf) {
        @SuppressWarnings("unchecked")
        Topic<Object, V> untyped = (Topic<Object, V>) topic;
        send(untyped, values.stream().map(v -> Map.entry((Object) keyOf.apply(v), v)).toList());
    }

    static MeterHour meterHour(String meter, Instant hour, double kwh, long revision) {
        return new MeterHour(meter, "import", Carrier.ELECTRICITY, "b-" + meter, hour, kwh, kwh * 1.5, 1.0,
                EnergySource.REGISTER, Set.of(), revision);
    }

    private static void await(Future<RecordMetadata> future) {
        try {
            future.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("send failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
