package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.straumflyt.local.LocalStack;
import org.straumflyt.local.ServiceProcess;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.Ports;
import org.straumflyt.servers.TestServers;

/**
 * Every runnable as it ships: {@code java -jar <module>/target/<jar>}, configured only through environment variables,
 * against the real test servers. The jars are those {@code mvn package} built in this reactor, so run it with
 * {@code verify} ({@code ./straumflyt test} does).
 */
class ShippedJarsTest {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** SIGTERM ends a JVM with 128 + 15 after its shutdown hooks ran. */
    private static final int EXIT_ON_SIGTERM = 143;
    private static final Path RUNS = Path.of("target", "jar-runs").toAbsolutePath();

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void createRunDirectory() throws IOException {
        Files.createDirectories(RUNS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-mqtt", "stream-processor", "kpi-publisher", "dashboard"})
    void aServiceStartsFromItsJarBecomesReadyAndStopsCleanlyOnSigterm(String module) throws Exception {
        Map<String, String> environment = environment(module);
        try (ServiceProcess service = ServiceProcess.startJar(module, jar(module), Ports.freePort(),
                environment, runDirectory(module))) {
            service.awaitReady(READY_TIMEOUT);
            HttpResponse<String> health = get(service, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"kafka-connection\":{\"status\":\"UP\"");
            if (module.equals("dashboard")) {
                // the page's store answers, and the page itself is served
                assertThat(health.body()).contains("\"store\":{\"status\":\"UP\"");
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.get("STRAUMFLYT_WEB_PORT") + "/")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }

            service.terminate();

            assertThat(service.awaitExit(Duration.ofSeconds(60))).as("exit code of %s after SIGTERM", module)
                    .contains(EXIT_ON_SIGTERM);
            assertThat(Files.readString(service.log())).contains(module + " stopping", module + " stopped")
                    .doesNotContain("did not stop cleanly");
        }
    }

    @Test
    void theDashboardWithoutItsRegistryIsReadyWithoutKafka() throws Exception {
        Map<String, String> environment = environment("dashboard");
        environment.put("STRAUMFLYT_REGISTRY_ENABLED", "false");
        environment.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Ports.freePort());
        try (ServiceProcess service = ServiceProcess.startJar("dashboard", jar("dashboard"), Ports.freePort(),
                environment, runDirectory("dashboard-no-registry"))) {
            service.awaitReady(READY_TIMEOUT);
            HttpResponse<String> health = get(service, "/health");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"store\":{\"status\":\"UP\"").doesNotContain("kafka-connection");
        }
    }

    @Test
    void aServiceThatCannotStartExitsNonZeroAtOnce() throws Exception {
        Map<String, String> environment = environment("ingest-mqtt");
        // TLS to the broker with a CA file that is not there: the service cannot start.
        environment.put("STRAUMFLYT_MQTT_SERVER_URI", "ssl://127.0.0.1:" + Ports.freePort());
        environment.put("STRAUMFLYT_MQTT_TLS_CA_LOCATION", RUNS.resolve("no-such-ca.pem").toString());
        try (ServiceProcess service = ServiceProcess.startJar("ingest-mqtt", jar("ingest-mqtt"), Ports.freePort(),
                environment, runDirectory("ingest-mqtt-bad-ca"))) {
            Optional<Integer> exit = service.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).as("ingest-mqtt exits instead of serving /health forever").isPresent();
            assertThat(exit.get()).isNotZero();
            assertThat(Files.readString(service.log())).contains("no-such-ca.pem");
        }
    }

    @Test
    void whileKafkaIsUnreachableOneLineNamesTheServersAndTheSetting() throws Exception {
        String closed = "127.0.0.1:" + Ports.freePort();
        Map<String, String> environment = environment("stream-processor");
        environment.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", closed);
        // Past topic creation, so that every Kafka client of the processor tries to connect.
        environment.put("STRAUMFLYT_TOPIC_CREATE", "false");
        try (ServiceProcess service = ServiceProcess.startJar("stream-processor", jar("stream-processor"),
                Ports.freePort(), environment, runDirectory("stream-processor-no-kafka"))) {
            String report = "Kafka at " + closed + " unreachable for";
            awaitLog(service, report, Duration.ofSeconds(60));
            int reported = Files.readString(service.log()).length();
            TimeUnit.SECONDS.sleep(5);

            HttpResponse<String> health = get(service, "/health");
            String log = Files.readString(service.log());
            List<String> reports = log.lines().filter(line -> line.contains(report)).toList();
            List<String> since = log.substring(reported).lines().filter(line -> line.contains(" WARN ")).toList();

            assertThat(log.lines()).noneMatch(line -> line.contains("NetworkClient"));
            assertThat(reports).hasSize(1).allMatch(line -> line.contains(" WARN ")
                    && line.contains("check STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(since).as("warnings in the 5 s after the report").isEmpty();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"kafka-connection\":{\"status\":\"DOWN\",\"reason\":\"" + report,
                    "\"kafka-streams\":{\"status\":\"DOWN\",\"reason\":\"");
            assertThat(get(service, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ingest-mqtt, --help, STRAUMFLYT_MQTT_SERVER_URI",
        "stream-processor, --help, STRAUMFLYT_STATE_DIR",
        "kpi-publisher, --help, STRAUMFLYT_INFLUX_URL",
        "dashboard, --help, STRAUMFLYT_STORE_URL",
        "tools, --help, weather-import",
        "tools, open-data-export --help, usage: straumflyt-tools open-data-export",
        "simulator, --help, usage: simulator publish",
    })
    void helpRunsFromTheJar(String module, String arguments, String expected) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-jar",
                jar(module).toString()));
        command.addAll(List.of(arguments.split(" ")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(expected);
    }

    /** What each service needs from an operator to run against the test servers. */
    private static Map<String, String> environment(String module) {
        KafkaBroker kafka = TestServers.kafka();
        String run = module + "-" + System.nanoTime();
        Map<String, String> env = new HashMap<>();
        env.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("STRAUMFLYT_TOPIC_PREFIX", "jar-" + run + ".");
        env.put("STRAUMFLYT_TOPIC_PARTITIONS", "1");
        switch (module) {
            case "ingest-mqtt" -> {
                env.putAll(LocalStack.ingestRoutes(TestServers.mosquitto().uri()));
                env.put("STRAUMFLYT_MQTT_CLIENT_ID", "jar-" + run);
            }
            case "stream-processor" -> {
                env.put("STRAUMFLYT_APPLICATION_ID", "jar-" + run);
                env.put("STRAUMFLYT_STATE_DIR", runDirectory(module).resolve("kafka-streams").toString());
            }
            case "kpi-publisher" -> {
                env.put("STRAUMFLYT_INFLUX_URL", TestServers.questDb().httpUrl());
                env.put("STRAUMFLYT_GROUP_ID", "jar-" + run);
            }
            case "dashboard" -> {
                env.put("STRAUMFLYT_STORE_URL", TestServers.questDb().httpUrl());
                env.put("STRAUMFLYT_WEB_PORT", String.valueOf(Ports.freePort()));
            }
            default -> throw new IllegalArgumentException(module);
        }
        return env;
    }

    /** {@code <module>/target/straumflyt-<module>-<version>.jar}, as {@code mvn package} leaves it. */
    private static Path jar(String module) {
        Path jar = Path.of("..", module, "target",
                "straumflyt-" + module + "-" + System.getProperty("straumflyt.version") + ".jar").toAbsolutePath()
                .normalize();
        assertThat(jar).as("the packaged jar (run mvn verify, which packages every module first)").isRegularFile();
        return jar;
    }

    /** A fresh directory per run, so a log never holds an earlier run's lines. */
    private static Path runDirectory(String name) {
        try {
            return Files.createDirectories(RUNS.resolve(name + "-" + System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitLog(ServiceProcess service, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(service.log()).contains(text)) {
            assertThat(System.nanoTime()).as("'%s' in %s within %s", text, service.log(), timeout)
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private HttpResponse<String> get(ServiceProcess service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
