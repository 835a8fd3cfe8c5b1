package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.runtime.Health;
import org.straumflyt.runtime.KafkaMeterDetail;
import org.straumflyt.runtime.ServiceContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.straumflyt.model.Building;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.PrivateServer;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (src/test/browser/dashboard.mjs)
 * against the dashboard service over a real QuestDB holding {@link KpiFixture}'s rows, with the registry read from a
 * real Kafka (its names, categories and areas). The figures the script
 * expects are written out here by hand from the fixture, in both languages, so a wrong sum, rounding, unit or
 * translation fails. Screenshots go to target/screenshots.
 */
@ExtendWith({QuestDbExtension.class, KafkaExtension.class})
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String DASH = "–";

    @Test
    void facilityManagerSeesTheStoresFiguresLiveInBothLanguages(@PrivateServer QuestDbServer store,
            KafkaBroker kafka, @TempDir Path work) throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; ./straumflyt test installs it)")
                .isExecutable();
        KpiFixture.write(store, KpiFixture.rows());
        KpiFixture.write(store, KpiFixture.history());
        String prefix = "browser-" + System.nanoTime() + ".";
        Topics topics = Topics.withPrefix(prefix);
        Topic<String, Building> registry = topics.registryBuildings();
        kafka.createTopic(registry.name(), 1, true);
        try (KafkaProducer<String, Building> producer = new KafkaProducer<>(kafka.clientConfig(),
                registry.keySerde().serializer(), registry.valueSerde().serializer())) {
            for (Building building : KpiFixture.registry().values()) {
                producer.send(topics.registryRecord(building)).get();
            }
        }
        ServiceContext context = new ServiceContext("dashboard", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new Health(), KpiFixture.CLOCK, KafkaMeterDetail.SUMMARY);
        DashboardService dashboard = new DashboardService(new DashboardConfig(Map.of(
                DashboardConfig.WEB_PORT, "0", DashboardConfig.STORE_URL, store.httpUrl(),
                DashboardConfig.TIME_ZONE, "Europe/Oslo", DashboardConfig.LIVE_INTERVAL_MS, "500",
                DashboardConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(), DashboardConfig.TOPIC_PREFIX,
                prefix)), context);
        dashboard.start();
        try {
            // The registry is read in the background; the page is checked once the names are there.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    new ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(dashboard.url() + "api/portfolio"))
                                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                            .path("buildings").size() == 4);
            assertThat(context.health().ready()).as("ready while the store answers").isTrue();
            Path expectations = work.resolve("expectations.json");
            Files.writeString(expectations, new ObjectMapper().writeValueAsString(expectations(dashboard.url())));

            List<String> output = runBrowser(expectations, store);

            assertThat(output).as("browser script output").contains("@@write-live")
                    .anyMatch(line -> line.startsWith("PASS "))
                    .noneMatch(line -> line.startsWith("FAIL "));
            assertThat(screenshots().resolve("portfolio.png")).isNotEmptyFile();
            assertThat(screenshots().resolve("building.png")).isNotEmptyFile();
            assertThat(screenshots().resolve("municipality.png")).isNotEmptyFile();
        } finally {
            dashboard.close();
        }
    }

    /** Runs the script; writes the live row when it asks. Returns its output lines; fails on a non-zero exit. */
    private static List<String> runBrowser(Path expectations, QuestDbServer store) throws Exception {
        Path dir = Path.of(System.getProperty("straumflyt.browser.test.dir", "src/test/browser"));
        Path errors = Files.createTempFile("dashboard-browser", ".log");
        Process node = new ProcessBuilder("node", "dashboard.mjs", expectations.toString()).directory(dir.toFile())
                .redirectError(errors.toFile()).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8)); Writer in = node.outputWriter(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.equals("@@write-live")) {
                    KpiFixture.write(store, List.of(KpiFixture.liveUpdate()));
                    in.write("written\n");
                    in.flush();
                }
            }
        } finally {
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        assertThat(node.exitValue()).as("node exit; output %s; stderr %s", output, Files.readString(errors))
                .isZero();
        return output;
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("straumflyt.screenshots", "target/screenshots"));
    }

    /** What the page must show for {@link KpiFixture}'s rows, worked out by hand. */
    private static Map<String, Object> expectations(String url) {
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("url", url);
        expect.put("screenshots", screenshots().toAbsolutePath().toString());
        expect.put("order", Map.of(
                "initial", List.of("skole-a", "hall-c", "barnehage-d", "sykehjem-b"),
                "todayDescending", List.of("skole-a", "sykehjem-b", "barnehage-d", "hall-c"),
                "todayAscending", List.of("sykehjem-b", "skole-a", "barnehage-d", "hall-c")));
        expect.put("portfolio", Map.of(
                "nb", Map.of(
                        "skole-a", Map.of("name", "Bekkestua skole skole-a", "category", "Skole",
                                "liveKw", "16,0 kW", "todayKwh", "114,0 kWh", "lastWeekKwh", "108,0 kWh",
                                "yesterdayKwh", "192,0 kWh", "todayKwhPerM2", "0,23 kWh/m²",
                                "year", "25,50 kWh/m² ref. 163 kWh/m²", "coverage", "100 %"),
                        "sykehjem-b", Map.of("name", "Tanum sykehjem sykehjem-b", "category", "Sykehjem",
                                "liveKw", DASH, "todayKwh", "30,0 kWh", "lastWeekKwh", DASH,
                                "yesterdayKwh", DASH, "todayKwhPerM2", DASH, "coverage", "27 %"),
                        "hall-c", Map.of("name", "hall-c hall-c · ikke i registeret", "category", "Idrettshall",
                                "todayKwh", DASH, "yesterdayKwh", DASH, "coverage", "0 %"),
                        "barnehage-d", Map.of("name", "Hosle barnehage barnehage-d", "category", "Barnehage",
                                "todayKwh", DASH, "year", DASH, "newestHour", DASH)),
                "en", Map.of(
                        "skole-a", Map.of("category", "School", "liveKw", "16.0 kW", "todayKwh", "114.0 kWh",
                                "lastWeekKwh", "108.0 kWh", "yesterdayKwh", "192.0 kWh",
                                "todayKwhPerM2", "0.23 kWh/m²", "coverage", "100%"),
                        "sykehjem-b", Map.of("category", "Nursing home", "todayKwh", "30.0 kWh", "coverage", "27%"),
                        "hall-c", Map.of("name", "hall-c hall-c · not in the registry"))));
        expect.put("filter", Map.of("text", "sykehjem", "textRows", List.of("sykehjem-b"),
                "textShown", "Viser 1 av 4 bygg.", "category", "school", "categoryRows", List.of("skole-a"),
                "allShown", "Viser 4 av 4 bygg."));
        // Only the school has coordinates in the registry; no tile server is configured.
        expect.put("map", Map.of("markers", List.of("skole-a"), "href", "/building/skole-a",
                "plain", "Uten bakgrunnskart: en kartserver kan settes opp med map.tile.url.",
                "missing", "3 bygg uten koordinater i registeret er ikke i kartet."));
        // After the live row: 6 kWh at coverage 0.5 in the running hour.
        expect.put("live", Map.of("id", "skole-a", "liveKw", "12,0 kW", "todayKwh", "116,0 kWh"));
        expect.put("lowCoverage", Map.of("id", "sykehjem-b",
                "nb", "Lav dekning: bare 27 % av timene i dag er målt. Tallene for i dag er for lave.",
                "en", "Low coverage: only 27% of today's hours are measured. Today's figures are too low.",
                "gapsNb", "5 timer i dag uten data (hull).",
                "gapsEn", "5 hours today without data (gaps).",
                "metersNb", "Målere som rapporterer: 1 av 2",
                "flags", List.of("gap – hull", "missing_meters – målere mangler")));
        Map<String, Object> building = new LinkedHashMap<>();
        building.put("id", "skole-a");
        building.put("heading", "Bekkestua skole skole-a · Skole · Kommune 3201");
        building.put("figures", Map.of("liveKw", "12,0 kW", "todayKwh", "116,0 kWh", "lastWeekKwh", "108,0 kWh",
                "yesterdayKwh", "192,0 kWh", "todayKwhPerM2", "0,23 kWh/m²", "areaM2", "500 m²",
                "yearKwhPerM2", "25,50 kWh/m²", "capacityPeakKw", "30,7 kW"));
        building.put("hours", Map.of(
                "00:00", Map.of("today", "10,0 kWh", "lastWeek", "9,0 kWh", "yesterday", "8,0 kWh"),
                "10:00", Map.of("today", "10,0 kWh", "lastWeek", "9,0 kWh", "yesterday", "8,0 kWh"),
                "11:00", Map.of("today", "6,0 kWh (pågår)", "lastWeek", "9,0 kWh", "yesterday", "8,0 kWh")));
        // March: 4th 35 kWh, 9th 29 kWh, 8th 28 kWh; their mean is the capacity basis, 30.7 kW.
        building.put("topDays", List.of("2026-03-04", "2026-03-09", "2026-03-08"));
        building.put("topDaysKw", List.of("35,0 kW", "29,0 kW", "28,0 kW"));
        building.put("yearPartial", "Bare 3 av 12 måneder har data, så tallet er ikke et helt år og lavere enn "
                + "årsforbruket.");
        building.put("benchmark", "Referanse for skole (SSB 2011): 163 kWh/m² i året.");
        building.put("benchmarkEn", "Benchmark for school (SSB 2011): 163 kWh/m² a year.");
        // 30 days, one without a record, one without a temperature: 28 points, one of them flagged.
        building.put("days", 30);
        building.put("points", 28);
        building.put("flaggedPoints", 1);
        building.put("dayCells", Map.of(
                "2026-03-09", Map.of("kwh", "375,0 kWh", "temperature", "2,5 °C", "hours", "24 av 24"),
                "2026-02-08", Map.of("kwh", "520,0 kWh", "temperature", "\u221212,0 °C"),
                "2026-02-20", Map.of("kwh", "ingen data", "temperature", ""),
                "2026-02-21", Map.of("temperature", "ingen værdata"),
                "2026-03-01", Map.of("hours", "20 av 24", "flags", "foreløpig, hull")));
        building.put("dayCellsEn", Map.of(
                "2026-02-20", Map.of("kwh", "no data"),
                "2026-02-21", Map.of("temperature", "no weather data"),
                "2026-03-01", Map.of("flags", "provisional, gap")));
        expect.put("building", building);
        // docs/TOPICS.md's portfolio record, as the municipality page shows it.
        expect.put("municipality", Map.of(
                "nb", Map.of("kwh_per_m2", "0,75 kWh/m²", "corrected_kwh_per_m2", "0,90 kWh/m²",
                        "renewable_percent", "54,0 %", "smart_meter_percent", "75,0 %",
                        "integrated_building_percent", "66,7 %", "fresh_meter_share", "50 %",
                        "live_area_share", "50 %", "coverage", "78 %"),
                "inputs", Map.of("smart_meter_percent", "3 ÷ 4", "integrated_building_percent", "2 ÷ 3",
                        "renewable_percent", "2 430,0 kWh ÷ 4 500,0 kWh"),
                "en", Map.of("smart_meter_percent", "75.0 %", "kwh_per_m2", "0.75 kWh/m²"),
                "categories", Map.of("office", Map.of("kwhPerM2", "0,60 kWh/m²", "benchmark", "229 kWh/m²"),
                        "school", Map.of("benchmark", "163 kWh/m²")),
                "period", "Fra 1. jan. 2026 til og med 3. jan. 2026 (3 dager). Grunnlag: del av år."));
        return expect;
    }
}
