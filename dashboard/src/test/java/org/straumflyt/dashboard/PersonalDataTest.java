package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.dashboard.store.QuestDbKpiReader;
import org.straumflyt.dashboard.view.DashboardQueries;
import org.straumflyt.dashboard.web.MapTiles;
import org.straumflyt.dashboard.web.PersonalDataAccess;
import org.straumflyt.dashboard.web.WebServer;
import org.straumflyt.model.Building;
import org.straumflyt.servers.PrivateServer;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * The personal-data rule over HTTP, on a real QuestDB: the school of {@link KpiFixture} is marked as holding personal
 * data, so a request without a cleared group gets its name and no figure (portfolio, building page and live feed),
 * and a request whose proxy header names a cleared group gets every figure.
 */
@ExtendWith(QuestDbExtension.class)
class PersonalDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "X-Forwarded-Groups";
    private static final String CLEARED = "energi, bolig-personvern";
    private static WebServer web;

    @BeforeAll
    static void start(@PrivateServer QuestDbServer store) {
        KpiFixture.write(store, KpiFixture.rows());
        KpiFixture.write(store, KpiFixture.history());
        Map<String, Building> registry = new HashMap<>(KpiFixture.registry());
        Building school = registry.get("skole-a");
        registry.put("skole-a", new Building(school.buildingId(), school.name(), school.municipality(),
                school.category(), school.heatedAreaM2(), school.timeZone(), school.location(),
                school.weatherLocationId(), true, school.meters()));
        DashboardQueries queries = new DashboardQueries(new QuestDbKpiReader(store.httpUrl(), Duration.ofSeconds(10)),
                () -> registry, KpiFixture.ZONE, KpiFixture.CLOCK);
        web = WebServer.start("127.0.0.1", 0, queries, Duration.ofMillis(200),
                PersonalDataAccess.of(HEADER, List.of("bolig-personvern")), MapTiles.NONE, new PrometheusMeterRegistry(
                        PrometheusConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void portfolioShowsAPersonalBuildingsNameButNoFigureUnlessTheUserIsCleared() throws Exception {
        JsonNode hidden = building(JSON.readTree(get("/api/portfolio", null)), "skole-a");
        assertThat(hidden.path("name").asText()).isEqualTo("Bekkestua skole");
        assertThat(hidden.path("personalData").asBoolean()).isTrue();
        assertThat(hidden.path("hidden").asBoolean()).isTrue();
        for (String figure : List.of("liveKw", "runningHourKwh", "todayKwh", "lastWeekKwh", "yesterdayKwh",
                "todayKwhPerM2", "newestHour", "coverage", "metersReporting", "metersExpected")) {
            assertThat(hidden.path(figure).isNull()).as(figure).isTrue();
        }
        assertThat(hidden.path("year").path("kwhPerM2").isNull()).isTrue();
        assertThat(hidden.path("flags")).isEmpty();
        // a building without personal data is not touched
        JsonNode other = building(JSON.readTree(get("/api/portfolio", null)), "sykehjem-b");
        assertThat(other.path("hidden").asBoolean()).isFalse();
        assertThat(other.path("todayKwh").isNumber()).isTrue();

        JsonNode shown = building(JSON.readTree(get("/api/portfolio", CLEARED)), "skole-a");
        assertThat(shown.path("hidden").asBoolean()).isFalse();
        assertThat(shown.path("personalData").asBoolean()).isTrue();
        assertThat(shown.path("todayKwh").asDouble()).isCloseTo(114.0, within(1e-9));
        // a group that is not cleared, or a look-alike, sees nothing more
        assertThat(building(JSON.readTree(get("/api/portfolio", "energi, bolig")), "skole-a")
                .path("hidden").asBoolean()).isTrue();
    }

    @Test
    void buildingPageOfAPersonalBuildingHasNoHourDayOrMonthUnlessTheUserIsCleared() throws Exception {
        JsonNode hidden = JSON.readTree(get("/api/buildings/skole-a", null));
        assertThat(hidden.path("summary").path("hidden").asBoolean()).isTrue();
        assertThat(hidden.path("today")).isEmpty();
        assertThat(hidden.path("yesterday")).isEmpty();
        assertThat(hidden.path("lastWeek")).isEmpty();
        assertThat(hidden.path("days")).isEmpty();
        assertThat(hidden.path("month").isNull()).isTrue();

        JsonNode shown = JSON.readTree(get("/api/buildings/skole-a", CLEARED));
        assertThat(shown.path("summary").path("hidden").asBoolean()).isFalse();
        assertThat(shown.path("today")).isNotEmpty();
        assertThat(shown.path("days")).hasSize(30);
    }

    @Test
    void liveFeedLeavesPersonalBuildingsOutUnlessTheUserIsCleared() throws Exception {
        assertThat(liveBuildings(null)).doesNotContain("skole-a");
        assertThat(liveBuildings(CLEARED)).contains("skole-a");
    }

    private static List<String> liveBuildings(String groups) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request("/api/live", groups),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = events.readLine();
            } while (line != null && !line.startsWith("data: "));
            assertThat(line).as("a live event").isNotNull();
            JsonNode event = JSON.readTree(line.substring("data: ".length()));
            assertThat(event.path("hourStart").asText()).isEqualTo("2026-03-10T10:00:00Z");
            return StreamSupport.stream(event.path("buildings").spliterator(), false)
                    .map(b -> b.path("id").asText()).toList();
        }
    }

    private static JsonNode building(JsonNode portfolio, String id) {
        return StreamSupport.stream(portfolio.path("buildings").spliterator(), false)
                .filter(b -> b.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static String get(String path, String groups) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request(path, groups),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest request(String path, String groups) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
        if (groups != null) {
            request.header(HEADER, groups);
        }
        return request.build();
    }
}
