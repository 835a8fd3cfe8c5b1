package org.straumflyt.publisher.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topic;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.PublisherConfig;
import org.straumflyt.publisher.PublisherService;
import org.straumflyt.publisher.consume.PublisherMetrics;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.KpiPoint;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.publisher.write.InfluxPointStore;
import org.straumflyt.publisher.write.WriteResult;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * Not a test: a benchmark run by hand (see docs/BENCHMARKS.md). On a private Kafka broker and QuestDB it writes
 * the same number of meter-hour points twice: directly with influxdb-client-java's blocking write API (no Kafka), and
 * through the publisher from a Kafka backlog, with the same batch size. Prints points/s and write latency p50/p99.
 * Arguments: [records, default 1000000] [batch size, default 5000].
 */
public final class PublisherBenchmark {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int METERS = 1_000;

    private PublisherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (KafkaBroker kafka = KafkaBroker.startNew(); QuestDbServer questDb = QuestDbServer.startNew()) {
            QuestDbTables.createStatements().forEach(questDb::exec);
            Result direct = direct(questDb, records, batchSize);
            Result published = published(kafka, questDb, records, batchSize);
            questDb.awaitWalApplied("meter_hourly", Duration.ofMinutes(10));
            Object rows = questDb.query("select count() c from meter_hourly").get(0).get("c");
            System.out.printf("%nkpi-publisher benchmark: %,d meter-hour records, batch size %,d, %d cores%n",
                    records, batchSize, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-34s %12s %12s %14s %14s%n", "", "points", "seconds", "points/s",
                    "latency p50/p99 ms");
            print("influxdb-client-java direct", direct);
            print("kpi-publisher (Kafka backlog)", published);
            System.out.printf("publisher / direct throughput: %.0f %%%n",
                    100.0 * published.pointsPerSecond() / direct.pointsPerSecond());
            System.out.printf("rows in meter_hourly afterwards: %s (expected %,d)%n", rows, 2L * records);
        }
    }

    private static Result direct(QuestDbServer questDb, int records, int batchSize) {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        try (InfluxPointStore store = new InfluxPointStore(questDb.httpUrl(), new char[0], "straumflyt", "kpi",
                Duration.ofSeconds(30), false)) {
            long start = System.nanoTime();
            List<KpiPoint> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < records; i++) {
                batch.addAll(KpiLayouts.points(record("direct", i)));
                if (batch.size() >= batchSize || i == records - 1) {
                    long t0 = System.nanoTime();
                    WriteResult result = store.write(batch);
                    if (!(result instanceof WriteResult.Accepted)) {
                        throw new IllegalStateException("direct write failed: " + result);
                    }
                    latency.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                    batch.clear();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(records, seconds, latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0);
        }
    }

    private static Result published(KafkaBroker kafka, QuestDbServer questDb, int records, int batchSize)
            throws InterruptedException {
        String prefix = "bench.";
        Topic<MeterHourKey, MeterHour> topic = Topics.withPrefix(prefix).meterHourly();
        kafka.createTopic(topic.name(), 6, true);
        long produceStart = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                // Not idempotent: right after topic creation the idempotent producer can get stuck on
                // OUT_OF_ORDER_SEQUENCE_NUMBER here; a duplicate would only be a harmless rewrite.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                MeterHour hour = record("published", i);
                producer.send(new ProducerRecord<>(topic.name(),
                        topic.keySerde().serializer().serialize(topic.name(), hour.key()),
                        topic.valueSerde().serializer().serialize(topic.name(), hour)));
            }
            producer.flush();
        }
        System.out.printf("backlog of %,d records produced in %.1f s%n", records,
                (System.nanoTime() - produceStart) / 1e9);

        Map<String, String> values = new HashMap<>();
        values.put(PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(PublisherConfig.TOPIC_PREFIX, prefix);
        values.put(PublisherConfig.INFLUX_URL, questDb.httpUrl());
        values.put(PublisherConfig.BATCH_SIZE, Integer.toString(batchSize));
        values.put(PublisherConfig.HTTP_PORT, "0");
        ServiceContext context = ServiceContext.create("kpi-publisher");
        PublisherService service = new PublisherService(new PublisherConfig(values), context);
        long start = System.nanoTime();
        long firstWrite = 0;
        service.start();
        try {
            while (written(context) < records) {
                if (firstWrite == 0 && written(context) > 0) {
                    firstWrite = System.nanoTime();
                }
                Thread.sleep(20);
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(30)) {
                    throw new IllegalStateException("publisher did not finish within 30 minutes");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("publisher: first batch stored %.1f s after start (topic provisioning, group join,"
                    + " first write); %,.0f points/s from then on%n", (firstWrite - start) / 1e9,
                    records / ((System.nanoTime() - firstWrite) / 1e9));
            Timer timer = context.registry().find(PublisherMetrics.WRITE_LATENCY).timer();
            double p50 = 0;
            double p99 = 0;
            for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
                if (v.percentile() == 0.5) {
                    p50 = v.value(TimeUnit.MILLISECONDS);
                } else if (v.percentile() == 0.99) {
                    p99 = v.value(TimeUnit.MILLISECONDS);
                }
            }
            return new Result(records, seconds, p50, p99);
        } finally {
            service.close();
        }
    }

    private static double written(ServiceContext context) {
        return context.registry().find(PublisherMetrics.POINTS_WRITTEN).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static MeterHour record(String kind, int i) {
        return new MeterHour(kind + "-" + (i % METERS), "import", Carrier.ELECTRICITY, "b-" + (i % 97),
                START.plus(i / METERS, ChronoUnit.HOURS), i * 0.001 + 0.5, i % 4 == 0 ? null : 3.25, 1.0,
                EnergySource.REGISTER, Set.of(), 1);
    }

    private static void print(String name, Result result) {
        System.out.printf("%-34s %,12d %12.1f %,14.0f %8.1f / %.1f%n", name, result.points(), result.seconds(),
                result.pointsPerSecond(), result.p50Millis(), result.p99Millis());
    }

    private record Result(long points, double seconds, double p50Millis, double p99Millis) {
        double pointsPerSecond() {
            return points / seconds;
        }
    }
}
