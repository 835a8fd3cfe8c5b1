package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.runtime.Health;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/**
 * A Kafka Streams application on the test broker: ready only while RUNNING, with its state as the reason, and no
 * longer live once it has failed for good — a state it never leaves by itself.
 */
@ExtendWith(KafkaExtension.class)
class StreamsHealthTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldEndLivenessWhenTheApplicationGoesToError(KafkaBroker kafka) throws Exception {
        // Given an application that gives up (instead of replacing its thread) when a record cannot be processed
        String topic = "streams-health-" + UUID.randomUUID();
        kafka.createTopic(topic, 1, false);
        Health health = new Health();
        try (KafkaStreams streams = poisonable(kafka, topic)) {
            StreamsHealth watch = StreamsHealth.watch("kafka-streams", streams, health);
            streams.setUncaughtExceptionHandler(e -> {
                watch.threadFailed(e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            assertThat(health.statuses().get("kafka-streams").reason()).isEqualTo("CREATED: not started yet");
            streams.start();
            await().atMost(TIMEOUT).until(health::ready);
            assertThat(health.statuses().get("kafka-streams")).isEqualTo(Health.Status.up("RUNNING"));

            // When a record makes its stream thread fail
            kafka.produce(topic, "k", "poison");

            // Then it is neither ready nor live, and says why
            await().atMost(TIMEOUT).until(() -> !health.live());
            assertThat(health.failure()).startsWith("kafka-streams is PENDING_ERROR after ")
                    .contains("poison record");
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.ERROR);
            assertThat(health.ready()).isFalse();
            assertThat(health.statuses().get("kafka-streams").reason()).startsWith("ERROR; last stream thread "
                    + "failure: ").contains("poison record");
        }
    }

    @Test
    void shouldEndLivenessWhenTheApplicationStopsWithoutBeingAsked(KafkaBroker kafka) throws Exception {
        String topic = "streams-health-" + UUID.randomUUID();
        kafka.createTopic(topic, 1, false);
        Health health = new Health();
        try (KafkaStreams streams = poisonable(kafka, topic)) {
            StreamsHealth.watch("kafka-streams", streams, health);
            streams.start();
            await().atMost(TIMEOUT).until(health::ready);

            // When something other than the service closes it
            streams.close(Duration.ofSeconds(30));
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.NOT_RUNNING);

            // Then the service is not live
            assertThat(health.live()).isFalse();
            assertThat(health.failure()).isEqualTo("kafka-streams is NOT_RUNNING");
        }
    }

    @Test
    void shouldStayLiveWhenTheServiceClosesIt(KafkaBroker kafka) throws Exception {
        String topic = "streams-health-" + UUID.randomUUID();
        kafka.createTopic(topic, 1, false);
        Health health = new Health();
        try (KafkaStreams streams = poisonable(kafka, topic)) {
            StreamsHealth watch = StreamsHealth.watch("kafka-streams", streams, health);
            streams.start();
            await().atMost(TIMEOUT).until(health::ready);

            watch.closing();
            streams.close(Duration.ofSeconds(30));
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.NOT_RUNNING);

            assertThat(health.live()).isTrue();
            assertThat(health.ready()).isFalse();
        }
    }

    /** Reads {@code topic} and fails on the value {@code poison}. */
    private static KafkaStreams poisonable(KafkaBroker kafka, String topic) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String())).foreach((key, value) -> {
            if ("poison".equals(value)) {
                throw new IllegalStateException("poison record");
            }
        });
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, topic);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(Path.of("target", "streams-health-test", topic)).toString());
        return new KafkaStreams(builder.build(), properties);
    }
}
