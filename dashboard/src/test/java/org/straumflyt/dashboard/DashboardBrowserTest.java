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
import org.straumflyt.testsupport.PrivateServer;
import org.straumflyt.testsupport.QuestDbExtension;
import org.straumflyt.testsupport.QuestDbServer;

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (src/test/browser/dashboard.mjs)
 * against the dashboard service over a real QuestDB holding {@link KpiFixture}'s rows. The figures the script
 * expects are written out here by hand from the fixture, in both languages, so a wrong sum, rounding, unit or
 * translation fails. Screenshots go to target/screenshots.
 */
@ExtendWith(QuestDbExtension.class)
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String DASH = "–";

    @Test
    void facilityManagerSeesTheStoresFiguresLiveInBothLanguages(@PrivateServer QuestDbServer store,
            @TempDir Path work) throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; ./straumflyt test installs it)")
                .isExecutable();
        KpiFixture.write(store, KpiFixture.rows());
        ServiceContext context = new ServiceContext("dashboard", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new Health(), KpiFixture.CLOCK, KafkaMeterDetail.SUMMARY);
        DashboardService dashboard = new DashboardService(new DashboardConfig(Map.of(
                DashboardConfig.WEB_PORT, "0", DashboardConfig.STORE_URL, store.httpUrl(),
                DashboardConfig.TIME_ZONE, "Europe/Oslo", DashboardConfig.LIVE_INTERVAL_MS, "500")), context);
        dashboard.start();
        try {
            assertThat(context.health().ready()).as("ready while the store answers").isTrue();
            Path expectations = work.resolve("expectations.json");
            Files.writeString(expectations, new ObjectMapper().writeValueAsString(expectations(dashboard.url())));

            List<String> output = runBrowser(expectations, store);

            assertThat(output).as("browser script output").contains("@@write-live")
                    .anyMatch(line -> line.startsWith("PASS "))
                    .noneMatch(line -> line.startsWith("FAIL "));
            assertThat(screenshots().resolve("portfolio.png")).isNotEmptyFile();
            assertThat(screenshots().resolve("building.png")).isNotEmptyFile();
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
                "initial", List.of("hall-c", "skole-a", "sykehjem-b"),
                "todayDescending", List.of("skole-a", "sykehjem-b", "hall-c"),
                "todayAscending", List.of("sykehjem-b", "skole-a", "hall-c")));
        expect.put("portfolio", Map.of(
                "nb", Map.of(
                        "skole-a", Map.of("category", "Skole", "liveKw", "16,0 kW", "todayKwh", "114,0 kWh",
                                "yesterdayKwh", "192,0 kWh", "todayKwhPerM2", "0,23 kWh/m²", "coverage", "100 %"),
                        "sykehjem-b", Map.of("category", "Sykehjem", "liveKw", DASH, "todayKwh", "30,0 kWh",
                                "yesterdayKwh", DASH, "todayKwhPerM2", DASH, "coverage", "27 %"),
                        "hall-c", Map.of("category", "Idrettshall", "todayKwh", DASH, "yesterdayKwh", DASH,
                                "coverage", "0 %")),
                "en", Map.of(
                        "skole-a", Map.of("category", "School", "liveKw", "16.0 kW", "todayKwh", "114.0 kWh",
                                "yesterdayKwh", "192.0 kWh", "todayKwhPerM2", "0.23 kWh/m²", "coverage", "100%"),
                        "sykehjem-b", Map.of("category", "Nursing home", "todayKwh", "30.0 kWh", "coverage", "27%"))));
        // After the live row: 6 kWh at coverage 0.5 in the running hour.
        expect.put("live", Map.of("id", "skole-a", "liveKw", "12,0 kW", "todayKwh", "116,0 kWh"));
        expect.put("lowCoverage", Map.of("id", "sykehjem-b",
                "nb", "Lav dekning: bare 27 % av timene i dag er målt. Tallene for i dag er for lave.",
                "en", "Low coverage: only 27% of today's hours are measured. Today's figures are too low.",
                "metersNb", "Målere som rapporterer: 1 av 2",
                "flags", List.of("gap", "missing_meters")));
        expect.put("building", Map.of("id", "skole-a",
                "figures", Map.of("liveKw", "12,0 kW", "todayKwh", "116,0 kWh", "yesterdayKwh", "192,0 kWh",
                        "todayKwhPerM2", "0,23 kWh/m²", "areaM2", "500 m²"),
                "hours", Map.of(
                        "00:00", Map.of("today", "10,0 kWh", "yesterday", "8,0 kWh"),
                        "10:00", Map.of("today", "10,0 kWh", "yesterday", "8,0 kWh"),
                        "11:00", Map.of("today", "6,0 kWh (pågår)", "yesterday", "8,0 kWh"))));
        return expect;
    }
}
