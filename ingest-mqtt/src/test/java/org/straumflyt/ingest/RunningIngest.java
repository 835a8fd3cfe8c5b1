package org.straumflyt.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;

/** An ingest service under test, on its own topic prefix so tests sharing the brokers do not see each other. */
final class RunningIngest implements AutoCloseable {
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final Topics topics = Topics.withPrefix(prefix);
    final ServiceContext context = ServiceContext.create("ingest-mqtt");
    final Map<String, String> config = new HashMap<>();
    private final KafkaBroker kafka;
    private IngestService service;

    RunningIngest(KafkaBroker kafka, String mqttUri) {
        this.kafka = kafka;
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("topic.prefix", prefix);
        config.put("topic.partitions", "3");
        config.put("http.port", "0");
        config.put("mqtt.server.uri", mqttUri);
        config.put("mqtt.client.id", "ingest-" + prefix);
        config.put("mqtt.reconnect.max.delay.seconds", "1");
    }

    RunningIngest with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Starts the service and waits until it is ready (connected to MQTT and Kafka). */
    RunningIngest start() {
        service = new IngestService(new IngestConfig(config), context);
        service.start();
        Awaitility.await("ingest ready").atMost(Duration.ofSeconds(30)).until(() -> context.health().ready());
        return this;
    }

    /** Starts the service without waiting for readiness. */
    RunningIngest startWithoutWaiting() {
        service = new IngestService(new IngestConfig(config), context);
        service.start();
        return this;
    }

    /** Stops it gracefully. */
    void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    List<Reading> readings(int expected, Duration timeout) {
        return kafka.consumeAll(topics.readings().name(), expected, timeout).stream()
                .map(r -> Json.fromString(r.value(), Reading.class)).toList();
    }

    List<ConsumerRecord<String, String>> readingRecords(int expected, Duration timeout) {
        return kafka.consumeAll(topics.readings().name(), expected, timeout);
    }

    List<DeadLetter> deadLetters(int expected, Duration timeout) {
        return kafka.consumeAll(topics.readingsDlq().name(), expected, timeout).stream()
                .map(r -> Json.fromString(r.value(), DeadLetter.class)).toList();
    }

    double counter(String name, String... tags) {
        var search = context.registry().find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        stop();
    }
}
