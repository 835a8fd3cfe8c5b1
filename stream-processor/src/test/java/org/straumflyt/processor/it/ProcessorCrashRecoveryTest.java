package org.straumflyt.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.engine.MeteringRules;
import org.straumflyt.processor.oracle.MeterOracle;
import org.straumflyt.runtime.TopicProvisioner;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/**
 * The real service on the real broker, SIGKILLed mid-stream and restarted: the final meter-hours and building-hours
 * equal the oracle's — nothing lost, nothing counted twice (exactly-once processing, state from changelogs).
 */
@ExtendWith(KafkaExtension.class)
class ProcessorCrashRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(150);

    @Test
    void shouldEndWithTheOracleValuesAfterAKillAndRestartMidStream(KafkaBroker kafka) throws Exception {
        // Given readings of 12 meters every 10 minutes for 8 hours, shuffled, with redeliveries
        String prefix = TestProcessorSettings.uniquePrefix("crash");
        Topics topics = Topics.withPrefix(prefix);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", kafka.bootstrapServers());
        new TopicProvisioner(admin, 2, (short) 1).ensure(topics.all());
        Random random = new Random(42);
        Map<String, List<Reading>> byMeter = readings(random);
        List<Reading> delivered = new ArrayList<>();
        byMeter.values().forEach(delivered::addAll);
        delivered.addAll(delivered.subList(0, delivered.size() / 10));
        Collections.shuffle(delivered, random);
        int half = delivered.size() * 6 / 10;

        Path dir = TestProcessorSettings.directory("crash", prefix);
        Map<String, String> settings = TestProcessorSettings.of(kafka, prefix, dir.resolve("state"),
                "http.port", "0");
        Path log = dir.resolve("processor.log");

        // When the processor runs through part of them and is killed
        produce(kafka, topics, delivered.subList(0, half));
        ProcessorProcess first = ProcessorProcess.start(settings, log);
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> !latest(kafka, topics.meterHourly()).isEmpty());
        } finally {
            first.kill();
        }
        // and restarted after the rest was produced
        produce(kafka, topics, delivered.subList(half, delivered.size()));
        try (ProcessorProcess second = ProcessorProcess.start(settings, log)) {
            // Then every meter-hour and the unassigned building's hours equal the oracle
            MeterOracle oracle = new MeterOracle(MeteringRules.defaults().powerMaxGapMs(),
                    MeteringRules.defaults().interpolationMs());
            Map<String, Double> expectedMeters = new HashMap<>();
            Map<Instant, Double> expectedBuilding = new HashMap<>();
            byMeter.forEach((meter, list) -> oracle.hours(list).forEach((h, e) -> {
                expectedMeters.put(meter + "@" + Instant.ofEpochMilli(h), e.energyKwh());
                expectedBuilding.merge(Instant.ofEpochMilli(h), e.energyKwh(), Double::sum);
            }));
            await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Double> actual = new HashMap<>();
                latest(kafka, topics.meterHourly()).values().forEach(json -> {
                    MeterHour h = Json.fromString(json, MeterHour.class);
                    actual.put(h.meterId() + "@" + h.hourStart(), h.energyKwh());
                });
                assertThat(actual.keySet()).isEqualTo(expectedMeters.keySet());
                actual.forEach((k, v) -> assertThat(v).as(k).isCloseTo(expectedMeters.get(k), within(1e-6)));
                Map<Instant, Double> building = new HashMap<>();
                latest(kafka, topics.buildingHourly()).values().forEach(json -> {
                    BuildingHour h = Json.fromString(json, BuildingHour.class);
                    building.put(h.hourStart(), h.importKwh());
                });
                assertThat(building.keySet()).isEqualTo(expectedBuilding.keySet());
                building.forEach((k, v) -> assertThat(v).as("building %s", k)
                        .isCloseTo(expectedBuilding.get(k), within(1e-6)));
            });
        }
    }

    private static Map<String, List<Reading>> readings(Random random) {
        Map<String, List<Reading>> byMeter = new HashMap<>();
        for (int m = 0; m < 12; m++) {
            String meter = "crash-meter-" + m;
            double value = 1000 * m;
            List<Reading> list = new ArrayList<>();
            for (int i = 0; i <= 48; i++) {
                list.add(Reading.register(meter, "import", value, T0.plusSeconds(600L * i), Carrier.ELECTRICITY));
                value += Math.round(random.nextDouble() * 5000) / 1000.0;
            }
            byMeter.put(meter, list);
        }
        return byMeter;
    }

    /**
     * Sends the readings with a producer of its own, without idempotence: on the shared test broker an idempotent
     * producer's second batch of this test was refused as out of sequence (OutOfOrderSequenceException, seen in
     * CI, cause not found), and retried until it expired. A reading sent twice changes nothing (exact duplicates
     * are ignored by the meter stage), so at-least-once is all this test needs from its input.
     */
    private static void produce(KafkaBroker kafka, Topics topics, List<Reading> readings) throws Exception {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Reading r : readings) {
                sent.add(producer.send(new ProducerRecord<>(topics.readings().name(), r.meterId(), Json.toString(r))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The latest committed value of every key of a topic, as JSON text. */
    private static Map<String, String> latest(KafkaBroker kafka, Topic<?, ?> topic) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.StringDeserializer");
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.StringDeserializer");
        Map<String, String> values = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.put(r.key(), r.value()));
            }
        }
        return values;
    }
}
