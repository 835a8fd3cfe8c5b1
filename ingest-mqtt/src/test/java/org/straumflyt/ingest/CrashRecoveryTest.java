package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/** Loss-freedom when the bridge dies without a graceful shutdown, and when the MQTT broker restarts. */
class CrashRecoveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void bridgeKilledMidStreamAndRestartedLosesNoMessage() throws Exception {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "topic.prefix", prefix,
                "topic.partitions", "3",
                "mqtt.server.uri", mosquitto.uri(),
                "mqtt.client.id", "ingest-" + prefix,
                "mqtt.reconnect.max.delay.seconds", "1",
                "route.canonical.filter", "crash/" + prefix + "/#"));
        Path logs = Path.of("target", "ingest-processes", prefix);
        int count = 6_000;
        try (Publisher publisher = new Publisher(mosquitto.uri());
                IngestProcess first = new IngestProcess(config, logs.resolve("first.log")).start()) {
            // Given a bridge process consuming a stream
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publisher.publishAll(
                    "crash/" + prefix + "/load", Messages.payloads(prefix, 0, count), 200));
            Awaitility.await("part of the stream produced").atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> producedSoFar(first) >= count / 4);

            // When it is killed with SIGKILL mid-stream and started again with the same client id
            double producedBeforeKill = producedSoFar(first);
            first.kill();
            assertThat(producedBeforeKill).as("killed mid-stream").isLessThan(count);
            try (IngestProcess second = new IngestProcess(config, logs.resolve("second.log")).start()) {
                publishing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                // Then every message's reading reaches Kafka (duplicates allowed, loss not)
                Awaitility.await("every message in Kafka").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> Messages.numbers(readings(kafka, prefix)).size() == count);
                assertThat(Messages.numbers(readings(kafka, prefix))).isEqualTo(Messages.range(0, count));
            }
        }
    }

    @Test
    void mqttBrokerRestartIsSurvivedByReconnectingAndResubscribing() {
        KafkaBroker kafka = TestServers.kafka();
        try (MosquittoBroker mosquitto = MosquittoBroker.startNew();
                RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri()).start()) {
            try (Publisher publisher = new Publisher(mosquitto.uri())) {
                publisher.publishAll("straumflyt/readings/a", Messages.payloads(ingest.prefix, 0, 500), 100);
            }
            // When the broker restarts (its persistence keeps ingest's session)
            mosquitto.restart();
            Awaitility.await("ingest reconnected").atMost(TIMEOUT).until(() -> ingest.context.health().ready());
            try (Publisher publisher = new Publisher(mosquitto.uri())) {
                publisher.publishAll("straumflyt/readings/b", Messages.payloads(ingest.prefix, 500, 1_000), 100);
            }

            // Then messages from before and after the restart all arrive
            Awaitility.await("all readings").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Messages.numbers(TopicSnapshot.readings(kafka.bootstrapServers(),
                            ingest.topics.readings().name())).size() == 1_000);
            assertThat(ingest.counter("straumflyt.ingest.mqtt.connection.losses")).isGreaterThanOrEqualTo(1);
        }
    }

    private static List<Reading> readings(KafkaBroker kafka, String prefix) {
        return TopicSnapshot.readings(kafka.bootstrapServers(), Topics.withPrefix(prefix).readings().name());
    }

    private static double producedSoFar(IngestProcess process) {
        return process.metrics().lines().filter(l -> l.startsWith("straumflyt_ingest_messages_produced_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
