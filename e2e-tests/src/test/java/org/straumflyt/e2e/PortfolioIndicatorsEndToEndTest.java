package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.straumflyt.bench.IngestRoutes;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.FleetGenerator;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.truth.PortfolioAssumptions;
import org.straumflyt.simulator.truth.PortfolioTruth;
import org.straumflyt.simulator.verify.Verifier;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;
import org.straumflyt.servers.RealServers;

/**
 * The portfolio's energy indicators end to end: a small fleet's last days, replayed through the whole pipeline,
 * give year-to-date and rolling-12-months records whose energy, EN:E:E:4A (plain and degree-day-corrected),
 * EN:E:E:1C, building-days (with data, complete, expected), completeness and energy coverage equal the simulator's
 * portfolio truth — computed from its own booked meter-hours and weather, not by the processor's classes — within
 * 1e-6 relative.
 *
 * <p>The portfolio's periods end with yesterday on the wall clock (the processor reads the system clock), so the
 * simulated days end with yesterday: the last hour of the day before day one, then four whole days. Each meter's
 * readings go on to its first one after the end, so the pipeline also has an estimate of today's first hour, which
 * no period holds. Year to date holds the simulated days except in the first days of January, when some of them
 * belong to last year; the test is then skipped. (A run across local midnight may see the periods move on; the
 * simulated days stay in them.)
 */
@RealServers
class PortfolioIndicatorsEndToEndTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Formats with a register every 5 minutes: enough messages to split hours, few enough for a quick run. */
    private static final List<PayloadFormat> FORMATS = List.of(PayloadFormat.CANONICAL, PayloadFormat.TASMOTA,
            PayloadFormat.SENML);
    private static final long SEED = 23;
    /**
     * The wall time over which the 97 simulated hours are published. Not as fast as possible: the processor's
     * meter stage may read the first readings before its registry index has the meters, and re-books such hours to
     * their building only while they are within the lateness horizon (36 h of reading time, docs/METERING.md); at
     * about 5 800 simulated seconds per second, the index may lag some 22 s before any hour is lost.
     */
    private static final Duration PUBLISHING = Duration.ofSeconds(60);
    /** Shares that differ from the processor's defaults, so that a default used by mistake shows. */
    private static final PortfolioAssumptions ASSUMPTIONS = new PortfolioAssumptions(OSLO,
            Map.of(Carrier.ELECTRICITY, 0.9, Carrier.DISTRICT_HEATING, 0.35),
            Map.of(BuildingCategory.SCHOOL, 0.55, BuildingCategory.KINDERGARTEN, 0.65,
                    BuildingCategory.NURSING_HOME, 0.45),
            List.of(700.0, 600.0, 550.0, 390.0, 210.0, 70.0, 25.0, 45.0, 170.0, 350.0, 500.0, 640.0));

    @Test
    void theStoredPortfolioRecordsEqualTheSimulatorsPortfolioTruth(KafkaBroker kafka, MosquittoBroker mqtt,
            QuestDbServer store) throws Exception {
        LocalDate today = LocalDate.now(OSLO);
        LocalDate firstWholeDay = today.minusDays(4);
        Assumptions.assumeTrue(firstWholeDay.minusDays(1).getYear() == today.minusDays(1).getYear(),
                "the simulated days would not all be in this year's year to date");

        // Given three buildings, one of which has its electricity meter silent until 10:00 on the second whole day
        // while its district heating reports (so two of its days have data but are incomplete), and renewable shares,
        // temperature-dependent shares and normals of its own
        String run = UUID.randomUUID().toString().substring(0, 8);
        String municipality = String.valueOf(9700 + ThreadLocalRandom.current().nextInt(200));
        Instant start = firstWholeDay.atStartOfDay(OSLO).toInstant().minus(Duration.ofHours(1));
        Instant end = today.atStartOfDay(OSLO).toInstant();
        List<SimBuilding> fleet = new FleetGenerator(SEED).generate(FORMATS.size(), municipality, FORMATS, 0);
        SimMeter silent = fleet.stream().filter(b -> b.meters().size() > 1).findFirst().orElseThrow().meters()
                .stream().filter(m -> m.carrier() == Carrier.ELECTRICITY).findFirst().orElseThrow();
        Instant silentUntil = firstWholeDay.plusDays(1).atTime(10, 0).atZone(OSLO).toInstant();
        Path truth = Path.of("target", "e2e-runs", "portfolio-" + run, "truth").toAbsolutePath();
        SimulationOptions options = new SimulationOptions(SEED, FORMATS.size(), municipality, FORMATS, start,
                Duration.between(start, end), new Pacing.Accelerated(Duration.between(start, end).toSeconds()
                        / (double) PUBLISHING.toSeconds()), FaultPlan.NONE, mqtt.uri(),
                kafka.bootstrapServers(), "e2e-" + run + ".", truth, Map.of(silent.meterId(), silentUntil),
                ASSUMPTIONS);
        Map<String, String> processor = new HashMap<>(ASSUMPTIONS.processorSettings(municipality));
        // the indicators within seconds rather than the default minute
        processor.put(ProcessorConfig.PORTFOLIO_EMIT_INTERVAL_SECONDS, "2");
        Map<String, String> ingest = new HashMap<>(IngestRoutes.settings(mqtt.uri()));
        ingest.remove(IngestConfig.MQTT_CLIENT_ID);

        try (Pipeline pipeline = Pipeline.start(run, "e2e-" + run + ".", kafka, mqtt, store, ingest, processor)) {
            // When the simulator publishes the fleet's days within a minute and writes its truth
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            Simulation simulation = new Simulation(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
            long wallStart = System.nanoTime();
            simulation.run();
            long published = System.nanoTime();

            // Then the truth is what the test set up: data on five local days, of which the four whole ones are
            // complete except for the silent meter's building on the first two
            PortfolioTruth expected = PortfolioTruth.read(truth);
            assertThat(expected.firstDay()).isEqualTo(firstWholeDay.minusDays(1));
            assertThat(expected.lastDay()).isEqualTo(today.minusDays(1));
            assertThat(expected.buildingDaysWithData()).isEqualTo(3 * 5);
            assertThat(expected.completeBuildingDays()).isEqualTo(3 * 4 - 2);
            assertThat(expected.renewableKwh()).isPositive().isLessThan(expected.importKwh());

            // And every meter-hour and building-hour is in the store, and every stored record of both periods
            // equals the truth
            Verifier verifier = new Verifier(store.httpUrl(), 1e-6, municipality);
            Verifier.Report hours = verifier.verifyUntil(truth, Duration.ofMinutes(3));
            Verifier.PortfolioReport report = verifier.verifyPortfolioUntil(truth, 1e-6, Duration.ofMinutes(2));
            System.out.printf("portfolio end to end: published in %.1f s, records matched %.1f s later%n",
                    (published - wallStart) / 1e9, (System.nanoTime() - published) / 1e9);
            assertThat(hours.ok()).as(hours.summary()).isTrue();
            assertThat(report.ok()).as("%s%nsimulator: %s%nbuilding-days in the store: %s%nmeter-hours by building: %s", report,
                    progress.toString(StandardCharsets.UTF_8), store.query("SELECT building, time, import_kwh, "
                            + "meter_coverage, revision FROM building_daily WHERE municipality = '" + municipality
                            + "' ORDER BY building, time"), store.query("SELECT building_id, count(), sum(energy_kwh) "
                            + "FROM meter_hourly WHERE meter LIKE '%-" + municipality + "-b%'")).isTrue();
        }
    }
}
