package org.straumflyt.ingest.kafka;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.runtime.KafkaMeters;
import org.straumflyt.runtime.ServiceContext;

/**
 * The one idempotent, {@code acks=all} producer of ingest. A record Kafka does not confirm is sent again with
 * backoff for as long as its message still waits, so a Kafka outage delays messages but never drops them; the
 * MQTT side bounds how many wait (receive maximum). An error that no retry can cure (the record is too large,
 * the topic is invalid, the producer is not authorized, ...) is final: it is reported once, never retried, so that
 * one record cannot hold back every message after it.
 */
public final class KafkaSink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;
    /** How long the topics' size limits are looked up at start before going on without them. */
    private static final Duration LIMITS_TIMEOUT = Duration.ofSeconds(10);
    /** During an outage every waiting record fails again and again: one warning per this many ms is enough. */
    private static final long WARN_EVERY_MS = 10_000;

    private final Producer<String, byte[]> producer;
    private final ScheduledExecutorService retries;
    private final Runnable onRetry;
    private volatile boolean closed;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong failuresSinceWarning = new AtomicLong();

    /**
     * @param clientProperties bootstrap servers and pass-through client properties (security, compression, ...)
     * @param onRetry          called whenever a record is sent again (a metric)
     */
    public KafkaSink(Properties clientProperties, Runnable onRetry) {
        this.producer = new KafkaProducer<>(producerProperties(clientProperties));
        this.onRetry = onRetry;
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-kafka-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The client properties with {@code max.request.size} (and {@code batch.size}) no larger than the smallest
     * {@code max.message.bytes} of the topics written. A record the broker would refuse as too large is then refused
     * by the producer before it takes a sequence number: refused by the broker, it leaves a gap in the idempotent
     * producer's sequence, and the batches after it on that partition fail with OUT_OF_ORDER_SEQUENCE_NUMBER until
     * they expire (seen: over 90 s of stalled intake after one such record). When the limits cannot be read (no
     * right to describe configs), the properties are returned as they are.
     */
    public static Properties limitedToTopics(Properties clientProperties, Collection<String> topics) {
        Properties limited = new Properties();
        limited.putAll(clientProperties);
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Admin admin = Admin.create(clientProperties);
        try {
            int smallest = Integer.MAX_VALUE;
            DescribeConfigsOptions within = new DescribeConfigsOptions().timeoutMs((int) LIMITS_TIMEOUT.toMillis());
            for (Config config : admin.describeConfigs(resources, within).all()
                    .get(LIMITS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
                ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    smallest = Math.min(smallest, Integer.parseInt(entry.value()));
                }
            }
            if (smallest == Integer.MAX_VALUE) {
                return limited;
            }
            ProducerConfig defaults = new ProducerConfig(producerProperties(clientProperties));
            limited.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    Math.min(defaults.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), smallest));
            limited.put(ProducerConfig.BATCH_SIZE_CONFIG,
                    Math.min(defaults.getInt(ProducerConfig.BATCH_SIZE_CONFIG), smallest));
            return limited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return limited;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("cannot read max.message.bytes of {} ({}); records the broker refuses as too large may stall "
                    + "their partition until they expire", topics, e.toString());
            return limited;
        } finally {
            admin.close(Duration.ZERO); // nothing of it is needed any more: never wait for its retries
        }
    }

    /** Our defaults, then the operator's pass-through properties, then what delivery guarantees require. */
    static Properties producerProperties(Properties clientProperties) {
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // send() blocks only for missing metadata; it runs on the pipeline thread, never on MQTT's.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "straumflyt-ingest");
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** What becomes of a record: confirmed, or failed for good. Both run at most once, on a Kafka thread. */
    public interface Outcome {
        /** Kafka has the record. */
        void confirmed();

        /** Kafka refused the record with an error no retry can cure. */
        void failed(Exception error);
    }

    /** Sends a record and reports its outcome. Sends that fail for a passing reason are repeated while {@code wanted} says so. */
    public void send(ProducerRecord<String, byte[]> record, BooleanSupplier wanted, Outcome outcome) {
        attempt(record, wanted, outcome, FIRST_BACKOFF_MS);
    }

    /**
     * Whether no retry can make Kafka take the record: it is too large, cannot be serialized or names an invalid
     * topic. Everything else (timeouts, a broker away, not enough replicas, ...) may pass, so it is retried. A
     * missing ACL is retried too: an operator can grant it, and acknowledging meanwhile would drop the readings.
     */
    public static boolean isFinal(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                    || e instanceof SerializationException || e instanceof InvalidTopicException
                    || e instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    private void attempt(ProducerRecord<String, byte[]> record, BooleanSupplier wanted, Outcome outcome,
            long backoffMs) {
        if (closed || !wanted.getAsBoolean()) {
            return;
        }
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    outcome.confirmed();
                } else {
                    failedOrRetry(record, wanted, outcome, backoffMs, error);
                }
            });
        } catch (RuntimeException e) {
            failedOrRetry(record, wanted, outcome, backoffMs, e);
        }
    }

    private void failedOrRetry(ProducerRecord<String, byte[]> record, BooleanSupplier wanted, Outcome outcome,
            long backoffMs, Exception error) {
        if (closed) {
            return;
        }
        if (isFinal(error)) {
            outcome.failed(error);
            return;
        }
        warnRarely(record, error);
        onRetry.run();
        retries.schedule(() -> attempt(record, wanted, outcome, Math.min(MAX_BACKOFF_MS, backoffMs * 2)),
                backoffMs, TimeUnit.MILLISECONDS);
    }

    private void warnRarely(ProducerRecord<String, byte[]> record, Exception error) {
        long failures = failuresSinceWarning.incrementAndGet();
        long now = System.nanoTime() / 1_000_000;
        long last = lastWarning.get();
        if (last != Long.MIN_VALUE && now - last < WARN_EVERY_MS) {
            LOG.debug("Kafka did not take a record for {} ({}); sending it again", record.topic(), error.toString());
            return;
        }
        if (lastWarning.compareAndSet(last, now)) {
            failuresSinceWarning.set(0);
            LOG.warn("Kafka did not take a record for {} ({}); {} failed sends since the last warning; sending again "
                    + "with backoff up to {} ms", record.topic(), error.toString(), failures, MAX_BACKOFF_MS);
        }
    }

    /** Binds the producer's own metrics to the service's registry, in the detail its configuration asks for. */
    public KafkaMeters.Binding bindMeters(ServiceContext context, Duration refresh) {
        return KafkaMeters.bind(context, producer::metrics, () -> new KafkaClientMetrics(producer), null, refresh);
    }

    /** Waits until every record sent so far is confirmed or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
