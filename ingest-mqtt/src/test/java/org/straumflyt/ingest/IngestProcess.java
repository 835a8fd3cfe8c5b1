package org.straumflyt.ingest;

import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.servers.ParentWatchdog;

/**
 * ingest-mqtt as its own JVM, configured through environment variables as in production, so a test can kill it
 * with SIGKILL (no shutdown hook runs) and start it again with the same MQTT client id.
 */
final class IngestProcess implements AutoCloseable {
    private final Map<String, String> config = new TreeMap<>();
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    IngestProcess(Map<String, String> config, Path log) {
        this.config.putAll(config);
        this.log = log;
        this.httpPort = freePort();
        this.config.put("http.port", Integer.toString(httpPort));
        this.config.put("http.host", "127.0.0.1");
    }

    /** Starts the process and waits until /health/ready says it is connected to MQTT and Kafka. */
    IngestProcess start() {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:+UseSerialGC",
                // the service's own logging to stdout, not the tests' file
                "-Dlog4j2.configurationFile=log4j2.xml",
                "-cp", System.getProperty("java.class.path"), ParentWatchdog.class.getName(),
                Long.toString(ProcessHandle.current().pid()), IngestMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        config.forEach((key, value) -> builder.environment().put(ConfigSource.environmentName(key), value));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ingest-mqtt", e);
        }
        Awaitility.await("ingest-mqtt process ready (log " + log + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(this::ready);
        return this;
    }

    /** SIGKILL: no graceful shutdown, nothing flushed, nothing acknowledged. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String metrics() {
        return get("/metrics");
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("ingest-mqtt exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return http.send(request("/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String get(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path) {
        // Generous: on a loaded 2-core machine a scrape of a busy bridge can take seconds.
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(15)).build();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
