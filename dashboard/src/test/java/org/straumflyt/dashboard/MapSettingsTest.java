package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.store.QuestDbKpiReader;
import org.straumflyt.dashboard.view.DashboardQueries;
import org.straumflyt.dashboard.web.MapTiles;
import org.straumflyt.dashboard.web.PersonalDataAccess;
import org.straumflyt.dashboard.web.WebServer;

/**
 * The map's tile server as configured: the page learns it from {@code /api/settings}, and the page's
 * Content-Security-Policy lets images come from that origin only when one is set. No store is needed for either.
 */
class MapSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DashboardQueries NO_STORE = new DashboardQueries(
            new QuestDbKpiReader("http://127.0.0.1:9", Duration.ofMillis(200)), KpiFixture.ZONE, KpiFixture.CLOCK);

    @Test
    void withoutATileServerThePageLoadsImagesFromItselfOnly() throws Exception {
        try (WebServer web = WebServer.start("127.0.0.1", 0, NO_STORE, Duration.ofSeconds(1),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            HttpResponse<String> settings = get(web, "/api/settings");
            JsonNode map = JSON.readTree(settings.body()).path("map");
            assertThat(map.path("url").asText()).isEmpty();
            assertThat(settings.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("img-src 'self' data:;");
        }
    }

    @Test
    void aTileServersOriginIsAllowedForImagesAndItsTemplateAndAttributionReachThePage() throws Exception {
        MapTiles tiles = new MapTiles("https://tiles.example.org:8443/osm/{z}/{x}/{y}.png", "© OpenStreetMap contributors");
        try (WebServer web = WebServer.start("127.0.0.1", 0, NO_STORE, Duration.ofSeconds(1), PersonalDataAccess.NOBODY,
                tiles, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            HttpResponse<String> settings = get(web, "/api/settings");
            JsonNode map = JSON.readTree(settings.body()).path("map");
            assertThat(map.path("url").asText()).isEqualTo("https://tiles.example.org:8443/osm/{z}/{x}/{y}.png");
            assertThat(map.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
            String csp = settings.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("img-src 'self' data: https://tiles.example.org:8443;")
                    .contains("connect-src 'self';").contains("script-src 'self';");
        }
    }

    @Test
    void aTileUrlWithoutItsPlaceholdersOrNotHttpIsAConfigurationError() {
        assertThatThrownBy(() -> new DashboardConfig(Map.of(DashboardConfig.MAP_TILE_URL,
                "https://tile.openstreetmap.org/{z}/{x}.png")).mapTiles())
                .isInstanceOf(ConfigException.class).hasMessageContaining("lacks {y}");
        assertThatThrownBy(() -> new DashboardConfig(Map.of(DashboardConfig.MAP_TILE_URL,
                "file:///tiles/{z}/{x}/{y}.png")).mapTiles())
                .isInstanceOf(ConfigException.class).hasMessageContaining("not an http(s) URL");
        assertThat(new DashboardConfig(Map.of()).mapTiles().enabled()).isFalse();
    }

    private static HttpResponse<String> get(WebServer web, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + web.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
