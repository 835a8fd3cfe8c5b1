package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Reading;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

class SharedSubscriptionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void instancesOfOneGroupSplitTheMessages() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        int count = 2_000;
        try (RunningIngest first = new RunningIngest(kafka, mosquitto.uri());
                Publisher publisher = new Publisher(mosquitto.uri())) {
            String filter = "shared/" + first.prefix + "/#";
            first.with("mqtt.shared.group", "ingest").with("route.canonical.filter", filter).start();
            try (RunningIngest second = new RunningIngest(kafka, mosquitto.uri())) {
                // Given two instances in one shared-subscription group, writing to the same topics
                second.with("topic.prefix", first.prefix).with("mqtt.shared.group", "ingest")
                        .with("route.canonical.filter", filter).start();

                // When messages are published
                publisher.publishAll("shared/" + first.prefix + "/load", Messages.payloads(first.prefix, 0, count), 200);

                // Then each instance takes a share and together they produce every message once
                Awaitility.await("all produced").atMost(TIMEOUT).until(() ->
                        first.counter("straumflyt.ingest.messages.produced")
                                + second.counter("straumflyt.ingest.messages.produced") >= count);
                assertThat(first.counter("straumflyt.ingest.messages.received")).isPositive();
                assertThat(second.counter("straumflyt.ingest.messages.received")).isPositive();
                List<Reading> readings = new ArrayList<>(first.readings(count, TIMEOUT));
                assertThat(readings).hasSize(count);
                assertThat(Messages.numbers(readings)).isEqualTo(Messages.range(0, count));
            }
        }
    }
}
