package org.straumflyt.ingest.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.straumflyt.model.DeadLetterReason;

/**
 * The meters of ingest. Every received message ends in exactly one of: produced, dead-lettered, released for
 * redelivery (connection lost before Kafka confirmed it), skipped (nothing to meter), or failed (Kafka refused a
 * record of it with an error no retry can cure); while it waits it is in flight. So at any time
 * {@code received = produced + dead_letters + skipped + failed + released + inflight}.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Counter received;
    private final Counter produced;
    private final Counter released;
    private final Counter acknowledged;
    private final Counter skipped;
    private final Counter sendRetries;
    private final Counter connectionLosses;
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Map<String, Counter> readings = new ConcurrentHashMap<>();
    private final Map<String, Counter> samples = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Timer latency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        received = Counter.builder("straumflyt.ingest.messages.received").description("MQTT messages received")
                .register(registry);
        produced = Counter.builder("straumflyt.ingest.messages.produced")
                .description("Messages whose readings Kafka confirmed (then acknowledged to MQTT)").register(registry);
        released = Counter.builder("straumflyt.ingest.messages.released")
                .description("Messages left unacknowledged because the MQTT connection was lost; the broker "
                        + "redelivers them").register(registry);
        skipped = Counter.builder("straumflyt.ingest.messages.skipped")
                .description("Well-formed messages with nothing to meter (e.g. Shelly NotifyEvent), acknowledged "
                        + "without a record").register(registry);
        acknowledged = Counter.builder("straumflyt.ingest.messages.acknowledged")
                .description("Messages acknowledged to the MQTT broker (QoS 1 PUBACKs sent)").register(registry);
        sendRetries = Counter.builder("straumflyt.ingest.kafka.send.retries")
                .description("Records sent to Kafka again after a failure").register(registry);
        connectionLosses = Counter.builder("straumflyt.ingest.mqtt.connection.losses")
                .description("Times the MQTT connection was lost").register(registry);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason, Counter.builder("straumflyt.ingest.dead.letters").tag("reason", reason.name())
                    .description("Messages set aside on the dead-letter topic, by reason").register(registry));
        }
        latency = Timer.builder("straumflyt.ingest.latency")
                .description("From MQTT arrival to Kafka's confirmation of the message's last record")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    /** Gauges read from the running parts. */
    public void bind(IntSupplier inFlight, BooleanSupplier mqttConnected, BooleanSupplier kafkaUp) {
        Gauge.builder("straumflyt.ingest.inflight", inFlight, s -> s.getAsInt()).strongReference(true)
                .description("Messages received and not yet acknowledged").register(registry);
        Gauge.builder("straumflyt.ingest.mqtt.connected", mqttConnected, s -> s.getAsBoolean() ? 1 : 0)
                .strongReference(true)
                .description("1 while connected and subscribed to the MQTT broker").register(registry);
        Gauge.builder("straumflyt.ingest.kafka.connected", kafkaUp, s -> s.getAsBoolean() ? 1 : 0).strongReference(true)
                .description("1 while Kafka answers").register(registry);
    }

    void received() {
        received.increment();
    }

    void readingsProduced(String format, int count) {
        readings.computeIfAbsent(format, f -> Counter.builder("straumflyt.ingest.readings.produced").tag("format", f)
                .description("Readings Kafka confirmed").register(registry)).increment(count);
    }

    void samplesProduced(String format, int count) {
        samples.computeIfAbsent(format, f -> Counter.builder("straumflyt.ingest.weather.samples.produced")
                .tag("format", f)
                .description("Outdoor temperature samples Kafka confirmed").register(registry)).increment(count);
    }

    void messageProduced(long latencyNanos) {
        produced.increment();
        latency.record(Duration.ofNanos(latencyNanos));
    }

    void deadLetter(DeadLetterReason reason, long latencyNanos) {
        deadLetters.get(reason).increment();
        latency.record(Duration.ofNanos(latencyNanos));
    }

    void failed(Exception error) {
        failures.computeIfAbsent(error.getClass().getSimpleName(), reason -> Counter
                .builder("straumflyt.ingest.messages.failed")
                .tag("reason", reason).description("Messages Kafka refused a record of with an error no retry can "
                        + "cure (e.g. RecordTooLargeException); acknowledged without it").register(registry))
                .increment();
    }

    void skipped() {
        skipped.increment();
    }

    void released(int count) {
        released.increment(count);
    }

    void acknowledged(int count) {
        acknowledged.increment(count);
    }

    public void sendRetried() {
        sendRetries.increment();
    }

    void connectionLost() {
        connectionLosses.increment();
    }
}
