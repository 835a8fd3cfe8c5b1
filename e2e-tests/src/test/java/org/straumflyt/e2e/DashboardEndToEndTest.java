package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.DashboardConfig;
import org.straumflyt.dashboard.DashboardService;
import org.straumflyt.bench.IngestRoutes;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.verify.Verifier;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;
import org.straumflyt.servers.RealServers;

/**
 * The dashboard at the end of the whole pipeline: a small simulated fleet's yesterday (and the hour before it) goes
 * through MQTT, ingest, the stream processor and the publisher into the store; the dashboard reads the store and the
 * registry the simulator wrote; Debian's Chromium (dashboard/src/test/browser/pipeline.mjs) opens the portfolio and
 * one building's page, and every figure of yesterday it shows — the day's total and each hour beside today's —
 * equals the simulator's ground truth (building-hours.csv), rounded as the page rounds (0.1 kWh). Then, with the
 * building page open, one of its meters sends two power samples of {@value #LIVE_KW} kW half a minute apart in the
 * running hour: the page must show that power and today's energy (0.4 kWh) without a reload, through ingest, the
 * processor, the publisher and the live feed.
 */
@RealServers
class DashboardEndToEndTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final List<PayloadFormat> FORMATS = List.of(PayloadFormat.CANONICAL, PayloadFormat.TASMOTA,
            PayloadFormat.SENML);
    private static final long SEED = 31;
    /**
     * 25 simulated hours in this much wall time (4 500 simulated seconds a second): under the rate at which the
     * processor's registry index may lag behind the first readings (see PortfolioIndicatorsEndToEndTest).
     */
    private static final Duration PUBLISHING = Duration.ofSeconds(20);
    private static final Path BROWSER = Path.of("..", "dashboard", "src", "test", "browser");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    /** The live samples' power: over 30 s, 0.4 kWh, exactly representable in the page's rounding. */
    private static final double LIVE_KW = 48.0;
    private static final Duration LIVE_SPAN = Duration.ofSeconds(30);

    @Test
    void thePagesFiguresOfYesterdayEqualTheSimulatorsTruth(KafkaBroker kafka, MosquittoBroker mqtt,
            QuestDbServer store) throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium").isExecutable();
        assertThat(BROWSER.resolve("node_modules/playwright-core")).as("npm ci in dashboard/src/test/browser "
                + "(the dashboard module's build does it)").isDirectory();
        LocalDate today = LocalDate.now(OSLO);
        Instant yesterdayStart = today.minusDays(1).atStartOfDay(OSLO).toInstant();
        Instant todayStart = today.atStartOfDay(OSLO).toInstant();
        Instant start = yesterdayStart.minus(Duration.ofHours(1));

        // Given a fleet of three buildings whose yesterday went through the whole pipeline
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "e2e-" + run + ".";
        String municipality = String.valueOf(9500 + ThreadLocalRandom.current().nextInt(200));
        Path truth = Path.of("target", "e2e-runs", "dashboard-" + run, "truth").toAbsolutePath();
        SimulationOptions options = new SimulationOptions(SEED, FORMATS.size(), municipality, FORMATS, start,
                Duration.between(start, todayStart), new Pacing.Accelerated(Duration.between(start, todayStart)
                        .toSeconds() / (double) PUBLISHING.toSeconds()), FaultPlan.NONE, mqtt.uri(),
                kafka.bootstrapServers(), prefix, truth);
        Map<String, String> ingest = new HashMap<>(IngestRoutes.settings(mqtt.uri()));
        ingest.remove(IngestConfig.MQTT_CLIENT_ID);
        long began = System.nanoTime();
        try (Pipeline pipeline = Pipeline.start(run, prefix, kafka, mqtt, store, ingest)) {
            long started = System.nanoTime();
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            new Simulation(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
            long published = System.nanoTime();
            Verifier.Report stored = new Verifier(store.httpUrl(), 1e-6, municipality)
                    .verifyUntil(truth, Duration.ofMinutes(3));
            assertThat(stored.ok()).as(stored.summary()).isTrue();
            long verified = System.nanoTime();

            // When the dashboard reads that store and the simulator's registry
            ServiceContext context = ServiceContext.create("dashboard");
            DashboardService dashboard = new DashboardService(new DashboardConfig(Map.of(
                    DashboardConfig.WEB_PORT, "0", DashboardConfig.STORE_URL, store.httpUrl(),
                    DashboardConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    DashboardConfig.TOPIC_PREFIX, prefix, DashboardConfig.HTTP_PORT, "0")), context);
            dashboard.start();
            try {
                Map<String, Map<Instant, Double>> hours = buildingHours(truth.resolve("building-hours.csv"));
                String building = hours.keySet().iterator().next();
                await().atMost(Duration.ofSeconds(30)).until(() -> registered(dashboard.url(), building));

                // Then the page shows the truth's figures of yesterday for the building
                Map<Instant, Double> truthHours = hours.get(building);
                double yesterday = truthHours.entrySet().stream()
                        .filter(e -> !e.getKey().isBefore(yesterdayStart) && e.getKey().isBefore(todayStart))
                        .mapToDouble(Map.Entry::getValue).sum();
                Map<String, Object> expect = new LinkedHashMap<>();
                expect.put("url", dashboard.url());
                expect.put("screenshots", Path.of("target", "screenshots").toAbsolutePath().toString());
                expect.put("id", building);
                expect.put("registered", true);
                expect.put("portfolio", Map.of("yesterdayKwh", kwh(yesterday)));
                // Today's rows run from local midnight to the running hour; beside each, yesterday's same hour.
                Map<String, Object> rows = new LinkedHashMap<>();
                Instant running = Instant.now().truncatedTo(ChronoUnit.HOURS);
                for (Instant hour = todayStart; !hour.isAfter(running); hour = hour.plus(Duration.ofHours(1))) {
                    Instant sameHourYesterday = hour.atZone(OSLO).minusDays(1).toInstant();
                    Double value = truthHours.get(sameHourYesterday);
                    rows.put(HOUR.format(hour.atZone(OSLO)),
                            Map.of("yesterday", value == null ? "ingen data" : kwh(value)));
                }
                expect.put("hours", rows);
                // Today's energy grows by the live samples' 0.4 kWh from what the store held when they were sent.
                String meter = electricityMeter(truth.resolve("meter-hours.csv"), building);
                double[] todayBefore = new double[1];
                List<String> output = runBrowser(expect, () -> {
                    todayBefore[0] = todayKwh(dashboard.url(), building);
                    publishLive(mqtt, building, meter);
                    return Map.of("liveKw", "48,0 kW",
                            "todayKwh", kwh(todayBefore[0] + LIVE_KW * LIVE_SPAN.toSeconds() / 3600.0));
                });
                System.out.printf("dashboard end to end: today's energy before the live samples %.3f kWh%n",
                        todayBefore[0]);
                System.out.printf("dashboard end to end: pipeline started in %.1f s, published in %.1f s, store "
                        + "matched the truth %.1f s later, page checked %.1f s later%n", (started - began) / 1e9,
                        (published - started) / 1e9, (verified - published) / 1e9,
                        (System.nanoTime() - verified) / 1e9);
                assertThat(output).as("browser script output").contains("@@publish-live")
                        .anyMatch(l -> l.startsWith("PASS "))
                        .noneMatch(l -> l.startsWith("FAIL "));
            } finally {
                dashboard.close();
            }
        }
    }

    /** The figure as the page writes it in bokmål, spaces for Intl's no-break spaces: "1 234,5 kWh". */
    static String kwh(double value) {
        BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale(1, RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,.1f", rounded).replace(',', ' ').replace('.', ',') + " kWh";
    }

    private static Map<String, Map<Instant, Double>> buildingHours(Path csv) throws IOException {
        Map<String, Map<Instant, Double>> hours = new TreeMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] cells = line.split(",");
            hours.computeIfAbsent(cells[0], k -> new TreeMap<>()).put(Instant.parse(cells[1]),
                    Double.parseDouble(cells[2]));
        }
        return hours;
    }

    private static boolean registered(String url, String building) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "api/portfolio")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        for (JsonNode b : new ObjectMapper().readTree(response.body()).path("buildings")) {
            if (b.path("id").asText().equals(building)) {
                return b.path("inRegistry").asBoolean();
            }
        }
        return false;
    }

    /** An electricity meter of the building, as the simulator's truth lists its meters. */
    private static String electricityMeter(Path meterHours, String building) throws IOException {
        return Files.readAllLines(meterHours).stream().skip(1).map(l -> l.split(","))
                .filter(c -> c[2].equals("electricity") && c[3].equals(building)).map(c -> c[0])
                .findFirst().orElseThrow(() -> new AssertionError("no electricity meter of " + building));
    }

    /**
     * Two canonical power samples of {@link #LIVE_KW} kW, {@link #LIVE_SPAN} apart, both in the running hour and in
     * the past, published as a meter does; waits for the running hour to be old enough.
     */
    private static void publishLive(MosquittoBroker mqtt, String building, String meter) throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant ready = hour.plus(LIVE_SPAN).plusSeconds(2);
        if (Instant.now().isBefore(ready)) {
            Thread.sleep(Duration.between(Instant.now(), ready).toMillis());
        }
        Instant second = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Instant first = second.minus(LIVE_SPAN);
        MqttClient client = new MqttClient(mqtt.uri(), "e2e-live-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect();
        try {
            for (Instant at : List.of(first, second)) {
                String json = "{\"meterId\":\"" + meter + "\",\"kind\":\"POWER\",\"value\":" + LIVE_KW
                        + ",\"unit\":\"kW\",\"timestamp\":\"" + at + "\",\"carrier\":\"electricity\"}";
                MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                client.publish("straumflyt/readings/" + building + "/" + meter, message);
            }
        } finally {
            client.disconnect();
            client.close();
        }
    }

    /** Today's energy of the building as the dashboard's API has it (0 without data). */
    private static double todayKwh(String url, String building) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "api/buildings/" + building)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode detail = new ObjectMapper().readTree(response.body());
        for (JsonNode hour : detail.path("today")) {
            if (hour.path("kwh").isNumber() && hour.path("kwh").asDouble() != 0) {
                System.out.printf("dashboard end to end: today's hour %s has %.3f kWh before the live samples%n",
                        hour.path("hourStart").asText(), hour.path("kwh").asDouble());
            }
        }
        return detail.path("summary").path("todayKwh").asDouble(0);
    }

    /** What the test does when the browser script asks for live readings: sends them, says what the page must show. */
    private interface LiveStep {
        Map<String, String> run() throws Exception;
    }

    /**
     * Runs the script, sending the live readings when it asks (and then the figures the page must show, as one JSON
     * line); its output lines. Fails on a non-zero exit.
     */
    private static List<String> runBrowser(Map<String, Object> expect, LiveStep publishLive) throws Exception {
        Path expectations = Files.createTempFile("dashboard-e2e", ".json");
        Files.writeString(expectations, new ObjectMapper().writeValueAsString(expect));
        Path errors = Files.createTempFile("dashboard-e2e", ".log");
        Process node = new ProcessBuilder("node", "pipeline.mjs", expectations.toString())
                .directory(BROWSER.toFile()).redirectError(errors.toFile()).start();
        List<String> output = new ArrayList<>();
        try (var out = node.inputReader(StandardCharsets.UTF_8);
                var in = node.outputWriter(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.equals("@@publish-live")) {
                    in.write(new ObjectMapper().writeValueAsString(publishLive.run()) + "\n");
                    in.flush();
                }
            }
        }
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
        assertThat(node.exitValue()).as("node exit; output %s; stderr %s", output, Files.readString(errors))
                .isZero();
        return output;
    }
}
