package org.straumflyt.e2e.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.straumflyt.local.LocalStack;
import org.straumflyt.local.ServiceProcess;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.truth.PortfolioAssumptions;
import org.straumflyt.simulator.verify.Verifier;
import org.straumflyt.servers.KafkaCluster;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * Scale-out, proven: every service runs as several instances against a three-node Kafka cluster with production
 * replication (factor 3, {@code min.insync.replicas=2}) — two ingest instances sharing the MQTT subscription, three
 * stream processors with static membership and a standby of every store, two publishers — while a fleet with messy
 * data publishes a day. During the load the test kills the leader of a {@code readings} partition with SIGKILL (and
 * brings it back), kills a processor instance with SIGKILL (for good), adds a fourth processor, and rolls the
 * publishers one at a time. Afterwards the store equals the simulator's ground truth at every level — meter-hours,
 * building-hours, building-days, the municipality's indicators and its portfolio figures — with nothing lost and
 * nothing stored twice. It prints each rebalance of the processors and the longest time no KPI moved.
 *
 * <p>Long (9 minutes on a busy two-core machine): it runs with {@code -Pscale} (see docs/OPERATIONS.md, "Scaling
 * out").
 */
class ScaleOutTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** As the fault matrix: duplicates, reordering, glitches, spikes, resets, rollovers, gaps, garbage. */
    private static final String FAULTS = "duplicates=0.02,reorder=0.02,glitches=0.003,spikes=0.003,resets=0.002,"
            + "rollovers=0.3,gaps=0.003,garbage=0.003";
    private static final int BUILDINGS = 6;
    private static final int PARTITIONS = 6;
    private static final long SEED = 31;
    /** The wall time over which the simulated day is published; every event happens within it. */
    private static final Duration LOAD = Duration.ofSeconds(210);
    /**
     * How long the group waits for a static member that left without a word (SIGKILL) before its tasks move. The
     * Kubernetes manifests use 120 s, to cover a pod's restart; a test cannot wait that long.
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(20);
    /** The portfolio's assumptions, with a share for every category, so that any fleet is covered. */
    private static final PortfolioAssumptions ASSUMPTIONS;

    static {
        Map<BuildingCategory, Double> shares = new EnumMap<>(BuildingCategory.class);
        for (BuildingCategory category : BuildingCategory.values()) {
            shares.put(category, 0.4 + 0.05 * category.ordinal());
        }
        ASSUMPTIONS = new PortfolioAssumptions(OSLO, Map.of(Carrier.ELECTRICITY, 0.9, Carrier.DISTRICT_HEATING, 0.35),
                shares, List.of(700.0, 600.0, 550.0, 390.0, 210.0, 70.0, 25.0, 45.0, 170.0, 350.0, 500.0, 640.0));
    }

    @Test
    void theStoreEqualsTheGroundTruthThroughKillsAndRebalancesOnAThreeBrokerCluster() throws Exception {
        // The portfolio's periods end with yesterday on the wall clock: simulate the last hour of the day before,
        // then yesterday, so that yesterday is a whole building-day and every simulated day is in both periods.
        LocalDate today = LocalDate.now(OSLO);
        LocalDate yesterday = today.minusDays(1);
        Assumptions.assumeTrue(yesterday.minusDays(1).getYear() == today.getYear(),
                "the simulated days would not all be in this year's year to date");
        Instant start = yesterday.atStartOfDay(OSLO).toInstant().minus(Duration.ofHours(1));
        Instant end = today.atStartOfDay(OSLO).toInstant();
        Duration simulated = Duration.between(start, end);

        String run = UUID.randomUUID().toString().substring(0, 6);
        String municipality = String.valueOf(9300 + ThreadLocalRandom.current().nextInt(300));
        String prefix = "e2e-scale-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        String applicationId = "e2e-scale-processor-" + run;
        Path dir = Path.of("target", "e2e-runs", "scale-" + run).toAbsolutePath();
        Files.createDirectories(dir);
        Path truth = dir.resolve("truth");

        // Given an MQTT broker, the store and a three-node cluster (one after the other: together they missed
        // their start timeouts on a loaded machine)
        try (MosquittoBroker mqtt = MosquittoBroker.startNew(); QuestDbServer store = QuestDbServer.startNew();
                KafkaCluster kafka = KafkaCluster.startNew(); Instances instances = new Instances(dir)) {
            QuestDbTables.createStatements().forEach(store::exec);

            // And every service as several instances, configured as in production but for the cluster's addresses
            Map<String, String> common = new HashMap<>();
            common.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            common.put("STRAUMFLYT_TOPIC_PREFIX", prefix);
            common.put("STRAUMFLYT_TOPIC_PARTITIONS", String.valueOf(PARTITIONS));
            common.put("STRAUMFLYT_TOPIC_REPLICATION_FACTOR", String.valueOf(KafkaCluster.REPLICATION_FACTOR));
            common.put("LOG4J_CONFIGURATION_FILE", resource("log4j2-scale-child.xml"));
            // Eleven service JVMs and three brokers on two shared cores: C1 only, so that JIT compilation does not
            // take the cores from the work while every JVM warms up (a restart took minutes without it)
            common.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
            for (int i = 1; i <= 2; i++) {
                instances.start("kpi-publisher-" + i, "org.straumflyt.publisher.PublisherMain",
                        publisher(common, store, run));
            }
            for (int i = 1; i <= 3; i++) {
                instances.start("processor-" + i, "org.straumflyt.processor.ProcessorMain",
                        processor(common, applicationId, municipality, dir, i));
            }
            for (int i = 1; i <= 2; i++) {
                instances.start("ingest-" + i, "org.straumflyt.ingest.IngestMain", ingest(common, mqtt, run, i));
            }
            instances.awaitAllReady(Duration.ofMinutes(3));
            long ready = System.currentTimeMillis();

            // The services created their topics with the production replication
            String readings = topics.readings().name();
            assertThat(kafka.partitions(readings)).as("partitions of %s", readings).hasSize(PARTITIONS)
                    .allSatisfy(p -> assertThat(p.replicas()).as("replicas of %s-%d", readings, p.partition())
                            .hasSize(KafkaCluster.REPLICATION_FACTOR));
            assertThat(kafka.topicConfig(readings, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG))
                    .isEqualTo(String.valueOf(KafkaCluster.MIN_INSYNC_REPLICAS));

            try (KpiFlow flow = KpiFlow.watch(kafka.bootstrapServers(), topics.meterHourly().name(), PARTITIONS)) {
                // When the fleet publishes a simulated day with faults within the load's wall time
                ByteArrayOutputStream progress = new ByteArrayOutputStream();
                SimulationOptions options = new SimulationOptions(SEED, BUILDINGS, municipality,
                        List.of(PayloadFormat.values()), start, simulated,
                        new Pacing.Accelerated(simulated.toSeconds() / (double) LOAD.toSeconds()),
                        FaultPlan.parse(FAULTS), mqtt.uri(), kafka.bootstrapServers(), prefix, truth, Map.of(),
                        ASSUMPTIONS);
                Simulation simulation = new Simulation(options,
                        new PrintStream(progress, true, StandardCharsets.UTF_8));
                long loadStart = System.currentTimeMillis();
                CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                    try {
                        simulation.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });

                // And meanwhile: the leader of readings-0 dies, a processor dies, a processor joins, the
                // publishers roll
                Events events = new Events(loadStart);
                events.at(Duration.ofSeconds(15));
                KafkaCluster.Broker leader = kafka.leaderOf(readings, 0).orElseThrow();
                events.begin("kill -9 of broker " + leader.nodeId() + ", leader of " + readings + "-0");
                leader.kill();
                // The controller moves the leadership once the dead broker's session (6 s) expired
                int newLeader = awaitNewLeader(kafka, readings, leader, Duration.ofSeconds(90));
                events.log("broker " + newLeader + " leads " + readings + "-0; broker " + leader.nodeId()
                        + " restarting");
                CompletableFuture<Void> leaderBack = CompletableFuture.runAsync(() -> {
                    leader.start();
                    events.log("broker " + leader.nodeId() + " is back");
                });

                events.at(Duration.ofSeconds(35));
                events.begin("kill -9 of processor-2");
                long processorKilled = System.currentTimeMillis();
                instances.get("processor-2").kill();

                events.at(Duration.ofSeconds(55));
                events.begin("processor-4 starts");
                instances.start("processor-4", "org.straumflyt.processor.ProcessorMain",
                        processor(common, applicationId, municipality, dir, 4));
                CompletableFuture<Void> fourthReady = CompletableFuture.runAsync(() -> {
                    instances.awaitReady("processor-4", Duration.ofMinutes(3));
                    events.log("processor-4 is ready (RUNNING)");
                });

                events.at(Duration.ofSeconds(75));
                for (int i = 1; i <= 2; i++) {
                    String name = "kpi-publisher-" + i;
                    events.begin("rolling " + name + ": SIGTERM");
                    instances.roll(name, Duration.ofMinutes(4));
                    events.log(name + " is ready again");
                }

                publishing.get(6, TimeUnit.MINUTES);
                long loadEnd = System.currentTimeMillis();
                events.log("the fleet has published everything");
                leaderBack.get(3, TimeUnit.MINUTES);
                fourthReady.get(3, TimeUnit.MINUTES);
                kafka.awaitFullyInSync(List.of(readings), Duration.ofMinutes(2));
                events.log("every replica of " + readings + " is in sync");

                // Then the store holds exactly the ground truth: every meter-hour and building-hour once
                Verifier verifier = new Verifier(store.httpUrl(), 1e-6, municipality);
                Verifier.Report hours = verifier.verifyUntil(truth, Duration.ofMinutes(3));
                events.log("meter-hours and building-hours " + (hours.ok() ? "match" : "DO NOT match"));
                // The measurements, printed whether or not the store matches: the processors' rebalances and the
                // longest time no KPI moved
                Map<String, Path> logs = new LinkedHashMap<>();
                for (int i = 1; i <= 4; i++) {
                    logs.put("processor-" + i, instances.get("processor-" + i).log());
                }
                List<Rebalances.Transition> transitions = Rebalances.read(logs, applicationId);
                List<Rebalances.Window> rebalances = Rebalances.windows(transitions, ready);
                List<Rebalances.Interval> intervals = Rebalances.intervals(transitions, ready);
                String report = report(events, rebalances, intervals, silent(logs, transitions), flow, loadStart,
                        loadEnd);
                System.out.println(report);
                Files.writeString(dir.resolve("scale-out-report.txt"), report, StandardCharsets.UTF_8);
                String context = report + "simulator: " + progress.toString(StandardCharsets.UTF_8)
                        + "\nlogs in " + dir;
                assertThat(hours.ok()).as("%s%n%s", hours.summary(), context).isTrue();
                long meters = simulation.fleet().stream().mapToLong(b -> b.meters().size()).sum();
                assertThat(hours.meters().expected()).isEqualTo(meters * simulated.toHours());
                assertThat(hours.buildings().expected()).isEqualTo(simulation.fleet().size() * simulated.toHours());
                // every building-day the truth covers whole (yesterday), once, with the sum of its hours
                List<String> days = buildingDayDifferencesUntil(store, municipality, simulation.fleet(), truth,
                        yesterday, Duration.ofMinutes(2));
                assertThat(days).as("building-days that differ from the truth%n%s", context).isEmpty();
                // every meter-hour's coverage (the part of the hour its register steps cover) and every
                // building-day's measured share of its meter-hours, from which the portfolio's energy coverage is made
                List<String> coverage = coverageDifferences(store, simulation, end);
                Files.write(dir.resolve("coverage-differences.txt"), coverage, StandardCharsets.UTF_8);
                // the municipality's indicators and its portfolio figures (year to date, rolling 12 months)
                Verifier.IndicatorReport indicators = verifier.verifyIndicatorsUntil(truth, Duration.ofMinutes(2));
                assertThat(indicators.ok()).as("%s%n%s", indicators, context).isTrue();
                Verifier.PortfolioReport portfolio = verifier.verifyPortfolioUntil(truth, 1e-6, Duration.ofMinutes(2));
                assertThat(coverage).as("meter-hours and building-days whose coverage differs from the truth%n%s",
                        context).isEmpty();
                assertThat(portfolio.ok()).as("%s%n%s", portfolio, context).isTrue();

                // And every event happened while the fleet was publishing
                assertThat(events.latestStart()).as("the last event began after the load ended%n%s", context)
                        .isLessThan(loadEnd);

                // at least the takeover of the killed processor's tasks and the fourth one's joining (one group
                // rebalance when they overlap, as when the killed member's session expires while the fourth joins)
                assertThat(rebalances).as("rebalances of the processors after the start%n%s", report).isNotEmpty();
                assertThat(intervals).as("a surviving processor rebalanced after processor-2 was killed (the "
                        + "takeover of its tasks)%n%s", report).anyMatch(i -> !i.open() && !i.joined()
                        && i.startMillis() >= processorKilled && !i.instance().equals("processor-2"));
                assertThat(intervals).as("processor-4 joined and was RUNNING%n%s", report)
                        .anyMatch(i -> !i.open() && i.joined() && i.instance().equals("processor-4"));
                assertThat(flow.arrivalsSince(events.latestStart())).as("KPIs after the last event").isPositive();
            }
        }
    }

    /** The node that leads partition 0 of {@code topic} once it is not {@code old}. */
    private static int awaitNewLeader(KafkaCluster kafka, String topic, KafkaCluster.Broker old, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            try {
                var leader = kafka.leaderOf(topic, 0);
                if (leader.isPresent() && leader.get() != old) {
                    return leader.get().nodeId();
                }
                seen = leader.map(b -> "broker " + b.nodeId()).orElse("no leader");
            } catch (IllegalStateException e) {
                seen = e.getMessage();
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError(topic + "-0 has no new leader " + timeout + " after broker " + old.nodeId()
                + " died; last seen: " + seen);
    }

    private static Map<String, String> publisher(Map<String, String> common, QuestDbServer store, String run) {
        Map<String, String> env = new HashMap<>(common);
        env.put("STRAUMFLYT_INFLUX_URL", store.httpUrl());
        env.put("STRAUMFLYT_GROUP_ID", "e2e-scale-publisher-" + run);
        env.put("STRAUMFLYT_BATCH_LINGER_MS", "200");
        return env;
    }

    private static Map<String, String> processor(Map<String, String> common, String applicationId,
            String municipality, Path dir, int instance) {
        Map<String, String> env = new HashMap<>(common);
        env.put("STRAUMFLYT_APPLICATION_ID", applicationId);
        env.put("STRAUMFLYT_STATE_DIR", dir.resolve("state-processor-" + instance).toString());
        env.put("STRAUMFLYT_COMMIT_INTERVAL_MS", "500");
        // As deployed (deploy/kubernetes): a standby of every store, static membership
        env.put("STRAUMFLYT_STANDBY_REPLICAS", "1");
        env.put("STRAUMFLYT_KAFKA_GROUP_INSTANCE_ID", "processor-" + instance);
        env.put("STRAUMFLYT_KAFKA_SESSION_TIMEOUT_MS", String.valueOf(SESSION_TIMEOUT.toMillis()));
        // Kafka Streams' shortest probing interval: a joined instance gets active tasks once it has warmed up
        env.put("STRAUMFLYT_KAFKA_PROBING_REBALANCE_INTERVAL_MS", "60000");
        // Four instances on two shared cores: one thread each
        env.put("STRAUMFLYT_STREAM_THREADS", "1");
        env.put("STRAUMFLYT_PORTFOLIO_EMIT_INTERVAL_SECONDS", "5");
        ASSUMPTIONS.processorSettings(municipality).forEach((key, value) ->
                env.put(ConfigSource.environmentName(key), value));
        return env;
    }

    private static Map<String, String> ingest(Map<String, String> common, MosquittoBroker mqtt, String run,
            int instance) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(LocalStack.ingestRoutes(mqtt.uri()));
        env.put("STRAUMFLYT_MQTT_CLIENT_ID", "e2e-scale-ingest-" + run + "-" + instance);
        env.put("STRAUMFLYT_MQTT_SHARED_GROUP", "e2e-scale-ingest-" + run);
        return env;
    }

    /**
     * Each building's stored day against the sum of its hours in the truth, for {@code day} (which the truth covers
     * whole): one row per building, within 1e-6 kWh.
     */
    /**
     * The building-days that differ from the truth, asked again until none does or the timeout passed: the days are
     * built from the building-hours one stage further on (and published one batch later), so the store can hold
     * every hour while the last hours' days are still on their way.
     */
    private static List<String> buildingDayDifferencesUntil(QuestDbServer store, String municipality,
            List<SimBuilding> fleet, Path truth, LocalDate day, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> differences = buildingDayDifferences(store, municipality, fleet, truth, day);
            if (differences.isEmpty() || System.nanoTime() > deadline) {
                return differences;
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private static List<String> buildingDayDifferences(QuestDbServer store, String municipality,
            List<SimBuilding> fleet, Path truth, LocalDate day) throws IOException {
        Map<String, Double> expected = new TreeMap<>();
        for (SimBuilding b : fleet) {
            expected.put(b.building().buildingId(), 0.0);
        }
        Map<String, ZoneId> zones = new HashMap<>();
        fleet.forEach(b -> zones.put(b.building().buildingId(), ZoneId.of(b.building().timeZone())));
        List<String> lines = Files.readAllLines(truth.resolve("building-hours.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            ZoneId zone = zones.get(f[0]);
            if (zone != null && Instant.parse(f[1]).atZone(zone).toLocalDate().equals(day)) {
                expected.merge(f[0], Double.parseDouble(f[2]), Double::sum);
            }
        }
        Map<String, List<Double>> stored = new TreeMap<>();
        for (Map<String, Object> row : store.query("SELECT building, time, import_kwh FROM building_daily "
                + "WHERE municipality = '" + municipality + "'")) {
            String building = String.valueOf(row.get("building"));
            ZoneId zone = zones.getOrDefault(building, OSLO);
            if (((Instant) row.get("time")).atZone(zone).toLocalDate().equals(day)) {
                stored.computeIfAbsent(building, k -> new ArrayList<>())
                        .add(Double.parseDouble(String.valueOf(row.get("import_kwh"))));
            }
        }
        List<String> differences = new ArrayList<>();
        expected.forEach((building, kwh) -> {
            List<Double> rows = stored.getOrDefault(building, List.of());
            if (rows.size() != 1) {
                differences.add(building + " " + day + ": " + rows.size() + " rows " + rows + ", expected one of "
                        + kwh + " kWh");
            } else if (Math.abs(rows.get(0) - kwh) > 1e-6) {
                differences.add(building + " " + day + ": expected " + kwh + " kWh, store has " + rows.get(0));
            }
        });
        stored.keySet().stream().filter(b -> !expected.containsKey(b))
                .forEach(b -> differences.add(b + " " + day + ": not in the fleet, store has " + stored.get(b)));
        return differences;
    }

    /**
     * The meter-hours (import registers) whose stored coverage differs from the part of the hour the truth's register
     * steps cover, and the building-days whose stored {@code meter_coverage} differs from the truth's measured share
     * of the building's meter-hours (Σ coverage ÷ (meters × hours of the day), at most 1), each by more than 1e-6.
     */
    private static List<String> coverageDifferences(QuestDbServer store, Simulation simulation, Instant end) {
        Map<String, Double> expected = new TreeMap<>();
        for (var h : simulation.truth().bookedHours()) {
            expected.put(h.meterId() + " " + h.hour(), h.coverage());
        }
        List<String> differences = new ArrayList<>();
        Map<String, List<Double>> stored = new TreeMap<>();
        for (Map<String, Object> row : store.query("SELECT meter, time, coverage FROM meter_hourly "
                + "WHERE register = 'import'")) {
            Instant hour = (Instant) row.get("time");
            if (hour.isBefore(end)) {
                stored.computeIfAbsent(row.get("meter") + " " + hour, k -> new ArrayList<>())
                        .add(Double.parseDouble(String.valueOf(row.get("coverage"))));
            }
        }
        expected.forEach((key, cov) -> {
            List<Double> rows = stored.getOrDefault(key, List.of());
            if (rows.size() != 1 || Math.abs(rows.get(0) - cov) > 1e-6) {
                differences.add("meter-hour " + key + ": coverage expected " + cov + ", store has " + rows);
            }
        });
        stored.keySet().stream().filter(k -> !expected.containsKey(k))
                .forEach(k -> differences.add("meter-hour " + k + ": not in the truth, store has " + stored.get(k)));
        // building-days: Σ meter-hour coverage of the truth ÷ (meters × hours in the day)
        Map<String, SimBuilding> buildings = new HashMap<>();
        Map<String, SimBuilding> buildingOfMeter = new HashMap<>();
        for (SimBuilding b : simulation.fleet()) {
            buildings.put(b.building().buildingId(), b);
            b.meters().forEach(m -> buildingOfMeter.put(m.meterId(), b));
        }
        Map<String, Double> dayCoverage = new TreeMap<>();
        for (var h : simulation.truth().bookedHours()) {
            SimBuilding b = buildingOfMeter.get(h.meterId());
            ZoneId zone = ZoneId.of(b.building().timeZone());
            dayCoverage.merge(b.building().buildingId() + " " + h.hour().atZone(zone).toLocalDate(), h.coverage(),
                    Double::sum);
        }
        Map<String, List<Double>> storedDays = new TreeMap<>();
        for (Map<String, Object> row : store.query("SELECT building, time, meter_coverage FROM building_daily")) {
            SimBuilding b = buildings.get(String.valueOf(row.get("building")));
            ZoneId zone = b == null ? OSLO : ZoneId.of(b.building().timeZone());
            storedDays.computeIfAbsent(row.get("building") + " " + ((Instant) row.get("time")).atZone(zone)
                    .toLocalDate(), k -> new ArrayList<>()).add(Double.parseDouble(String.valueOf(
                    row.get("meter_coverage"))));
        }
        dayCoverage.forEach((key, sum) -> {
            String[] parts = key.split(" ");
            SimBuilding b = buildings.get(parts[0]);
            ZoneId zone = ZoneId.of(b.building().timeZone());
            LocalDate date = LocalDate.parse(parts[1]);
            long hours = Duration.between(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone)).toHours();
            double share = Math.min(1, sum / (b.meters().size() * hours));
            List<Double> rows = storedDays.getOrDefault(key, List.of());
            if (rows.size() != 1 || Math.abs(rows.get(0) - share) > 1e-6) {
                differences.add("building-day " + key + ": meter coverage expected " + share + ", store has "
                        + rows);
            }
        });
        return differences;
    }

    /** The instances whose log holds no state transition of the application: the report cannot see them. */
    private static List<String> silent(Map<String, Path> logs, List<Rebalances.Transition> transitions) {
        return logs.keySet().stream().filter(name -> transitions.stream().noneMatch(t -> t.instance().equals(name)))
                .map(name -> name + " (" + logs.get(name) + ")").toList();
    }

    private static String report(Events events, List<Rebalances.Window> rebalances,
            List<Rebalances.Interval> intervals, List<String> silent, KpiFlow flow, long loadStart, long loadEnd) {
        StringBuilder out = new StringBuilder("scale-out: events (seconds since the load began)\n");
        out.append(events);
        out.append("scale-out: processor rebalances after the start (the group: from the first instance leaving "
                + "RUNNING to the last one back)\n");
        if (rebalances.isEmpty()) {
            out.append("  none\n");
        }
        for (Rebalances.Window w : rebalances) {
            out.append(String.format(Locale.ROOT, "  at %6.1f s: %5.1f s, %s%n", (w.startMillis() - loadStart) / 1e3,
                    w.millis() / 1e3, String.join(", ", w.instances())));
        }
        out.append("scale-out: each instance out of RUNNING after the start\n");
        for (Rebalances.Interval i : intervals) {
            out.append(String.format(Locale.ROOT, "  at %6.1f s: %s %s%n", (i.startMillis() - loadStart) / 1e3,
                    i.instance(), (i.joined() ? "joined (first assignment)" : "rebalanced") + ", "
                            + (i.open() ? "not RUNNING again (killed, or still rebalancing)"
                                    : String.format(Locale.ROOT, "RUNNING again after %.1f s",
                                            (i.endMillis() - i.startMillis()) / 1e3))));
        }
        if (!silent.isEmpty()) {
            out.append("  no state transitions logged by ").append(String.join(", ", silent)).append('\n');
        }
        long[] overall = KpiFlow.longestGap(flow.all(), loadStart, loadEnd);
        out.append(String.format(Locale.ROOT, "scale-out: longest time no meter-hour KPI moved (any partition): "
                + "%.1f s (at %.1f s)%n", (overall[1] - overall[0]) / 1e3, (overall[0] - loadStart) / 1e3));
        long[] worst = {0, 0};
        int worstPartition = -1;
        for (var partition : flow.byPartition().entrySet()) {
            long[] gap = KpiFlow.longestGap(partition.getValue(), loadStart, loadEnd);
            if (gap[1] - gap[0] > worst[1] - worst[0]) {
                worst = gap;
                worstPartition = partition.getKey();
            }
        }
        out.append(String.format(Locale.ROOT, "scale-out: longest time one partition's meter-hour KPIs stood still: "
                + "%.1f s (partition %d, at %.1f s)%n", (worst[1] - worst[0]) / 1e3, worstPartition,
                (worst[0] - loadStart) / 1e3));
        return out.toString();
    }

    private static String resource(String name) {
        try {
            return Path.of(ScaleOutTest.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What happened when, relative to the load's start. */
    private static final class Events {
        private final long start;
        private final List<String> lines = new ArrayList<>();
        private long latestStart;

        Events(long start) {
            this.start = start;
        }

        /** Waits until {@code offset} after the start (at once if that has passed). */
        void at(Duration offset) throws InterruptedException {
            long wait = start + offset.toMillis() - System.currentTimeMillis();
            if (wait > 0) {
                TimeUnit.MILLISECONDS.sleep(wait);
            }
        }

        /** A disruption the test causes; it must begin while the fleet publishes. */
        synchronized void begin(String event) {
            latestStart = System.currentTimeMillis();
            log(event);
        }

        /** An observation. */
        synchronized void log(String event) {
            lines.add(String.format(Locale.ROOT, "  %6.1f s  %s", (System.currentTimeMillis() - start) / 1e3, event));
        }

        /** When the last disruption began. */
        synchronized long latestStart() {
            return latestStart;
        }

        @Override
        public synchronized String toString() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** The service instances, each a JVM of its own with its log in the run's directory. */
    private static final class Instances implements AutoCloseable {
        private final Path dir;
        private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

        Instances(Path dir) {
            this.dir = dir;
        }

        synchronized void start(String name, String mainClass, Map<String, String> environment) {
            services.put(name, ServiceProcess.start(name, mainClass, System.getProperty("java.class.path"),
                    freePort(), environment, dir));
        }

        synchronized ServiceProcess get(String name) {
            return services.get(name);
        }

        void awaitAllReady(Duration timeout) throws InterruptedException {
            for (String name : List.copyOf(services.keySet())) {
                get(name).awaitReady(timeout);
            }
        }

        void awaitReady(String name, Duration timeout) {
            try {
                get(name).awaitReady(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** SIGTERM, as an orchestrator stops an instance for an update; then the same instance starts again. */
        void roll(String name, Duration timeout) throws InterruptedException {
            ServiceProcess service = get(name);
            service.terminate();
            if (service.awaitExit(timeout).isEmpty()) {
                throw new IllegalStateException(name + " did not stop within " + timeout + "; see " + service.log());
            }
            service.start();
            service.awaitReady(timeout);
        }

        /** Stops every instance at once (each SIGTERM, then SIGKILL after 30 s). */
        @Override
        public void close() {
            List<CompletableFuture<Void>> stops = List.copyOf(services.values()).stream()
                    .map(service -> CompletableFuture.runAsync(service::close)).toList();
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
