package org.straumflyt.ingest;

import org.straumflyt.model.wire.Json;
import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Reading;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;
import org.straumflyt.servers.TlsFiles;

/** TLS (server and client certificates) and password authentication against a real Mosquitto. */
class MqttSecurityTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void wrongPasswordKeepsTheBridgeNotReadyBecauseOfMqtt() {
        KafkaBroker kafka = TestServers.kafka();
        try (MosquittoBroker mosquitto = MosquittoBroker.builder().tls().credentials("ingest", "right").start();
                RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri())
                        .with("mqtt.username", "ingest").with("mqtt.password", "wrong")
                        .with("mqtt.tls.ca.location", mosquitto.tlsFiles().caCert().toString())) {
            // When the bridge starts with a password the broker refuses
            ingest.startWithoutWaiting();

            // Then Kafka is fine but MQTT never connects, so it is not ready
            Awaitility.await("kafka check passes").atMost(TIMEOUT)
                    .until(() -> ingest.context.health().results().get("kafka"));
            Awaitility.await("not ready while refused").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !ingest.context.health().ready() && !ingest.context.health().results().get("mqtt"));
            // and the check says why: the broker, and the broker's answer
            assertThat(ingest.context.health().statuses().get("mqtt").reason())
                    .startsWith("not connected to MQTT broker " + mosquitto.uri())
                    .contains("; last error: ")
                    .contains("Not authorized");
        }
    }

    @Test
    void bridgeProcessConnectsWithClientCertificateAndPasswordFromASecretFile() throws Exception {
        KafkaBroker kafka = TestServers.kafka();
        try (MosquittoBroker mosquitto = MosquittoBroker.builder().requireClientCertificate()
                .credentials("ingest", "kWh-s3cret").start()) {
            TlsFiles tls = mosquitto.tlsFiles();
            Path secret = Files.writeString(mosquitto.directory().resolve("mqtt-password"), "kWh-s3cret\n",
                    StandardCharsets.UTF_8);
            String prefix = "s" + Long.toHexString(System.nanoTime()) + ".";
            Map<String, String> config = new HashMap<>(Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "topic.prefix", prefix,
                    "mqtt.server.uri", mosquitto.uri(),
                    "mqtt.client.id", "ingest-" + prefix,
                    "mqtt.username", "ingest",
                    // read by ConfigSource as STRAUMFLYT_MQTT_PASSWORD_FILE, as an operator would mount it
                    "mqtt.password.file", secret.toString(),
                    "mqtt.tls.ca.location", tls.caCert().toString(),
                    "mqtt.tls.cert.location", tls.clientCert().toString(),
                    "mqtt.tls.key.location", tls.clientKey().toString()));
            MqttConnectionOptions publisherOptions = new MqttConnectionOptions();
            publisherOptions.setSocketFactory(tls.socketFactory());
            publisherOptions.setUserName("ingest");
            publisherOptions.setPassword("kWh-s3cret".getBytes(StandardCharsets.UTF_8));

            // Given the bridge as a process, configured like production through the environment
            try (IngestProcess ingest = new IngestProcess(config, Path.of("target", "ingest-processes", prefix,
                    "tls.log")).start();
                    Publisher publisher = new Publisher(mosquitto.uri(), publisherOptions)) {
                // When a meter publishes over TLS
                publisher.publish("straumflyt/readings/" + prefix, Messages.payload(prefix, 42));

                // Then its reading reaches Kafka
                List<Reading> readings = kafka.consumeAll(prefix + "readings", 1, TIMEOUT).stream()
                        .map(r -> Json.fromString(r.value(), Reading.class)).toList();
                assertThat(readings).extracting(Reading::value).containsExactly(42.0);
            }
        }
    }
}
