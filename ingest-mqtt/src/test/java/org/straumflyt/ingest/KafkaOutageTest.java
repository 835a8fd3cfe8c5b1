package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/** A Kafka outage delays messages but loses none, and what waits in the bridge stays bounded. */
class KafkaOutageTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int RECEIVE_MAXIMUM = 100;

    @Test
    void kafkaStoppedForThirtySecondsMidStreamLosesNothing() {
        MosquittoBroker mosquitto = TestServers.mosquitto();
        try (KafkaBroker kafka = KafkaBroker.startNew();
                RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri())
                        .with("mqtt.receive.maximum", Integer.toString(RECEIVE_MAXIMUM)).start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            String topic = "straumflyt/readings/" + ingest.prefix;
            // Given a stream flowing through the bridge
            publisher.publishAll(topic, Messages.payloads(ingest.prefix, 0, 1_000), 100);
            Awaitility.await("first part produced").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.produced") >= 1_000);

            // When Kafka stops while messages keep coming
            long stoppedAt = System.nanoTime();
            kafka.stop();
            publisher.publishAll(topic, Messages.payloads(ingest.prefix, 1_000, 3_000), 100);

            // Then the bridge is not ready, acknowledges nothing, and holds no more than the receive maximum
            Awaitility.await("not ready without Kafka").atMost(TIMEOUT).until(() -> !ingest.context.health().ready());
            Awaitility.await("messages waiting on Kafka").atMost(TIMEOUT).until(() -> inFlight(ingest) > 0);
            // ... for the rest of the 30 s outage
            Duration rest = OUTAGE.minusNanos(System.nanoTime() - stoppedAt);
            Awaitility.await("bounded and unacknowledged throughout the outage")
                    .during(rest).atMost(rest.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> inFlight(ingest) <= RECEIVE_MAXIMUM
                            && ingest.counter("straumflyt.ingest.messages.produced") == 1_000);

            // When Kafka is back and the stream goes on
            kafka.start();
            publisher.publishAll(topic, Messages.payloads(ingest.prefix, 3_000, 4_000), 100);

            // Then every message's reading is in Kafka and the bridge is ready again
            Awaitility.await("every message in Kafka").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Messages.numbers(TopicSnapshot.readings(kafka.bootstrapServers(),
                            ingest.topics.readings().name())).size() == 4_000);
            assertThat(Messages.numbers(TopicSnapshot.readings(kafka.bootstrapServers(),
                    ingest.topics.readings().name()))).isEqualTo(Messages.range(0, 4_000));
            Awaitility.await("ready again").atMost(TIMEOUT).until(() -> ingest.context.health().ready());
        }
    }

    private static double inFlight(RunningIngest ingest) {
        return ingest.context.registry().get("straumflyt.ingest.inflight").gauge().value();
    }
}
