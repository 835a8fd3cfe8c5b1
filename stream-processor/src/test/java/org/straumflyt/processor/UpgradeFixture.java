package org.straumflyt.processor;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.runtime.TopicProvisioner;
import org.straumflyt.servers.KafkaBroker;

/**
 * The KPI topology on a real broker with a small fixed input, and the state it leaves: what the upgrade test
 * ({@code TopologyUpgradeTest}) starts a newer topology on. The fixture files under
 * {@code src/test/resources/upgrade/} were written by {@code UpgradeFixtureWriter} with the topology of the commit
 * before the stage packages; they are never rewritten by ordinary test runs.
 *
 * <p>Files: {@code topology.txt} ({@code Topology.describe()}), {@code state.tsv} (every record of every topic of the
 * application after the first input: topic, partition, timestamp, key, value, headers; bytes in base64) and
 * {@code expected.tsv} (the latest record of every key each output topic received for the second input).
 */
final class UpgradeFixture {
    static final String PREFIX = "upgrade.";
    static final String APPLICATION_ID = PREFIX + "processor";
    static final int PARTITIONS = 2;
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
    static final Path RESOURCES = Path.of("src", "test", "resources", "upgrade");
    static final Topics TOPICS = Topics.withPrefix(PREFIX);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String NULL = "-";

    private UpgradeFixture() {
    }

    /** One record of a topic, as bytes. */
    record Row(String topic, int partition, long timestamp, byte[] key, byte[] value, List<Header> headers) {
        String line() {
            String h = headers.stream().map(x -> b64(x.key().getBytes(StandardCharsets.UTF_8)) + "=" + b64(x.value()))
                    .collect(Collectors.joining(","));
            return String.join("\t", topic, Integer.toString(partition), Long.toString(timestamp), b64(key),
                    b64(value), h.isEmpty() ? NULL : h);
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            List<Header> headers = new ArrayList<>();
            if (!f[5].equals(NULL)) {
                for (String h : f[5].split(",")) {
                    String[] kv = h.split("=", 2);
                    headers.add(new RecordHeader(new String(unb64(kv[0]), StandardCharsets.UTF_8), unb64(kv[1])));
                }
            }
            return new Row(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), unb64(f[3]), unb64(f[4]), headers);
        }
    }

    /** The processor's settings on this broker, with the fixed application id and topic prefix. */
    static Properties streamsProperties(String bootstrapServers, Path stateDir) {
        ProcessorConfig config = new ProcessorConfig(Map.of("kafka.bootstrap.servers", bootstrapServers,
                "topic.prefix", PREFIX, "application.id", APPLICATION_ID,
                "state.dir", stateDir.toAbsolutePath().toString(), "commit.interval.ms", "200",
                "topic.partitions", Integer.toString(PARTITIONS)));
        return new ProcessorService(config, ServiceContext.create("upgrade")).streamsProperties();
    }

    /** The KPI topology as the service builds it, with a fixed clock (dead letters carry the clock's time). */
    static Topology topology(Properties properties) {
        ProcessorConfig config = new ProcessorConfig(Map.of("topic.prefix", PREFIX));
        return new KpiTopology(TOPICS, config.meteringRules(), config.degreeDayRules(), config.weatherZones(),
                new ProcessorMetrics(new SimpleMeterRegistry()), Clock.fixed(NOW, ZoneOffset.UTC)).build(properties);
    }

    static void provisionPublicTopics(KafkaBroker kafka) {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", kafka.bootstrapServers());
        new TopicProvisioner(admin, PARTITIONS, (short) 1).ensure(TOPICS.all());
    }

    /** A school with an electricity meter (register) and a heat meter; and a meter no building names. */
    static List<ProducerRecord<byte[], byte[]>> firstInput() {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Building school = new Building("school", "Bekkestua skole", "3024", BuildingCategory.SCHOOL, 2000, null, null,
                null, false, List.of(MeterSpec.of("el", Carrier.ELECTRICITY),
                        MeterSpec.of("heat", Carrier.DISTRICT_HEATING)));
        records.add(record(TOPICS.registryBuildings().name(), "school", Json.toString(school)));
        for (int minute = 0; minute <= 180; minute += 5) {
            records.add(reading(Reading.power("heat", "import", 20 + minute / 10.0, DAY.plusSeconds(60L * minute),
                    Carrier.DISTRICT_HEATING)));
            if (minute % 15 != 0) {
                continue;
            }
            if (minute != 60) { // arrives late, in the second input
                records.add(reading(Reading.register("el", "import", el(minute), DAY.plusSeconds(60L * minute),
                        Carrier.ELECTRICITY)));
            }
            records.add(reading(Reading.register("stray", "import", 50 + minute * 0.1,
                    DAY.plusSeconds(60L * minute), Carrier.ELECTRICITY)));
        }
        records.add(record(TOPICS.readings().name(), "el", "{\"not\": \"a reading\"}"));
        return records;
    }

    /** Later readings, the late one that revises an hour already emitted, and a duplicate. */
    static List<ProducerRecord<byte[], byte[]>> secondInput() {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.add(reading(Reading.register("el", "import", el(60) + 4, DAY.plusSeconds(60L * 60),
                Carrier.ELECTRICITY)));
        for (int minute = 185; minute <= 300; minute += 5) {
            records.add(reading(Reading.power("heat", "import", 20 + minute / 10.0, DAY.plusSeconds(60L * minute),
                    Carrier.DISTRICT_HEATING)));
            if (minute % 15 == 0) {
                records.add(reading(Reading.register("el", "import", el(minute), DAY.plusSeconds(60L * minute),
                        Carrier.ELECTRICITY)));
            }
        }
        records.add(reading(Reading.power("heat", "import", 20 + 300 / 10.0, DAY.plusSeconds(60L * 300),
                Carrier.DISTRICT_HEATING)));
        return records;
    }

    /** The electricity register at a minute of the day: rising, not linearly. */
    private static double el(int minute) {
        return 1000 + minute * 0.5 + minute * minute / 1000.0;
    }

    private static ProducerRecord<byte[], byte[]> reading(Reading r) {
        return record(TOPICS.readings().name(), r.meterId(), Json.toString(r));
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    static void produce(KafkaBroker kafka, List<ProducerRecord<byte[], byte[]>> records) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (var r : records) {
                producer.send(r);
            }
            producer.flush();
        }
    }

    /** Every record of every topic of the application (public topics with the prefix and internal ones). */
    static List<Row> dump(KafkaBroker kafka) {
        List<Row> rows = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            List<String> topics = consumer.listTopics().keySet().stream().filter(t -> t.startsWith(PREFIX))
                    .sorted().toList();
            for (String topic : topics) {
                rows.addAll(read(consumer, topic, Map.of()));
            }
        }
        return rows;
    }

    /** The records of the topics after the given offsets (all when none is given). */
    static List<Row> read(KafkaConsumer<byte[], byte[]> consumer, String topic, Map<TopicPartition, Long> from) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(p -> {
            if (from.containsKey(p)) {
                consumer.seek(p, from.get(p));
            }
        });
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<Row> rows = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end " + end);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                rows.add(new Row(r.topic(), r.partition(), r.timestamp(), r.key(), r.value(),
                        List.of(r.headers().toArray())));
            }
        }
        rows.sort((a, b) -> Integer.compare(a.partition(), b.partition())); // stable: offset order per partition
        return rows;
    }

    static KafkaConsumer<byte[], byte[]> consumer(KafkaBroker kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The end offsets of the output topics now. */
    static Map<TopicPartition, Long> outputEnds(KafkaBroker kafka) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : outputTopics()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    static List<String> outputTopics() {
        return List.of(TOPICS.meterHourly().name(), TOPICS.buildingHourly().name(), TOPICS.buildingDaily().name(),
                TOPICS.buildingMonthly().name(), TOPICS.readingsDlq().name());
    }

    /**
     * The latest value of every key each output topic received after {@code from}, as text lines
     * {@code topic \t key \t value}, sorted.
     */
    static List<String> latestOutputs(KafkaBroker kafka, Map<TopicPartition, Long> from) {
        Map<String, String> latest = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            for (String topic : outputTopics()) {
                for (Row r : read(consumer, topic, from)) {
                    latest.put(topic + "\t" + text(r.key()), text(r.value()));
                }
            }
        }
        return latest.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList();
    }

    /**
     * Waits until the application has consumed its inputs (committed offsets at the end of every topic it reads)
     * and its outputs have not grown for four seconds.
     */
    static void awaitSettled(KafkaBroker kafka) {
        long[] stableSince = {System.nanoTime()};
        Map<TopicPartition, Long>[] last = new Map[] {Map.of()};
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, Long> ends = outputEnds(kafka);
            if (!ends.equals(last[0]) || lag(kafka) > 0) {
                last[0] = ends;
                stableSince[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - stableSince[0] > Duration.ofSeconds(4).toNanos();
        });
    }

    /**
     * Records the application has not committed yet, on every topic it has offsets for (its repartition topics and
     * the KPI tables it reads too). A transaction marker follows the last record of a topic written transactionally:
     * there a committed offset one short of the end is done.
     */
    private static long lag(KafkaBroker kafka) throws Exception {
        Admin admin = kafka.admin();
        var committed = admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(TOPICS.readings().name(), p), OffsetSpec.latest());
        }
        committed.keySet().stream().filter(p -> consumed(p.topic())).forEach(p -> latest.put(p, OffsetSpec.latest()));
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
            var c = committed.get(e.getKey());
            long position = c == null ? 0 : c.offset();
            boolean transactional = !e.getKey().topic().equals(TOPICS.readings().name());
            lag += Math.max(0, e.getValue().offset() - position - (transactional && position > 0 ? 1 : 0));
        }
        return lag;
    }

    /** The public topics the KPI topology reads. */
    static List<String> inputTopics() {
        return List.of(TOPICS.readings().name(), TOPICS.registryBuildings().name(), TOPICS.meterHourly().name(),
                TOPICS.weatherDaily().name(), TOPICS.weatherSamples().name());
    }

    /** Whether the application consumes the topic: an input, or one of its repartition or subscription topics. */
    static boolean consumed(String topic) {
        return inputTopics().contains(topic)
                || topic.startsWith(APPLICATION_ID + "-") && !topic.endsWith("-changelog");
    }

    static KafkaStreams start(Topology topology, Properties properties) {
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.start();
        await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    static void write(String file, List<String> lines) {
        try {
            Files.createDirectories(RESOURCES);
            Files.write(RESOURCES.resolve(file), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(String file) {
        try {
            return Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? NULL : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return bytes == null ? NULL : Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return text.equals(NULL) ? null : Base64.getDecoder().decode(text);
    }
}
