package org.straumflyt.bench;

import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.straumflyt.local.ServiceProcess;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.WeatherModel;
import org.straumflyt.simulator.publish.RegistryPublisher;
import org.straumflyt.simulator.verify.Verifier;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * One pipeline phase: the three services as child JVMs with production configuration except the latency settings,
 * the stream processor as one or more instances of one application (with more than one, a standby replica of every
 * store, as deployed), the load published as fast as the broker takes it, latency probes alongside, and the store
 * compared with the simulator's ground truth until it matches.
 */
final class PipelineRun {
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(15);
    /** How often ingest's counter is read: its /metrics is small. */
    private static final long INGEST_SCRAPE_MS = 250;
    /** How often the processor's counter is read: its /metrics costs it 20–80 ms of CPU per scrape. */
    private static final long PROCESSOR_SCRAPE_MS = 2_000;

    private final KafkaBroker kafka;
    private final MosquittoBroker mqtt;
    private final QuestDbServer store;
    private final Path logs;
    private final BenchOptions bench;

    PipelineRun(KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store, Path logs, BenchOptions bench) {
        this.kafka = kafka;
        this.mqtt = mqtt;
        this.store = store;
        this.logs = logs;
        this.bench = bench;
    }

    /**
     * @param settings        the latency settings of the run
     * @param processors      stream-processor instances
     * @param publishSeconds  from the first publish until the broker acknowledged the last message, s
     * @param kafkaSeconds    from the first publish until ingest had every reading confirmed by Kafka, s
     * @param processorSeconds from the first publish until the processor had applied every reading, s
     * @param storeSeconds    from the first publish until the store equalled the ground truth, s (upper bound: the
     *                        end of the first comparison that matched)
     * @param verifyPass      how long one comparison with the ground truth took at the end, s (the resolution of
     *                        {@code storeSeconds})
     * @param readingsInKafka readings ingest counted as confirmed by Kafka, probes excluded
     * @param deadLetters     messages ingest set aside
     * @param latencyMicros   probe latencies, µs
     * @param steadyMicros    latencies of the probes published after the warm-up, µs
     * @param unresolved      probes not seen in the store within the wait after the run
     * @param probeErrors     failed probe publishes or store polls
     * @param verified        the comparison's summary
     * @param usage           CPU during the phase and peak memory, per process
     * @param compiling       seconds each service's JIT compilers spent compiling during the phase
     * @param warmUp          the warm-up before the phase
     */
    record Result(LatencySettings settings, int processors, double publishSeconds, double kafkaSeconds, double processorSeconds,
            double storeSeconds,
            double verifyPass, long readingsInKafka, long deadLetters, Histogram latencyMicros,
            Histogram steadyMicros, long unresolved,
            long probeErrors, String verified, Map<String, ProcessUsage> usage, Map<String, Double> compiling,
            JitWarmUp.Outcome warmUp) {
    }

    /**
     * @param warmUp loads of other buildings (one municipality each) sent through the freshly started services
     *               first, unmeasured, in rounds until their JIT compilers settle ({@link JitWarmUp}); empty for
     *               none
     */
    Result run(LatencySettings settings, int processors, Load load, WarmUpLoads warmUp, PrintStream progress)
            throws Exception {
        String run = settings.name() + "-" + processors + "p-" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createDirectories(logs.resolve(run));
        String prefix = "bench-" + run + ".";
        // Every phase sends the same fleet; an empty store lets the comparison see this phase's rows only.
        QuestDbTables.tableNames().forEach(t -> store.exec("TRUNCATE TABLE \"" + t + "\""));

        List<ServiceProcess> services = startServices(run, prefix, settings, processors, dir);
        ServiceProcess publisher = services.get(0);
        List<ServiceProcess> processorInstances = services.subList(1, 1 + processors);
        ServiceProcess ingest = services.get(services.size() - 1);
        try {
            for (ServiceProcess service : services) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            SimulationOptions simulated = load.options();
            List<SimBuilding> fleet = new ArrayList<>(load.fleet());
            fleet.addAll(warmUp.fleets());
            new RegistryPublisher(kafka.bootstrapServers(), Topics.withPrefix(prefix)).publish(fleet,
                    new WeatherModel(simulated.seed()),
                    simulated.start().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1),
                    simulated.end().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1));
            awaitRegistry(run, prefix);
            Map<String, Metrics> jvms = new LinkedHashMap<>();
            jvms.put("ingest-mqtt", new Metrics(ingest.url("/metrics")));
            // the instances' counters summed: the readings every instance applied
            jvms.put("stream-processor", new Metrics(processorInstances.stream().map(p -> p.url("/metrics"))
                    .toList()));
            jvms.put("kpi-publisher", new Metrics(publisher.url("/metrics")));
            JitWarmUp.Outcome warmed = warmUp(warmUp, run, jvms, progress);
            long warmUpReadings = warmed.readings();
            Processes processes = new Processes().add("ingest-mqtt", ingest::pid);
            for (int i = 0; i < processors; i++) {
                processes.add(processorName(i, processors), processorInstances.get(i)::pid);
            }
            processes.add("kpi-publisher", publisher::pid).andInfrastructure(kafka, mqtt, store);
            Metrics ingestMetrics = jvms.get("ingest-mqtt");
            try (LatencyProbe probe = new LatencyProbe(mqtt.uri(), store.httpUrl(), run)) {
                Map<String, ProcessUsage> before = processes.read();
                Map<String, Double> compilingBefore = JitWarmUp.compilingSeconds(jvms);
                probe.start(bench.probeInterval(), bench.probePoll(), bench.warmUp());
                long start = System.nanoTime();
                // the services' counters include the warm-up's readings
                CounterProgress intoKafka = CounterProgress.watch(ingestMetrics,
                        "straumflyt_ingest_readings_produced_total",
                        warmUpReadings + load.readings(), probe, start, INGEST_SCRAPE_MS);
                CounterProgress applied = CounterProgress.watch(jvms.get("stream-processor"),
                        "straumflyt_processor_readings_total", warmUpReadings + load.readings(), probe, start,
                        PROCESSOR_SCRAPE_MS);
                LoadPublisher.publish(mqtt.uri(), "bench-simulator-" + run, load, bench.rate());
                double publishSeconds = seconds(start);
                double kafkaSeconds = intoKafka.await(PHASE_TIMEOUT);
                // Comparing with the ground truth is not free (for QuestDB either): only once the processor has
                // applied every reading can the store match.
                double processorSeconds = applied.await(PHASE_TIMEOUT);
                Match match = awaitStoreEqual(load.options());
                Verifier.Report report = match.report();
                double storeSeconds = seconds(start);
                double verifyPass = seconds(match.lastPassStart());
                Map<String, ProcessUsage> usage = processes.since(before);
                Map<String, Double> compiling = new LinkedHashMap<>(JitWarmUp.compilingSeconds(jvms));
                compiling.replaceAll((jvm, seconds) -> seconds - compilingBefore.get(jvm));
                long unresolved = probe.awaitOutstanding(Duration.ofSeconds(30));
                long inKafka = (long) ingestMetrics.sum("straumflyt_ingest_readings_produced_total")
                        - probe.readingsPublished()
                        - warmUpReadings;
                long deadLetters = (long) ingestMetrics.sum("straumflyt_ingest_dead_letters_total");
                if (!report.ok()) {
                    progress.println("the store did not match the ground truth within " + PHASE_TIMEOUT + ":");
                }
                progress.println(report.summary());
                return new Result(settings, processors, publishSeconds, kafkaSeconds, processorSeconds, storeSeconds, verifyPass, inKafka,
                        deadLetters, probe.latencyMicros(), probe.steadyMicros(), unresolved, probe.errors(), report.summary(), usage,
                        compiling, warmed);
            }
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
            MqttSessions.discard(mqtt.uri(), "bench-ingest-" + run);
        }
    }

    /**
     * Sends the warm-up loads, a round at a time, until the services' JIT compilers settle, watched as the measured
     * phase is watched (latency probes, the counters of ingest and the processor scraped as often): each round
     * waits until the processor has applied its readings. Then waits until the store holds exactly the ground truth
     * of every round sent: the three services have run every code path of the measured load, which starts warm.
     * The outcome's readings include the warm-up probes'.
     */
    private JitWarmUp.Outcome warmUp(WarmUpLoads rounds, String run, Map<String, Metrics> jvms,
            PrintStream progress) throws Exception {
        if (rounds.rounds() == 0) {
            return new JitWarmUp.Outcome(0, 0, false);
        }
        long start = System.nanoTime();
        List<SimulationOptions> sent = new ArrayList<>();
        long[] readings = {0};
        JitWarmUp.Outcome outcome;
        long probeReadings;
        try (LatencyProbe probe = new LatencyProbe(mqtt.uri(), store.httpUrl(), run + "-warm-up")) {
            probe.start(bench.probeInterval(), bench.probePoll(), Duration.ZERO);
            outcome = JitWarmUp.run("pipeline", rounds, jvms, round -> {
                LoadPublisher.publish(mqtt.uri(), "bench-warm-up-" + run + "-" + sent.size(), round, bench.rate());
                sent.add(round.options());
                readings[0] += round.readings();
                awaitCounted(jvms, readings[0], probe);
                return round.readings();
            }, progress);
            // every probe reading counted too, so that the measured phase's counters start from a known total
            probe.awaitOutstanding(Duration.ofSeconds(30));
            awaitCounted(jvms, readings[0], probe);
            probeReadings = probe.readingsPublished();
        }
        for (SimulationOptions round : sent) {
            Verifier.Report report = awaitStoreEqual(round).report();
            if (!report.ok()) {
                throw new IllegalStateException("a warm-up load did not reach the store within " + PHASE_TIMEOUT
                        + ": " + report.summary());
            }
        }
        progress.printf("warm-up (not measured): %,d readings in %d rounds in the store after %.1f s%n",
                readings[0], outcome.rounds(), seconds(start));
        return new JitWarmUp.Outcome(outcome.rounds(), readings[0] + probeReadings, outcome.settled());
    }

    /**
     * Waits until ingest has every one of {@code readings} readings confirmed by Kafka and the processor has applied
     * them, besides what the probe sent, scraping each as the measured phase does.
     */
    private static void awaitCounted(Map<String, Metrics> jvms, long readings, LatencyProbe probe) throws Exception {
        long now = System.nanoTime();
        CounterProgress intoKafka = CounterProgress.watch(jvms.get("ingest-mqtt"),
                "straumflyt_ingest_readings_produced_total",
                readings, probe, now, INGEST_SCRAPE_MS);
        CounterProgress applied = CounterProgress.watch(jvms.get("stream-processor"),
                "straumflyt_processor_readings_total", readings, probe, now, PROCESSOR_SCRAPE_MS);
        intoKafka.await(PHASE_TIMEOUT);
        applied.await(PHASE_TIMEOUT);
    }

    /** The last comparison with the ground truth, and when it started ({@link System#nanoTime}). */
    private record Match(Verifier.Report report, long lastPassStart) {
    }

    /**
     * Compares the store with the load's ground truth (its municipality only) until they are equal or the phase
     * times out.
     */
    private Match awaitStoreEqual(SimulationOptions load) throws Exception {
        Verifier verifier = new Verifier(store.httpUrl(), 1e-6, load.municipality());
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (true) {
            long passStart = System.nanoTime();
            Verifier.Report report = verifier.verify(load.truthDir());
            if (report.ok() || System.nanoTime() >= deadline) {
                return new Match(report, passStart);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /**
     * Waits until the processor has taken in the building registry. A reading of a meter the registry does not
     * name yet is metered but belongs to no building, and stays so (docs/METERING.md): sent right after the
     * registry, the readings (stamped hours ago) can overtake it in the processor, which picks the oldest
     * timestamp first. Taken in = the processor's committed offsets (exactly-once: committed with what it made of
     * the records) have reached the end of every partition of registry.buildings.
     */
    private void awaitRegistry(String run, String prefix) throws Exception {
        String topic = prefix + "registry.buildings";
        Admin admin = kafka.admin();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(ends).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(processorId(run))
                    .partitionsToOffsetAndMetadata().get();
            if (end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processor did not take in the registry within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static String processorId(String run) {
        return "bench-processor-" + run;
    }

    /** The name of instance {@code index} (from 0) of {@code count} in the report: {@code stream-processor[-n]}. */
    static String processorName(int index, int count) {
        return count == 1 ? "stream-processor" : "stream-processor-" + (index + 1);
    }

    /**
     * Publisher, the processor instances, ingest: downstream first, so nothing waits for a consumer that is not there
     * yet.
     */
    private List<ServiceProcess> startServices(String run, String prefix, LatencySettings settings, int processors,
            Path dir) {
        String classpath = System.getProperty("java.class.path");
        Map<String, String> common = new HashMap<>();
        common.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("STRAUMFLYT_TOPIC_PREFIX", prefix);
        common.put("STRAUMFLYT_TOPIC_PARTITIONS", Integer.toString(bench.partitions()));
        common.put("STRAUMFLYT_HTTP_HOST", "127.0.0.1");
        common.put("LOG4J_CONFIGURATION_FILE", resource("log4j2-child.xml"));

        List<ServiceProcess> services = new ArrayList<>();
        Map<String, String> publisher = new HashMap<>(common);
        publisher.put("STRAUMFLYT_INFLUX_URL", store.httpUrl());
        publisher.put("STRAUMFLYT_GROUP_ID", "bench-publisher-" + run);
        publisher.putAll(settings.publisherEnvironment());
        services.add(ServiceProcess.start("kpi-publisher", "org.straumflyt.publisher.PublisherMain", classpath,
                Ports.free(), publisher, dir));

        for (int i = 0; i < processors; i++) {
            Map<String, String> processor = new HashMap<>(common);
            processor.put("STRAUMFLYT_APPLICATION_ID", processorId(run));
            String name = processorName(i, processors);
            processor.put("STRAUMFLYT_STATE_DIR", dir.resolve("kafka-streams" + (processors == 1 ? "" : "-" + (i + 1)))
                    .toString());
            if (processors > 1) {
                // as deployed (deploy/kubernetes): a standby of every store on another instance
                processor.put("STRAUMFLYT_STANDBY_REPLICAS", "1");
            }
            processor.putAll(settings.processorEnvironment());
            // -Dbench.processor.<VARIABLE>=<value>: more of the processor's environment, e.g. STRAUMFLYT_STREAM_THREADS
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.processor."))
                    .forEach(k -> processor.put(k.substring("bench.processor.".length()), System.getProperty(k)));
            services.add(ServiceProcess.start(name, "org.straumflyt.processor.ProcessorMain", classpath,
                    Ports.free(), processor, dir));
        }

        Map<String, String> ingest = new HashMap<>(common);
        ingest.putAll(IngestRoutes.environment(mqtt.uri()));
        ingest.put("STRAUMFLYT_MQTT_CLIENT_ID", "bench-ingest-" + run);
        services.add(ServiceProcess.start("ingest-mqtt", "org.straumflyt.ingest.IngestMain", classpath, Ports.free(),
                ingest, dir));
        return services;
    }

    /** A resource as a file the child JVMs can read: itself, or a copy when it is inside this module's jar. */
    private static String resource(String name) {
        java.net.URL url = PipelineRun.class.getClassLoader().getResource(name);
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI()).toString();
            }
            Path copy = Files.createTempFile("straumflyt-bench-", "-" + name);
            copy.toFile().deleteOnExit();
            try (java.io.InputStream in = url.openStream()) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return copy.toString();
        } catch (java.net.URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
