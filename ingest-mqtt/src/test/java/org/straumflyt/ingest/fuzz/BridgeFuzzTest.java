package org.straumflyt.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.ingest.IngestService;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/**
 * Fuzzed payloads of every format through the whole bridge on real Mosquitto and Kafka: every message is
 * accounted for exactly once, {@code received = produced + dead-lettered + skipped}, all are acknowledged, and the
 * topics hold what the counters say. Messages per format: {@code straumflyt.fuzz.bridge.messages} (default 200;
 * 10 000 with {@code -Pfuzz}).
 */
class BridgeFuzzTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void everyFuzzedMessageIsProducedDeadLetteredOrSkippedExactlyOnce() throws MqttException {
        int perFormat = Integer.getInteger("straumflyt.fuzz.bridge.messages", 200);
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String prefix = "fz" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics topics = Topics.withPrefix(prefix);
        ServiceContext context = ServiceContext.create("ingest-mqtt");
        java.util.Map<String, String> config = new java.util.HashMap<>(java.util.Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(), "topic.prefix", prefix,
                "topic.partitions", "3", "http.port", "0", "mqtt.server.uri", mosquitto.uri(),
                "mqtt.client.id", "ingest-" + prefix, "mqtt.reconnect.max.delay.seconds", "1"));
        StringBuilder routes = new StringBuilder();
        for (FuzzFormat f : FuzzFormat.values()) {
            String name = f.routeName();
            routes.append(routes.isEmpty() ? "" : ",").append(name);
            config.put("route." + name + ".filter", prefix + f.filter);
            config.put("route." + name + ".format", f.format.wireName());
            if (!f.ids.isEmpty()) {
                config.put("route." + name + ".ids", prefix + f.ids);
            }
            if (f.locationId() != null) {
                config.put("route." + name + ".location.id", f.locationId());
            }
        }
        config.put("routes", routes.toString());
        IngestService service = new IngestService(new IngestConfig(config), context);
        MqttAsyncClient publisher = new MqttAsyncClient(mosquitto.uri(), "fuzz-" + prefix, new MemoryPersistence());
        try {
            service.start();
            Awaitility.await("ingest ready").atMost(Duration.ofSeconds(60)).until(() -> context.health().ready());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setReceiveMaximum(65_535);
            publisher.connect(options).waitForCompletion(30_000);

            // When fuzzed payloads of every format are published with QoS 1
            Random random = new Random(18);
            ArrayDeque<IMqttToken> pending = new ArrayDeque<>();
            int published = 0;
            for (FuzzFormat f : FuzzFormat.values()) {
                FuzzedPayloads payloads = new FuzzedPayloads(f.seeds());
                for (int i = 0; i < perFormat; i++) {
                    MqttMessage message = new MqttMessage(payloads.next(random));
                    message.setQos(1);
                    pending.add(publisher.publish(prefix + f.topic, message));
                    published++;
                    while (pending.size() >= 200) {
                        pending.poll().waitForCompletion(30_000);
                    }
                }
            }
            while (!pending.isEmpty()) {
                pending.poll().waitForCompletion(30_000);
            }
            int total = published;

            // Then every message is accounted for exactly once and acknowledged
            Awaitility.await("all received and settled").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter(context, "straumflyt.ingest.messages.received") == total
                            && settled(context) == total
                            && counter(context, "straumflyt.ingest.messages.acknowledged") == total);
            assertThat(counter(context, "straumflyt.ingest.messages.failed")).isZero();
            assertThat(counter(context, "straumflyt.ingest.messages.released")).isZero();
            assertThat(context.registry().get("straumflyt.ingest.inflight").gauge().value()).isZero();
            // and the topics hold what the counters say
            int deadLetters = (int) counter(context, "straumflyt.ingest.dead.letters");
            int readings = (int) counter(context, "straumflyt.ingest.readings.produced");
            int samples = (int) counter(context, "straumflyt.ingest.weather.samples.produced");
            assertThat(kafka.consumeAll(topics.readingsDlq().name(), deadLetters, TIMEOUT)).hasSize(deadLetters);
            assertThat(kafka.consumeAll(topics.readings().name(), readings, TIMEOUT)).hasSize(readings);
            assertThat(kafka.consumeAll(topics.weatherSamples().name(), samples, TIMEOUT)).hasSize(samples);
            // and fuzzing reached every outcome
            assertThat(deadLetters).isPositive();
            assertThat(counter(context, "straumflyt.ingest.messages.produced")).isPositive();
        } finally {
            try {
                publisher.disconnect().waitForCompletion(30_000);
            } catch (MqttException e) {
                // already disconnected: what failed is reported by the test itself
            }
            publisher.close();
            service.close();
        }
    }

    private static double settled(ServiceContext context) {
        return counter(context, "straumflyt.ingest.messages.produced")
                + counter(context, "straumflyt.ingest.dead.letters")
                + counter(context, "straumflyt.ingest.messages.skipped");
    }

    private static double counter(ServiceContext context, String name) {
        return context.registry().find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
