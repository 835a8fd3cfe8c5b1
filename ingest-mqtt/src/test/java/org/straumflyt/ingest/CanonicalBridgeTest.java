package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

class CanonicalBridgeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void canonicalMessageBecomesAReadingKeyedByMeterId() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri()).start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            // Given a running bridge with the default route
            // When a meter publishes a canonical register reading in Wh
            publisher.publish("straumflyt/readings/" + ingest.prefix + "school-1",
                    "{\"meterId\":\"" + ingest.prefix + "m-1\",\"kind\":\"ENERGY_REGISTER\",\"value\":412345678,"
                            + "\"unit\":\"Wh\",\"timestamp\":\"2026-01-05T10:00:00Z\",\"buildingId\":\"b-1\"}");

            // Then the readings topic holds it in kWh, keyed by the meter id, with its origin
            List<ConsumerRecord<String, String>> records = ingest.readingRecords(1, TIMEOUT);
            ConsumerRecord<String, String> record = records.stream()
                    .filter(r -> r.key().equals(ingest.prefix + "m-1")).findFirst().orElseThrow();
            Reading reading = Json.fromString(record.value(), Reading.class);
            assertThat(reading.kind()).isEqualTo(ReadingKind.ENERGY_REGISTER);
            assertThat(reading.register()).isEqualTo("import");
            assertThat(reading.value()).isEqualTo(412_345.678);
            assertThat(reading.timestamp()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
            assertThat(reading.carrier()).isEqualTo(Carrier.ELECTRICITY);
            assertThat(reading.buildingId()).isEqualTo("b-1");
            assertThat(reading.origin().format()).isEqualTo("canonical");
            assertThat(reading.origin().mqttTopic()).isEqualTo("straumflyt/readings/" + ingest.prefix + "school-1");
        }
    }
}
