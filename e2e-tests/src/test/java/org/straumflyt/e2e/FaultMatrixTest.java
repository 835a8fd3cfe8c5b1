package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.verify.Verifier;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * The fault matrix: a simulated fleet with messy data runs through the whole pipeline while one component is killed
 * with SIGKILL and started again; afterwards every meter-hour and building-hour in the store equals the simulator's
 * ground truth within 1e-6 kWh — nothing lost, nothing booked twice — and the municipality's portfolio records carry
 * the U4SSC indicators its registry implies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {
    /** Reading faults on top of the crash: duplicates, reordering, glitches, spikes, resets, rollovers, gaps, garbage. */
    private static final String FAULTS = "duplicates=0.02,reorder=0.02,glitches=0.003,spikes=0.003,resets=0.002,"
            + "rollovers=0.3,gaps=0.003,garbage=0.003";
    /** Every format the simulator speaks, so that each one's timestamps are held to the truth through every crash. */
    private static final List<PayloadFormat> FORMATS = List.of(PayloadFormat.values());
    private static final Duration SIMULATED = Duration.ofHours(3);
    private static final Duration WALL = Duration.ofSeconds(18);

    private KafkaBroker kafka;
    private MosquittoBroker mqtt;
    private QuestDbServer store;

    /** What is crashed, and how it comes back. */
    enum Crash {
        INGEST, PROCESSOR, PUBLISHER, KAFKA_BROKER, MQTT_BROKER, STORE
    }

    @BeforeAll
    void startPrivateServers() {
        // Private servers: these tests kill them, which must not disturb other test classes.
        kafka = KafkaBroker.startNew();
        mqtt = MosquittoBroker.startNew();
        store = QuestDbServer.startNew();
        QuestDbTables.createStatements().forEach(store::exec);
    }

    @AfterAll
    void stopServers() {
        for (AutoCloseable server : new AutoCloseable[] {mqtt, kafka, store}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                // Best effort: the harness also stops every child when the JVM exits.
            }
        }
    }

    @ParameterizedTest(name = "kill -9 of {0}")
    @EnumSource(Crash.class)
    void theStoreEqualsTheGroundTruthAfterACrash(Crash crash) throws Exception {
        // -Dstraumflyt.crash=KAFKA_BROKER runs one row of the matrix (for investigating a failure).
        String only = System.getProperty("straumflyt.crash");
        Assumptions.assumeTrue(only == null || only.isBlank() || only.equalsIgnoreCase(crash.name()),
                "only " + only + " selected");
        // Given the pipeline and a fleet of one municipality of its own
        String run = crash.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        String municipality = String.valueOf(9100 + crash.ordinal());
        Path truth = Path.of("target", "e2e-runs", run, "truth").toAbsolutePath();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(SIMULATED).minus(Duration.ofHours(1));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        // One building per format (formats go round-robin over buildings), so that every format is in every row.
        SimulationOptions options = new SimulationOptions(17, FORMATS.size(), municipality, FORMATS, start, SIMULATED,
                new Pacing.Accelerated(SIMULATED.toSeconds() / (double) WALL.toSeconds()), FaultPlan.parse(FAULTS),
                mqtt.uri(), kafka.bootstrapServers(), "e2e-" + run + ".", truth);

        try (PipelineProcesses pipeline = PipelineProcesses.start(run, kafka, mqtt, store)) {
            Simulation simulation = new Simulation(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try {
                    simulation.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // When a third of the way in, one component is killed and, a few seconds later, started again
            TimeUnit.MILLISECONDS.sleep(WALL.toMillis() / 3);
            crashAndRecover(crash, pipeline);
            publishing.get(3, TimeUnit.MINUTES);

            // Then the store holds exactly the ground truth
            Verifier.Report report = new Verifier(store.httpUrl(), 1e-6, municipality).verifyUntil(truth,
                    Duration.ofMinutes(2));
            assertThat(report.ok()).as("%s%nsimulator: %s", report.summary(),
                    progress.toString(StandardCharsets.UTF_8)).isTrue();
            // Every meter and every building has every simulated hour in the truth.
            long hours = SIMULATED.toHours();
            long meters = simulation.fleet().stream().mapToLong(b -> b.meters().size()).sum();
            assertThat(report.meters().expected()).isEqualTo(meters * hours);
            assertThat(report.buildings().expected()).isEqualTo(simulation.fleet().size() * hours);
            // And every portfolio record of the municipality carries the registry's U4SSC indicators
            Verifier.IndicatorReport indicators = new Verifier(store.httpUrl(), 1e-6, municipality)
                    .verifyIndicatorsUntil(truth, Duration.ofMinutes(2));
            assertThat(indicators.ok()).as(indicators.toString()).isTrue();
            // five buildings, one per format: the AMS meter is the one smart electricity meter of five, and the
            // first, third and fifth building have integrated building management
            assertThat(indicators.expected().smartMeterPercent()).isEqualTo(20.0);
            assertThat(indicators.expected().integratedBuildingPercent()).isEqualTo(60.0);
        }
    }

    private void crashAndRecover(Crash crash, PipelineProcesses pipeline) throws InterruptedException {
        switch (crash) {
            case INGEST, PROCESSOR, PUBLISHER -> {
                var service = pipeline.service(switch (crash) {
                    case INGEST -> "ingest-mqtt";
                    case PROCESSOR -> "stream-processor";
                    default -> "kpi-publisher";
                });
                service.kill();
                TimeUnit.SECONDS.sleep(3);
                service.start();
            }
            case KAFKA_BROKER -> {
                kafka.kill();
                TimeUnit.SECONDS.sleep(3);
                kafka.start();
            }
            case MQTT_BROKER -> {
                mqtt.kill();
                TimeUnit.SECONDS.sleep(3);
                mqtt.start();
            }
            case STORE -> {
                store.kill();
                TimeUnit.SECONDS.sleep(3);
                store.start();
            }
        }
    }
}
