package org.straumflyt.processor.bench;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.processor.ProcessorService;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.runtime.TopicProvisioner;
import org.straumflyt.servers.KafkaBroker;

/**
 * Throughput of the stream processor on a real broker with exactly-once processing, beside a plain Kafka Streams
 * consume→produce pass-through and a "floor" (the pass-through plus one changelogged store write per reading: the
 * least a processor that keeps its readings exactly-once can do), all exactly-once with the same commit interval,
 * over the same backlog of readings, for several fleet sizes; plus state-store size and heap per 10 000 meters. Not
 * a test: run by hand, see docs/BENCHMARKS.md. Arguments: total readings, then fleet sizes.
 * {@code -Dbench.warmup=<readings>} (default 200,000, 0 for none): every application first runs over a backlog of
 * that many readings of each fleet, unmeasured.
 */
public final class ProcessorBenchmark {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final int PARTITIONS = 6;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private ProcessorBenchmark() {
    }

    record Result(int meters, long readings, double passThroughSeconds, double passThroughStartSeconds,
            double processorSeconds, double processorStartSeconds, double processorAllStagesSeconds,
            long stateBytes, long changelogBytes, long heapBytes, Cpu passThroughCpu, Cpu processorCpu,
            Timing floor, Cpu floorCpu) {
    }

    /**
     * CPU seconds used during a phase by this JVM (the application under test) and by the broker, and the seconds
     * this JVM's JIT compilers spent compiling meanwhile (a measurement taken while they still work is not warm).
     */
    record Cpu(double jvmSeconds, double brokerSeconds, double jitSeconds) {
        static Cpu between(double[] before, double[] after) {
            return new Cpu(after[0] - before[0], after[1] - before[1], after[2] - before[2]);
        }
    }

    /** Seconds from start to the first committed progress, and to the end. */
    record Timing(double firstProgress, double done) {
    }

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        List<Integer> fleets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            fleets.add(Integer.parseInt(args[i]));
        }
        if (fleets.isEmpty()) {
            fleets = List.of(1_000, 50_000);
        }
        long warmUp = Long.getLong("bench.warmup", 200_000);
        List<Result> results = new ArrayList<>();
        try (KafkaBroker kafka = KafkaBroker.startNew()) {
            // All applications first run over a smaller backlog of each fleet, unmeasured, so that neither is
            // measured while the JIT still compiles it: without this, the compiler threads used as much CPU as the
            // stream thread during a measured run.
            for (int meters : warmUp > 0 ? fleets : List.<Integer>of()) {
                Result w = run(kafka, "warm-up-" + meters, meters, Math.max(warmUp, meters));
                log("warm-up (not measured): %,d meters, %,d readings, pass-through %.1f s (JIT compiling %.1f s),"
                        + " floor %.1f s (%.1f s), processor %.1f s (%.1f s)", meters, w.readings,
                        w.passThroughSeconds, w.passThroughCpu.jitSeconds, w.floor.done(), w.floorCpu.jitSeconds,
                        w.processorSeconds, w.processorCpu.jitSeconds);
            }
            for (int meters : fleets) {
                results.add(run(kafka, Integer.toString(meters), meters, total));
            }
        }
        System.out.println();
        System.out.println("| meters | readings | pass-through readings/s: end to end / after first commit "
                + "| floor readings/s: end to end / after first commit "
                + "| processor readings/s: end to end / after first commit "
                + "| processor vs pass-through: end to end / after first commit | floor vs pass-through "
                + "| processor vs floor | processor, all stages settled | state directory | changelogs | heap growth |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> cpu = new ArrayList<>();
        for (Result r : results) {
            double pass = r.readings / r.passThroughSeconds;
            double floor = r.readings / r.floor.done();
            double proc = r.readings / r.processorSeconds;
            double passSteady = r.readings / (r.passThroughSeconds - r.passThroughStartSeconds);
            double floorSteady = r.readings / (r.floor.done() - r.floor.firstProgress());
            double procSteady = r.readings / (r.processorSeconds - r.processorStartSeconds);
            System.out.printf("| %,d | %,d | %,.0f (%.1f s) / %,.0f | %,.0f (%.1f s) / %,.0f | %,.0f (%.1f s) / %,.0f "
                            + "| %.0f %% / %.0f %% | %.0f %% | %.0f %% | %.1f s | %.1f MB | %.1f MB | %.1f MB |%n",
                    r.meters, r.readings, pass, r.passThroughSeconds, passSteady, floor, r.floor.done(), floorSteady,
                    proc, r.processorSeconds, procSteady, 100 * proc / pass, 100 * procSteady / passSteady,
                    100 * floor / pass, 100 * proc / floor, r.processorAllStagesSeconds,
                    r.stateBytes / 1e6, r.changelogBytes / 1e6, r.heapBytes / 1e6);
            cpu.add(cpuRow(r, "pass-through", r.passThroughCpu));
            cpu.add(cpuRow(r, "floor", r.floorCpu));
            cpu.add(cpuRow(r, "processor", r.processorCpu));
        }
        System.out.println();
        System.out.println("| meters | application | its JVM, CPU s | broker, CPU s | CPU µs per reading, both "
                + "| JIT compiling, s |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        cpu.forEach(System.out::println);
    }

    private static String cpuRow(Result r, String application, Cpu cpu) {
        return String.format("| %,d | %s | %.1f | %.1f | %,.0f | %.1f |", r.meters, application, cpu.jvmSeconds,
                cpu.brokerSeconds, 1e6 * (cpu.jvmSeconds + cpu.brokerSeconds) / r.readings, cpu.jitSeconds);
    }

    /** CPU seconds so far of this JVM and of the broker's process, and this JVM's compilation seconds. */
    private static double[] cpuNow(KafkaBroker kafka) throws Exception {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        String[] stat = Files.readString(Path.of("/proc/" + kafka.pid() + "/stat")).split("\\) ", 2)[1].split(" ");
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux)
        double broker = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
        double jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
        return new double[] {jvm, broker, jit};
    }

    private static Result run(KafkaBroker kafka, String name, int meters, long total) throws Exception {
        String prefix = "bench-" + name + ".";
        Topics topics = Topics.withPrefix(prefix);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", kafka.bootstrapServers());
        new TopicProvisioner(admin, PARTITIONS, (short) 1).ensure(topics.all());
        long readings = produce(kafka, topics, meters, total / meters);
        log("fleet %,d: %,d readings produced", meters, readings);

        Path root = Files.createTempDirectory("processor-bench");
        double[] cpuStart = cpuNow(kafka);
        Timing passThrough = passThrough(kafka, topics, root.resolve("pass"), readings);
        Cpu passThroughCpu = Cpu.between(cpuStart, cpuNow(kafka));
        log("fleet %,d: pass-through %s", meters, passThrough);
        double[] floorStart = cpuNow(kafka);
        Timing floor = floor(kafka, topics, root.resolve("floor"), readings);
        Cpu floorCpu = Cpu.between(floorStart, cpuNow(kafka));
        log("fleet %,d: floor %s", meters, floor);

        gc();
        long heapBefore = usedHeap();
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.prefix", prefix);
        settings.put("application.id", prefix + "processor");
        settings.put("state.dir", root.resolve("processor").toString());
        settings.put("topic.partitions", Integer.toString(PARTITIONS));
        settings.put("commit.interval.ms", System.getProperty("bench.commit.ms", "1000"));
        settings.put("stream.threads", System.getProperty("bench.threads", "1"));
        if (System.getProperty("bench.cache.bytes") != null) {
            settings.put("cache.max.bytes", System.getProperty("bench.cache.bytes"));
        }
        // -Dbench.kafka.<key>=<value>: any Kafka Streams or client setting of the processor, as kafka.<key>
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.kafka."))
                .forEach(k -> settings.put(k.substring("bench.".length()), System.getProperty(k)));
        // -Dbench.quarters=false: the processor without quarter-hours (quarter.hours.enabled), to compare
        settings.put("quarter.hours.enabled", System.getProperty("bench.quarters", "true"));
        // the KPI topology alone; the portfolio application (its own consumer group) is measured apart
        settings.put("portfolio.enabled", "false");
        ServiceContext context = ServiceContext.create("bench");
        ProcessorService service = new ProcessorService(new ProcessorConfig(settings), context);
        double[] processorCpuStart = cpuNow(kafka);
        long start = System.nanoTime();
        service.start();
        Timing consumed = awaitConsumed(kafka, prefix + "processor", List.of(topics.readings().name()), start,
                readings);
        Cpu processorCpu = Cpu.between(processorCpuStart, cpuNow(kafka));
        double settled = awaitAllSettled(kafka, prefix + "processor", start);
        gc();
        long heap = usedHeap() - heapBefore;
        long changelogs = changelogBytes(kafka, prefix + "processor");
        service.close();
        // after a clean close, which flushes RocksDB's memtables into its files
        long state = directoryBytes(root.resolve("processor"));
        log("fleet %,d: processor %s (all stages %.1f s), state directory %,d bytes, changelogs %,d bytes,"
                + " heap %,d bytes", meters, consumed, settled, state, changelogs, heap);
        return new Result(meters, readings, passThrough.done(), passThrough.firstProgress(), consumed.done(),
                consumed.firstProgress(), settled, state, changelogs, heap, passThroughCpu, processorCpu, floor,
                floorCpu);
    }

    /** Readings of a fleet of register meters, one per meter per minute, in time order (as a live fleet sends). */
    private static long produce(KafkaBroker kafka, Topics topics, int meters, long perMeter) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            Future<RecordMetadata> last = null;
            for (long step = 0; step < perMeter; step++) {
                Instant at = T0.plusSeconds(60 * step);
                for (int m = 0; m < meters; m++) {
                    String meter = "bench-meter-" + m;
                    Reading r = Reading.register(meter, "import", 1000.0 * m + step * 0.25, at, Carrier.ELECTRICITY);
                    last = producer.send(new ProducerRecord<>(topics.readings().name(), meter, Json.toBytes(r)));
                    count++;
                }
            }
            producer.flush();
            last.get();
        }
        return count;
    }

    private static Timing passThrough(KafkaBroker kafka, Topics topics, Path stateDir, long readings)
            throws Exception {
        String id = topics.readings().name() + "-passthrough";
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.readings().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(id + "-out", Produced.with(Serdes.String(), Serdes.ByteArray()));
        return runToEnd(kafka, topics, stateDir, readings, id, builder);
    }

    /**
     * The least any application that meets the processor's contract does per reading, with none of its logic: the
     * pass-through plus one write of the raw reading (keyed by meter and record time) to a persistent store with a
     * changelog and no record cache. Keeping every reading within the lateness horizon durable and exactly-once is
     * what makes the final hours independent of arrival order (docs/METERING.md), so no correct processor is
     * cheaper than this per reading.
     */
    private static Timing floor(KafkaBroker kafka, Topics topics, Path stateDir, long readings) throws Exception {
        String id = topics.readings().name() + "-floor";
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("floor-readings"),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        builder.stream(topics.readings().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(FloorStore::new, "floor-readings")
                .to(id + "-out", Produced.with(Serdes.String(), Serdes.ByteArray()));
        return runToEnd(kafka, topics, stateDir, readings, id, builder);
    }

    /** Writes each record to the store under its key and timestamp, and forwards it unchanged. */
    private static final class FloorStore implements Processor<String, byte[], String, byte[]> {
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<Bytes, byte[]> store;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.store = context.getStateStore("floor-readings");
        }

        @Override
        public void process(Record<String, byte[]> record) {
            byte[] meter = record.key().getBytes(StandardCharsets.UTF_8);
            store.put(Bytes.wrap(ByteBuffer.allocate(meter.length + Long.BYTES).put(meter)
                    .putLong(record.timestamp()).array()), record.value());
            context.forward(record);
        }
    }

    /** Runs an application of the readings topic, exactly-once like the processor, until it consumed them all. */
    private static Timing runToEnd(KafkaBroker kafka, Topics topics, Path stateDir, long readings, String id,
            StreamsBuilder builder) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // as many stream threads as the processor gets, so that the two compare like for like
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(System.getProperty("bench.threads", "1")));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(id + "-out", PARTITIONS,
                    (short) 1))).all().get();
        }
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            long start = System.nanoTime();
            streams.start();
            return awaitConsumed(kafka, id, List.of(topics.readings().name()), start, readings);
        }
    }

    /**
     * Seconds from {@code start} until the group first committed progress (start-up: topics, rebalance, restore)
     * and until its committed offsets reach the end of the topics.
     */
    private static Timing awaitConsumed(KafkaBroker kafka, String group, List<String> topicNames, long start,
            long total) throws Exception {
        long deadline = start + TIMEOUT.toNanos();
        double first = -1;
        while (System.nanoTime() < deadline) {
            long lag = lag(kafka, group, topicNames);
            double now = (System.nanoTime() - start) / 1e9;
            if (first < 0 && lag < total - PARTITIONS) {
                first = now;
            }
            if (lag == 0) {
                return new Timing(first < 0 ? now : first, now);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(group + " did not finish within " + TIMEOUT);
    }

    /**
     * Seconds until every topic the group consumes (repartition topics included) has had no lag for 4 s, longer
     * than the meter emit interval (2 s), so that no pending meter-hour is still waiting.
     */
    private static double awaitAllSettled(KafkaBroker kafka, String group, long start) throws Exception {
        long deadline = start + TIMEOUT.toNanos();
        int quiet = 0;
        long lastBusy = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (lag(kafka, group, null) == 0) {
                quiet++;
            } else {
                quiet = 0;
                lastBusy = System.nanoTime();
            }
            if (quiet == 4) {
                return (lastBusy - start) / 1e9;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(group + " did not settle within " + TIMEOUT);
    }

    /** Sum of the lag of the group on the given topics, or on every topic it has offsets for when null. */
    private static long lag(KafkaBroker kafka, String group, List<String> topicNames) throws Exception {
        Admin admin = kafka.admin();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = new ArrayList<>();
        if (topicNames == null) {
            if (committed.isEmpty()) {
                return Long.MAX_VALUE;
            }
            partitions.addAll(committed.keySet());
        } else {
            for (String t : topicNames) {
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition(t, p));
                }
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long end = ends.get(tp).offset();
            // a transaction marker follows the last record: a committed offset one short of the end is done
            long position = c == null ? 0 : c.offset();
            lag += Math.max(0, end - position - (position > 0 ? 1 : 0));
        }
        return lag;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Bytes on disk under the processor's state directory (RocksDB files and checkpoints) after it closed. Not
     * RocksDB's size gauges: the Micrometer binder picks them up only on its periodic refresh, which a short run
     * can miss.
     */
    private static long directoryBytes(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (java.io.IOException e) {
                    return 0; // a file RocksDB removed meanwhile
                }
            }).sum();
        }
    }

    /** Bytes on the broker of the application's changelog topics. */
    private static long changelogBytes(KafkaBroker kafka, String applicationId) throws Exception {
        Admin admin = kafka.admin();
        var brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
        long bytes = 0;
        for (var dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (var dir : dirs.values()) {
                for (var e : dir.replicaInfos().entrySet()) {
                    String topic = e.getKey().topic();
                    if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
                        bytes += e.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
