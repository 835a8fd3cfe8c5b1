package org.straumflyt.ingest.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.straumflyt.ingest.format.Delivery;
import org.straumflyt.ingest.kafka.KafkaSink;
import org.straumflyt.ingest.mqtt.MessageListener;
import org.straumflyt.ingest.mqtt.MqttSource;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages from MQTT to Kafka. Paho's callback only stamps the arrival and hands the message to one pipeline
 * thread, which decodes it and sends its records (readings keyed by meter id, temperature samples keyed by location
 * id, or one dead letter keyed by the MQTT topic). When Kafka has confirmed every record of a message, the message
 * is acknowledged to the broker.
 */
public final class Bridge implements MessageListener {
    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    private final MessageDecoder decoder;
    private final KafkaSink sink;
    private final Topics topics;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final InFlightMessages inFlight = new InFlightMessages();
    private final ExecutorService pipeline;
    /** Received and not yet produced, dead-lettered or released: what waits on Kafka or on the pipeline. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile MqttSource source;

    public Bridge(MessageDecoder decoder, KafkaSink sink, Topics topics, IngestMetrics metrics, Clock clock) {
        this.decoder = decoder;
        this.sink = sink;
        this.topics = topics;
        this.metrics = metrics;
        this.clock = clock;
        this.pipeline = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ingest-pipeline");
            t.setDaemon(true);
            return t;
        });
    }

    /** The connection to acknowledge through; set before it starts. */
    public void attach(MqttSource mqttSource) {
        this.source = mqttSource;
    }

    /** Messages received and not yet confirmed by Kafka (nor released for redelivery). */
    public int inFlight() {
        return pending.get();
    }

    @Override
    public void onMessage(String topic, byte[] payload, int mqttId, int qos, Delivery delivery) {
        Instant receivedAt = clock.instant();
        long arrivalNanos = System.nanoTime();
        long generation = inFlight.generation();
        metrics.received();
        pending.incrementAndGet();
        pipeline.execute(() -> process(topic, payload, mqttId, qos, delivery, receivedAt, arrivalNanos,
                generation));
    }

    @Override
    public void onConnectionLost() {
        metrics.connectionLost();
        int released = inFlight.releaseAll();
        pending.addAndGet(-released);
        metrics.released(released);
    }

    private void process(String topic, byte[] payload, int mqttId, int qos, Delivery delivery, Instant receivedAt,
            long arrivalNanos, long generation) {
        Decoded decoded = decoder.decode(topic, payload, receivedAt, delivery);
        List<ProducerRecord<String, byte[]>> records = records(decoded);
        InFlightMessages.Message message = inFlight.add(mqttId, qos, arrivalNanos, records.size(), generation);
        if (message == null) {
            pending.decrementAndGet();
            metrics.released(1);
            return;
        }
        if (records.isEmpty()) {
            settle(message, inFlight.nothingToConfirm(message), decoded);
            return;
        }
        KafkaSink.Outcome outcome = new KafkaSink.Outcome() {
            @Override
            public void confirmed() {
                settle(message, inFlight.recordConfirmed(message), decoded);
            }

            @Override
            public void failed(Exception error) {
                settle(message, inFlight.recordFailed(message, error), decoded);
            }
        };
        for (ProducerRecord<String, byte[]> record : records) {
            sink.send(record, () -> inFlight.wanted(message), outcome);
        }
    }

    /**
     * How long ago the oldest message not yet acknowledged to MQTT arrived; zero when none waits. Acknowledgements
     * go out in arrival order, so while this grows nothing after that message is acknowledged either.
     */
    public Duration oldestUnacknowledgedAge() {
        Long arrival = inFlight.oldestArrivalNanos();
        return arrival == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, System.nanoTime() - arrival));
    }

    private List<ProducerRecord<String, byte[]>> records(Decoded decoded) {
        if (decoded instanceof Decoded.Readings r) {
            String topic = topics.readings().name();
            return r.readings().stream()
                    .map(reading -> new ProducerRecord<>(topic, reading.meterId(), Json.toBytes(reading)))
                    .toList();
        }
        if (decoded instanceof Decoded.Samples s) {
            String topic = topics.weatherSamples().name();
            return s.samples().stream()
                    .map(sample -> new ProducerRecord<>(topic, sample.locationId(), Json.toBytes(sample)))
                    .toList();
        }
        if (decoded instanceof Decoded.Skipped skipped) {
            LOG.debug("nothing to meter in a {} message: {}", skipped.format(), skipped.detail());
            return List.of();
        }
        DeadLetter letter = ((Decoded.Rejected) decoded).deadLetter();
        LOG.debug("dead letter {} from {}: {}", letter.reason(), letter.mqttTopic(), letter.detail());
        return List.of(new ProducerRecord<>(topics.readingsDlq().name(), letter.sourceTopic(), Json.toBytes(letter)));
    }

    /** Counts a message that is done and acknowledges what is now at the head of the queue. */
    private void settle(InFlightMessages.Message message, InFlightMessages.Progress progress, Decoded decoded) {
        if (progress.messageConfirmed()) {
            pending.decrementAndGet();
            long latency = System.nanoTime() - message.arrivalNanos;
            Exception failure = inFlight.failure(message);
            if (failure != null) {
                // Once per message, never per retry: the error cannot pass, so the message is given up.
                LOG.error("Kafka refused a record of a message from {} for good ({}); the message is acknowledged "
                        + "without it and counted in ingest.messages.failed", describe(decoded), failure.toString());
                metrics.failed(failure);
            } else if (decoded instanceof Decoded.Readings r) {
                metrics.readingsProduced(r.format(), r.readings().size());
                metrics.messageProduced(latency);
            } else if (decoded instanceof Decoded.Samples s) {
                metrics.samplesProduced(s.format(), s.samples().size());
                metrics.messageProduced(latency);
            } else if (decoded instanceof Decoded.Skipped) {
                metrics.skipped();
            } else {
                metrics.deadLetter(((Decoded.Rejected) decoded).deadLetter().reason(), latency);
            }
        }
        MqttSource mqtt = source;
        for (InFlightMessages.Message m : progress.acknowledgeable()) {
            mqtt.acknowledge(m.mqttId, m.qos);
        }
        if (!progress.acknowledgeable().isEmpty()) {
            metrics.acknowledged(progress.acknowledgeable().size());
        }
    }

    private static String describe(Decoded decoded) {
        if (decoded instanceof Decoded.Rejected rejected) {
            DeadLetter letter = rejected.deadLetter();
            return shortened(letter.sourceTopic()) + " (dead letter " + letter.reason() + ", payload of "
                    + letter.payloadSize() + " bytes, sha256 " + letter.payloadSha256() + ")";
        }
        if (decoded instanceof Decoded.Readings r && !r.readings().isEmpty()) {
            Reading first = r.readings().get(0);
            return first.origin() == null ? "meter " + first.meterId() : shortened(first.origin().mqttTopic());
        }
        return decoded.getClass().getSimpleName();
    }

    /** An MQTT topic for a log line: topics may be 64 kB long. */
    private static String shortened(String topic) {
        return topic == null || topic.length() <= 200 ? topic : topic.substring(0, 200) + "…";
    }

    /**
     * Stops taking work and waits until Kafka has confirmed what is in flight, so that it is acknowledged before
     * the connection closes; what is not confirmed in time stays with the broker for redelivery.
     */
    public void drain(Duration timeout) {
        pipeline.shutdown();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!pipeline.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("pipeline did not finish within {}", timeout);
            }
            sink.flush();
            while (pending.get() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending.get() > 0) {
            LOG.warn("{} messages still unconfirmed at shutdown; the broker will redeliver them", pending.get());
        }
    }
}
