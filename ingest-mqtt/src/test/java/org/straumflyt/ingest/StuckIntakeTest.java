package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/**
 * No single message stops intake: acknowledgements go out in arrival order, so a message whose record Kafka can
 * never take would hold back every message after it, and the broker would redeliver it first after a restart.
 */
class StuckIntakeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final KafkaBroker kafka = TestServers.kafka();

    @Test
    void aMultiMegabyteQos1MessageIsSetAsideAndEveryMessageAfterItArrivesAndIsAcknowledged() {
        // A broker at its defaults (no message_size_limit) passes a 3 MB message on to ingest
        try (MosquittoBroker mosquitto = MosquittoBroker.builder().messageSizeLimit(0).start();
                RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri()).start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            String topic = "straumflyt/readings/" + ingest.prefix;
            byte[] huge = ("{\"pad\":\"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            int valid = 200;

            // When the huge message is published with QoS 1, then valid ones
            publisher.publish(topic, huge);
            publisher.publishAll(topic, Messages.payloads(ingest.prefix, 0, valid), 100);

            // Then its dead letter is bounded: a prefix, the whole payload's size and hash
            DeadLetter letter = ingest.deadLetters(1, TIMEOUT).get(0);
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
            assertThat(letter.payloadSize()).isEqualTo(huge.length);
            assertThat(letter.payloadSha256()).isEqualTo(DeadLetter.sha256(huge));
            assertThat(letter.payloadTruncated()).isTrue();
            assertThat(letter.payloadBytes()).isEqualTo(Arrays.copyOf(huge, DeadLetter.MAX_PAYLOAD_BYTES));
            // and every valid message after it arrives and is acknowledged
            assertThat(Messages.numbers(ingest.readings(valid, TIMEOUT))).isEqualTo(Messages.range(0, valid));
            Awaitility.await("all acknowledged").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.acknowledged") == valid + 1);
            assertThat(ingest.context.registry().get("straumflyt.ingest.inflight").gauge().value()).isZero();
            assertThat(ingest.context.health().ready()).isTrue();

            // When ingest restarts on its persistent session
            ingest.stop();
            double receivedBefore = ingest.counter("straumflyt.ingest.messages.received");
            ingest.start();
            publisher.publishAll(topic, Messages.payloads(ingest.prefix, valid, valid + 10), 10);

            // Then nothing is redelivered: only the new messages arrive
            Awaitility.await("new messages produced").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.produced") == valid + 10);
            assertThat(ingest.counter("straumflyt.ingest.messages.received") - receivedBefore).isEqualTo(10);
            assertThat(ingest.counter("straumflyt.ingest.dead.letters")).isEqualTo(1);
        }
    }

    @Test
    void aRecordKafkaRefusesForGoodIsCountedAndItsMessageAcknowledgedWithoutHoldingBackTheRest() {
        MosquittoBroker mosquitto = TestServers.mosquitto();
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri());
                Publisher publisher = new Publisher(mosquitto.uri())) {
            // Given a readings topic that takes no record above 1 000 bytes
            kafka.createTopics(new NewTopic(ingest.topics.readings().name(), 3, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1000")));
            ingest.start();
            String topic = "straumflyt/readings/" + ingest.prefix;
            // a reading carries its MQTT topic: from this one it is about 4 kB, and random text does not compress
            String longTopic = topic + "/" + randomText(4_000);

            // When a message whose reading Kafka refuses comes first, then valid ones
            publisher.publish(longTopic, Messages.payload(ingest.prefix, 9_999));
            publisher.publishAll(topic, Messages.payloads(ingest.prefix, 0, 100), 100);

            // Then it is counted as failed, once, and every message is acknowledged
            Awaitility.await("all acknowledged").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.acknowledged") == 101);
            assertThat(ingest.counter("straumflyt.ingest.messages.failed", "reason", "RecordTooLargeException"))
                    .isEqualTo(1);
            assertThat(ingest.counter("straumflyt.ingest.messages.produced")).isEqualTo(100);
            assertThat(ingest.counter("straumflyt.ingest.kafka.send.retries")).isZero();
            assertThat(Messages.numbers(ingest.readings(100, TIMEOUT))).isEqualTo(Messages.range(0, 100));
            assertThat(ingest.context.health().ready()).isTrue();
        }
    }

    @Test
    void readinessFailsWhileTheOldestUnacknowledgedMessageIsOlderThanTheBound() {
        MosquittoBroker mosquitto = TestServers.mosquitto();
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri());
                Publisher publisher = new Publisher(mosquitto.uri())) {
            // Given a producer whose every send fails with a passing error (its partition's leader is gone), while
            // MQTT and Kafka both answer
            ingest.with("kafka.partitioner.class", AbsentPartitioner.class.getName())
                    .with("kafka.request.timeout.ms", "1000").with("kafka.delivery.timeout.ms", "2000")
                    .with("ready.max.unacknowledged.seconds", "3").with("shutdown.timeout.seconds", "1").start();

            // When a message arrives
            publisher.publish("straumflyt/readings/" + ingest.prefix, Messages.payload(ingest.prefix, 1));

            // Then the service turns not ready by that check alone
            Awaitility.await("not ready").atMost(TIMEOUT).until(() -> !ingest.context.health().ready());
            Map<String, Boolean> checks = ingest.context.health().results();
            assertThat(checks).containsEntry("acknowledgements", false).containsEntry("mqtt", true)
                    .containsEntry("kafka", true);
            // while the record is retried, never given up
            Awaitility.await("sent again").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.kafka.send.retries") > 0);
            assertThat(ingest.counter("straumflyt.ingest.messages.failed")).isZero();
            assertThat(ingest.counter("straumflyt.ingest.messages.acknowledged")).isZero();
        }
    }

    private static String randomText(int length) {
        java.util.Random random = new java.util.Random(18);
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    @Test
    void theTestBrokerRefusesPayloadsAboveItsMessageSizeLimit() {
        // The harness's (and the local stack's) broker, like deploy/compose's, sets message_size_limit
        MosquittoBroker mosquitto = TestServers.mosquitto();
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri()).start()) {
            String topic = "straumflyt/readings/" + ingest.prefix;
            try (Publisher publisher = new Publisher(mosquitto.uri())) {
                publisher.publishIgnoringRefusal(topic, new byte[MosquittoBroker.DEFAULT_MESSAGE_SIZE_LIMIT + 1]);
            }
            try (Publisher publisher = new Publisher(mosquitto.uri())) {
                publisher.publish(topic, Messages.payload(ingest.prefix, 7));
            }

            List<Integer> numbers = List.copyOf(Messages.numbers(ingest.readings(1, TIMEOUT)));
            assertThat(numbers).containsExactly(7);
            assertThat(ingest.counter("straumflyt.ingest.messages.received")).isEqualTo(1);
        }
    }
}
