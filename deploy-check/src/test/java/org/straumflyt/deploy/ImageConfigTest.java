package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.DashboardConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container images that {@code mvn -Pimages package} builds (target/jib-image.tar of each module). Without the
 * profile there are no tarballs and these checks are skipped; with it (straumflyt.images=required) they must be
 * there. The checks read the image configuration only, so they hold for any base image.
 */
class ImageConfigTest {
    private static final boolean REQUIRED = "required".equals(System.getProperty("straumflyt.images"));

    @ParameterizedTest
    @ValueSource(strings = {"ingest-mqtt", "stream-processor", "kpi-publisher"})
    void serviceImageRunsItsMainClassAsNonRootWithContainerSizedJvmOnItsPort(String service) {
        JsonNode config = config(service);
        ServiceSettings settings = ServiceSettings.named(service);

        List<String> entrypoint = ComposeFile.iterable(config.path("Entrypoint").elements()).stream()
                .map(JsonNode::asText).toList();
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
                .contains("-XX:+ExitOnOutOfMemoryError")
                .last().asString().startsWith("org.straumflyt.");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(ComposeFile.iterable(config.path("ExposedPorts").fieldNames()))
                .containsExactly(settings.httpPort() + "/tcp");
        assertLabels(config);

        Map<String, String> environment = environment(config);
        assertThat(settings.unknownVariables(environment)).isEmpty();
    }

    @Test
    void dashboardImageRunsTheDashboardAsNonRootOnItsPageAndOpsPorts() {
        JsonNode config = config("dashboard");

        List<String> entrypoint = ComposeFile.iterable(config.path("Entrypoint").elements()).stream()
                .map(JsonNode::asText).toList();
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError")
                .last().isEqualTo("org.straumflyt.dashboard.DashboardMain");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(ComposeFile.iterable(config.path("ExposedPorts").fieldNames()))
                .containsExactlyInAnyOrder(DashboardConfig.DEFAULT_WEB_PORT + "/tcp",
                        DashboardConfig.DEFAULT_HTTP_PORT + "/tcp");
        assertLabels(config);
        assertThat(ComposeDashboardTest.DASHBOARD.unknownVariables(environment(config))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulator"})
    void simulatorImageRunsTheSimulatorAsNonRoot(String module) {
        JsonNode config = config(module);

        List<String> entrypoint = ComposeFile.iterable(config.path("Entrypoint").elements()).stream()
                .map(JsonNode::asText).toList();
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).last().isEqualTo("org.straumflyt.simulator.SimulatorMain");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertLabels(config);
    }

    private static JsonNode config(String module) {
        Path tarball = Repo.path(module + "/target/jib-image.tar");
        if (REQUIRED) {
            assertThat(tarball).as("built by mvn -Pimages package").isRegularFile();
        } else {
            assumeThat(Files.isRegularFile(tarball)).as("image tarballs are checked with -Pimages").isTrue();
        }
        return OciImage.config(tarball);
    }

    private static void assertLabels(JsonNode config) {
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isNotBlank().doesNotContain("${");
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
    }

    private static Map<String, String> environment(JsonNode config) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode entry : config.path("Env")) {
            String text = entry.asText();
            int eq = text.indexOf('=');
            environment.put(text.substring(0, eq), text.substring(eq + 1));
        }
        return environment;
    }
}
