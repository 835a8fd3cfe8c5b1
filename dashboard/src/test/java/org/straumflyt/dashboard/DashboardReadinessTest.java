package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * The dashboard's readiness checks what it uses: the store always, Kafka only while it reads the registry. It runs as
 * a process ({@link DashboardMain}) against a real QuestDB and a Kafka address where nothing listens.
 */
@ExtendWith(QuestDbExtension.class)
class DashboardReadinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void withoutTheRegistryItIsReadyWhileTheStoreAnswersThoughNoKafkaIsThere(QuestDbServer store,
            @TempDir Path directory) throws Exception {
        JsonNode health = healthOnceSettled(store, "false", directory, true);

        assertThat(health.get("ready").asBoolean()).as("%s", health).isTrue();
        assertThat(checkNames(health)).contains("store").doesNotContain("kafka-connection");
    }

    @Test
    void withTheRegistryItIsNotReadyWithoutKafkaAndSaysSo(QuestDbServer store, @TempDir Path directory)
            throws Exception {
        JsonNode health = healthOnceSettled(store, "true", directory, false);

        assertThat(health.get("ready").asBoolean()).as("%s", health).isFalse();
        assertThat(checkNames(health)).contains("store", "kafka-connection");
        assertThat(up(health, "kafka-connection")).as("%s", health).isFalse();
        assertThat(up(health, "store")).as("%s", health).isTrue();
    }

    /**
     * Starts the dashboard, reads {@code /health} until it is ready (or, when {@code expectReady} is false, until the
     * store check is up and the startup is over) and returns the last body.
     */
    private static JsonNode healthOnceSettled(QuestDbServer store, String registryEnabled, Path directory,
            boolean expectReady) throws Exception {
        int opsPort = freePort();
        Path output = directory.resolve("dashboard.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), DashboardMain.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        // nothing listens on the discard port
        env.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
        env.put("STRAUMFLYT_REGISTRY_ENABLED", registryEnabled);
        env.put("STRAUMFLYT_STORE_URL", store.httpUrl());
        env.put("STRAUMFLYT_HTTP_PORT", String.valueOf(opsPort));
        env.put("STRAUMFLYT_WEB_PORT", "0");
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            JsonNode last = null;
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the dashboard exited: %s", Files.readString(output)).isTrue();
                last = health(opsPort);
                if (last != null && (expectReady ? last.get("ready").asBoolean() : settledDown(last))) {
                    return last;
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
            throw new AssertionError("/health did not settle within 90 s; last: " + last + "; log: "
                    + Files.readString(output));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Started, the store up, and the Kafka check has probed at least once (it says why it is down). */
    private static boolean settledDown(JsonNode health) {
        JsonNode checks = health.get("checks");
        return checks.has("store") && up(health, "store") && checks.has("kafka-connection")
                && !checks.get("kafka-connection").get("reason").asText().startsWith("checking")
                && !checks.has("startup");
    }

    private static boolean up(JsonNode health, String check) {
        return "UP".equals(health.get("checks").get(check).get("status").asText());
    }

    private static JsonNode health(int port) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> checkNames(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.get("checks").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
