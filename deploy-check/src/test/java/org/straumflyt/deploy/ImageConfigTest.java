package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        // The endpoint binds to loopback unless told otherwise; probes and Prometheus come from outside the container.
        assertThat(environment).containsEntry("STRAUMFLYT_HTTP_HOST", "0.0.0.0");
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

    /**
     * What the image runs is there: the entrypoint's main class in the application's classes, each element of its
     * classpath in a layer, and the same libraries as the jar's {@code target/lib}, which ShippedJarsTest (in
     * e2e-tests) starts with {@code java -jar} — so a library missing at run time fails there for both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-mqtt", "stream-processor", "kpi-publisher", "simulator"})
    void entrypointMainClassAndClasspathAreInTheImageLayers(String module) throws Exception {
        Path tarball = tarball(module);
        List<String> entrypoint = ComposeFile.iterable(OciImage.config(tarball).path("Entrypoint").elements())
                .stream().map(JsonNode::asText).toList();
        OciImage.Layers layers = OciImage.layers(tarball, path -> path.startsWith("app/jib-"));

        String mainClass = entrypoint.get(entrypoint.size() - 1);
        assertThat(layers.paths()).contains("app/classes/" + mainClass.replace('.', '/') + ".class");

        int option = Math.max(entrypoint.indexOf("-cp"), entrypoint.indexOf("-classpath"));
        assertThat(option).as("classpath option in %s", entrypoint).isPositive();
        String classpath = entrypoint.get(option + 1);
        if (classpath.startsWith("@")) {
            classpath = layers.text(classpath.substring(1).replaceFirst("^/", "")).trim();
        }
        for (String element : classpath.split(":")) {
            String path = element.replaceFirst("^/", "");
            if (path.endsWith("/*")) {
                String directory = path.substring(0, path.length() - 1);
                assertThat(layers.paths()).as("jars in %s", element)
                        .anyMatch(p -> p.startsWith(directory) && p.endsWith(".jar"));
            } else {
                assertThat(layers.paths()).as("classpath element %s", element)
                        .anyMatch(p -> p.equals(path) || p.startsWith(path + "/"));
            }
        }

        Set<String> imageLibraries = layers.paths().stream().filter(p -> p.startsWith("app/libs/"))
                .map(p -> p.substring("app/libs/".length())).collect(Collectors.toSet());
        try (Stream<Path> jarLibraries = Files.list(Repo.path(module + "/target/lib"))) {
            assertThat(imageLibraries).as("the image's libraries and those of java -jar")
                    .containsExactlyInAnyOrderElementsOf(jarLibraries.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static JsonNode config(String module) {
        return OciImage.config(tarball(module));
    }

    private static Path tarball(String module) {
        Path tarball = Repo.path(module + "/target/jib-image.tar");
        if (REQUIRED) {
            assertThat(tarball).as("built by mvn -Pimages package").isRegularFile();
        } else {
            assumeThat(Files.isRegularFile(tarball)).as("image tarballs are checked with -Pimages").isTrue();
        }
        return tarball;
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
