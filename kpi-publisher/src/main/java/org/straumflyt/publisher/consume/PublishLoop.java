package org.straumflyt.publisher.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Topic;
import org.straumflyt.publisher.write.Backoff;
import org.straumflyt.publisher.write.BatchWriter;
import org.straumflyt.publisher.write.BatchWriter.Outcome;
import org.straumflyt.publisher.write.FailureKind;
import org.straumflyt.publisher.write.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's single consumer thread: poll, map, batch, write, then commit.
 *
 * <p>Loss-free by construction: offsets are committed only after the store accepted every point of the batch and
 * the dead letters of the batch are acknowledged by Kafka. While the store is unavailable the consumer pauses all
 * its partitions (so memory holds at most one batch, and consumer lag shows the backlog), keeps polling to stay in
 * its group, and retries the same batch with exponential backoff. A crash at any moment leaves the uncommitted
 * records in Kafka, to be written again: at most rewritten, which overwrites.
 */
public final class PublishLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishLoop.class);
    private static final Duration MAX_POLL_WAIT = Duration.ofMillis(200);
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECTION_CHECK = Duration.ofSeconds(1);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<String, DeadLetter> deadLetterProducer;
    private final Topic<String, DeadLetter> deadLetterTopic;
    private final List<String> topics;
    private final RecordMapper mapper;
    private final BatchWriter<PendingRecord> writer;
    private final Backoff backoff;
    private final int batchSize;
    private final Duration linger;
    private final PublisherMetrics metrics;
    private final Clock clock;
    private final PendingBatch batch = new PendingBatch();

    private volatile boolean running = true;
    private volatile boolean storeAvailable = true;
    private volatile String lastStoreFailure;
    private volatile boolean joinedGroup;
    private volatile boolean kafkaConnected = true;
    private Instant connectionCheckedAt = Instant.MIN;
    private int failedAttempts;
    private Instant nextAttemptAt = Instant.MIN;

    PublishLoop(Consumer<byte[], byte[]> consumer, Producer<String, DeadLetter> deadLetterProducer,
            Topic<String, DeadLetter> deadLetterTopic, List<String> topics, RecordMapper mapper,
            BatchWriter<PendingRecord> writer, Backoff backoff, int batchSize, Duration linger,
            PublisherMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.deadLetterProducer = deadLetterProducer;
        this.deadLetterTopic = deadLetterTopic;
        this.topics = List.copyOf(topics);
        this.mapper = mapper;
        this.writer = writer;
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.linger = linger;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether the last write attempt reached the store (true before the first one). */
    public boolean storeAvailable() {
        return storeAvailable;
    }

    /** Whether the consumer has joined its group and has a connection to a broker. */
    public boolean kafkaReady() {
        return joinedGroup && kafkaConnected;
    }

    /** Why {@link #kafkaReady()} is false, or {@code null} when it is true. */
    public String kafkaNotReadyReason() {
        if (!kafkaConnected) {
            return "the consumer has no connection to a Kafka broker";
        }
        return joinedGroup ? null : "the consumer has not joined its group yet";
    }

    /** Why the last write attempt did not reach the store (kind, HTTP status, detail), or {@code null}. */
    public String lastStoreFailure() {
        return storeAvailable ? null : lastStoreFailure;
    }

    /** Asks the loop to finish its current step and stop; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        consumer.subscribe(topics, new Rebalance());
        try {
            while (running) {
                step();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            finalFlush();
        }
    }

    private void step() {
        boolean retrying = failedAttempts > 0;
        if (retrying) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        metrics.paused(retrying);
        ConsumerRecords<byte[], byte[]> records = consumer.poll(pollWait());
        if (!records.isEmpty()) {
            accept(records);
        }
        if (dueForWrite()) {
            flush();
        }
        metrics.pending(batch.pointCount());
        checkConnection();
    }

    /** Reads the consumer's own connection count (at most once a second), since the client hides outages. */
    private void checkConnection() {
        Instant now = clock.instant();
        if (now.isBefore(connectionCheckedAt.plus(CONNECTION_CHECK))) {
            return;
        }
        connectionCheckedAt = now;
        kafkaConnected = consumer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("connection-count")
                        && e.getKey().group().equals("consumer-metrics"))
                .map(e -> e.getValue().metricValue())
                .anyMatch(v -> v instanceof Number n && n.doubleValue() > 0);
    }

    private void accept(ConsumerRecords<byte[], byte[]> records) {
        Instant now = clock.instant();
        Map<String, Integer> perTopic = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            batch.add(mapper.map(record), now);
            perTopic.merge(record.topic(), 1, Integer::sum);
        }
        perTopic.forEach(metrics::consumed);
    }

    private boolean dueForWrite() {
        if (batch.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        if (failedAttempts > 0) {
            return !now.isBefore(nextAttemptAt);
        }
        return batch.pointCount() >= batchSize || !now.isBefore(batch.startedAt().plus(linger));
    }

    private Duration pollWait() {
        if (batch.isEmpty()) {
            return MAX_POLL_WAIT;
        }
        Instant due = failedAttempts > 0 ? nextAttemptAt : batch.startedAt().plus(linger);
        Duration wait = Duration.between(clock.instant(), due);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_POLL_WAIT) > 0 ? MAX_POLL_WAIT : wait;
    }

    /** Writes the batch once; on success sends its dead letters and commits. Returns whether the batch is done. */
    private boolean flush() {
        Outcome<PendingRecord> outcome = writer.write(batch.points());
        if (outcome instanceof Outcome.Retry<PendingRecord> retry) {
            scheduleRetry(retry.failure());
            return false;
        }
        storeAvailable = true;
        List<DeadLetter> letters = deadLetters(((Outcome.Done<PendingRecord>) outcome).refusals());
        if (!sendDeadLetters(letters)) {
            scheduleRetry(new WriteResult.Failed(FailureKind.UNREACHABLE, 0,
                    "dead-letter topic unavailable", null));
            return false;
        }
        if (failedAttempts > 0) {
            LOG.info("store accepts writes again after {} failed attempts; resuming consumption", failedAttempts);
        }
        failedAttempts = 0;
        commit(batch.offsets());
        batch.clear();
        return true;
    }

    private void scheduleRetry(WriteResult.Failed failure) {
        failedAttempts++;
        lastStoreFailure = failure.kind().tag() + ", status " + failure.status() + ": " + failure.detail();
        storeAvailable = false;
        Duration delay = backoff.delay(failedAttempts, failure.retryAfter());
        nextAttemptAt = clock.instant().plus(delay);
        metrics.retry();
        String message = "write of {} points failed ({}, status {}: {}); partitions paused, attempt {} in {} ms";
        Object[] args = {batch.pointCount(), failure.kind().tag(), failure.status(), failure.detail(),
                failedAttempts + 1, delay.toMillis()};
        if (failedAttempts == 1 || failedAttempts % 10 == 0) {
            LOG.warn(message, args);
        } else {
            LOG.debug(message, args);
        }
    }

    private List<DeadLetter> deadLetters(List<BatchWriter.Refusal<PendingRecord>> refusals) {
        List<DeadLetter> letters = new ArrayList<>();
        batch.problems().forEach(r -> letters.add(r.problem()));
        Map<PendingRecord, String> refused = new LinkedHashMap<>();
        refusals.forEach(r -> refused.putIfAbsent(r.owner(), r.detail()));
        refused.forEach((record, detail) -> {
            ConsumerRecord<byte[], byte[]> raw = record.record();
            letters.add(DeadLetter.fromKafka(RecordMapper.COMPONENT, DeadLetterReason.REJECTED_BY_STORE, detail,
                    raw.topic(), raw.partition(), raw.offset(), raw.value(), clock.instant()));
        });
        return letters;
    }

    private boolean sendDeadLetters(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return true;
        }
        List<Future<?>> sent = new ArrayList<>();
        for (DeadLetter letter : letters) {
            sent.add(deadLetterProducer.send(new ProducerRecord<>(deadLetterTopic.name(), letter.sourceTopic(),
                    letter)));
        }
        try {
            long deadline = System.nanoTime() + DEAD_LETTER_TIMEOUT.toNanos();
            for (Future<?> future : sent) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot send {} dead letters: {}", letters.size(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        letters.forEach(l -> metrics.deadLetter(l.reason()));
        LOG.warn("sent {} records to {}; first: {} ({})", letters.size(), deadLetterTopic.name(),
                letters.get(0).reason(), letters.get(0).detail());
        return true;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
        } catch (WakeupException e) {
            // A stop request interrupted the commit: try once more so a clean stop does not cause rewrites.
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            throw e;
        } catch (KafkaException e) {
            // The points are stored; without the commit they are written again later, which overwrites.
            metrics.commitFailed();
            LOG.warn("offset commit failed after a stored batch; its records will be rewritten: {}", e.toString());
        }
    }

    private void finalFlush() {
        if (batch.isEmpty() || failedAttempts > 0) {
            return;
        }
        try {
            flush();
        } catch (KafkaException e) {
            LOG.warn("final flush on stop failed; uncommitted records will be rewritten after restart: {}",
                    e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            joinedGroup = true;
            if (partitions.isEmpty() || batch.isEmpty()) {
                return;
            }
            // Finish the batch while we still own its partitions; if the store is down, leave it to the new owner.
            boolean done = failedAttempts == 0 && flush();
            if (!done) {
                batch.drop(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            batch.drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joinedGroup = true;
            LOG.info("assigned {} partitions", partitions.size());
        }
    }
}
