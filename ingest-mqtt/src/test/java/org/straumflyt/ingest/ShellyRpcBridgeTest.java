package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.format.Decoding;
import org.straumflyt.model.Reading;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/** Shelly RPC notifications on real brokers: readings at the device's time; other notifications acknowledged. */
class ShellyRpcBridgeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void notifyStatusGivesReadingsAtDeviceTimeAndNotifyEventIsAcknowledgedWithoutARecord() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String device = "shellyplus1pm-" + System.nanoTime();
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri())
                        .with("routes", "shelly")
                        .with("route.shelly.filter", device + "/events/rpc")
                        .with("route.shelly.ids", "{meterId}/events/rpc")
                        .start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            // Given a Shelly route on the device's events/rpc topic
            // When the device notifies a button push, then a status change of its switch
            publisher.publish(device + "/events/rpc", Decoding.fixture("shelly/notify-event-input.json"));
            publisher.publish(device + "/events/rpc", Decoding.fixture("shelly/plus1pm-notify-status.json"));

            // Then the status gives its two readings, stamped with params.ts
            List<Reading> readings = ingest.readings(2, TIMEOUT);
            assertThat(readings).hasSize(2).allSatisfy(r -> {
                assertThat(r.meterId()).isEqualTo(device);
                assertThat(r.timestamp()).isEqualTo(Instant.parse("2025-01-15T07:30:12.430Z"));
            });
            // and both messages are acknowledged: the event without a record and without a dead letter
            Awaitility.await("both acknowledged").atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(ingest.counter("straumflyt.ingest.messages.acknowledged")).isEqualTo(2.0);
                assertThat(ingest.counter("straumflyt.ingest.messages.skipped")).isEqualTo(1.0);
                assertThat(ingest.counter("straumflyt.ingest.messages.produced")).isEqualTo(1.0);
            });
            assertThat(ingest.counter("straumflyt.ingest.dead.letters")).isZero();
        }
    }
}
