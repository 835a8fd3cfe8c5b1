package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/** The bridge on the shared real Mosquitto and Kafka. */
class DeliveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final KafkaBroker kafka = TestServers.kafka();
    private final MosquittoBroker mosquitto = TestServers.mosquitto();

    @Test
    void tenThousandQos1MessagesBecomeExactlyTheExpectedReadings() {
        int count = 10_000;
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri()).start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            // When 10 000 canonical messages are published with QoS 1
            publisher.publishAll("straumflyt/readings/" + ingest.prefix, Messages.payloads(ingest.prefix, 0, count), 500);

            // Then every one is produced and acknowledged, none twice, none dead-lettered
            Awaitility.await("all messages produced").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.produced") >= count);
            List<Reading> readings = ingest.readings(count, TIMEOUT);
            assertThat(readings).hasSize(count);
            assertThat(Messages.numbers(readings)).isEqualTo(Messages.range(0, count));
            assertThat(ingest.counter("straumflyt.ingest.messages.received")).isEqualTo(count);
            assertThat(ingest.counter("straumflyt.ingest.dead.letters")).isZero();
            Awaitility.await("all acknowledged").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.acknowledged") == count);
            assertThat(ingest.context.registry().get("straumflyt.ingest.inflight").gauge().value()).isZero();
            // and each reading is keyed by its meter id, so one meter's readings share a partition
            assertThat(ingest.readingRecords(count, TIMEOUT)).allSatisfy(r -> assertThat(r.value())
                    .contains("\"meterId\":\"" + r.key() + "\""));
        }
    }

    @Test
    void malformedMessagesGoToTheDeadLetterTopicWithTheirReasonWhileValidOnesPass() {
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri())
                        .with("mqtt.max.payload.bytes", "2048").start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            String topic = "straumflyt/readings/" + ingest.prefix;
            String meter = "\"meterId\":\"" + ingest.prefix + "bad\",";
            Map<DeadLetterReason, String> bad = Map.of(
                    DeadLetterReason.UNPARSEABLE, "{\"P\":12",
                    DeadLetterReason.TOO_LARGE, "{\"pad\":\"" + "x".repeat(3000) + "\"}",
                    DeadLetterReason.UNKNOWN_UNIT, "{" + meter + "\"kind\":\"POWER\",\"value\":1,\"unit\":\"hp\","
                            + "\"timestamp\":\"2026-01-01T00:00:00Z\"}",
                    DeadLetterReason.NOT_FINITE, "{" + meter + "\"kind\":\"POWER\",\"value\":NaN,"
                            + "\"timestamp\":\"2026-01-01T00:00:00Z\"}",
                    DeadLetterReason.NEGATIVE_REGISTER, "{" + meter + "\"kind\":\"ENERGY_REGISTER\",\"value\":-3,"
                            + "\"timestamp\":\"2026-01-01T00:00:00Z\"}",
                    DeadLetterReason.FUTURE_TIMESTAMP, "{" + meter + "\"kind\":\"POWER\",\"value\":1,"
                            + "\"timestamp\":\"2099-01-01T00:00:00Z\"}",
                    DeadLetterReason.MISSING_METER_ID, "{\"kind\":\"POWER\",\"value\":1,"
                            + "\"timestamp\":\"2026-01-01T00:00:00Z\"}");
            List<String> stream = new ArrayList<>();
            List<DeadLetterReason> order = new ArrayList<>(bad.keySet());
            int valid = 700;
            for (int i = 0; i < valid; i++) {
                stream.add(Messages.payload(ingest.prefix, i));
                if (i % 100 == 50) {
                    stream.add(bad.get(order.get(i / 100)));
                }
            }

            // When bad messages are mixed into a valid stream
            publisher.publishAll(topic, stream, 200);

            // Then each bad one is in the DLQ with its reason, raw payload and topic, and every valid one got through
            List<DeadLetter> letters = ingest.deadLetters(bad.size(), TIMEOUT);
            assertThat(letters.stream().collect(Collectors.toMap(DeadLetter::reason, DeadLetter::payloadText)))
                    .isEqualTo(bad);
            assertThat(letters).allSatisfy(l -> {
                assertThat(l.mqttTopic()).isEqualTo(topic);
                assertThat(l.detail()).isNotBlank();
            });
            assertThat(Messages.numbers(ingest.readings(valid, TIMEOUT))).isEqualTo(Messages.range(0, valid));
            // and the books balance: received = produced + dead-lettered
            Awaitility.await("counters settle").atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(ingest.counter("straumflyt.ingest.messages.received")).isEqualTo(valid + bad.size());
                assertThat(ingest.counter("straumflyt.ingest.messages.produced")).isEqualTo(valid);
                for (DeadLetterReason reason : bad.keySet()) {
                    assertThat(ingest.counter("straumflyt.ingest.dead.letters", "reason", reason.name())).isEqualTo(1);
                }
            });
        }
    }
}
