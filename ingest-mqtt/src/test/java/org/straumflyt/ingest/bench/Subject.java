package org.straumflyt.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.straumflyt.runtime.ConfigSource;

/** A measured child JVM (the bridge or the ceiling) with /metrics, CPU time and resident memory. */
final class Subject implements AutoCloseable {
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseParallelGC",
            "-Dlog4j2.configurationFile=log4j2.xml");
    private final String name;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Subject(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code mainClass} on this JVM's classpath with the given environment; waits for /health/ready. */
    static Subject start(String name, String mainClass, List<String> args, Map<String, String> config, int port,
            Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        // e.g. -Dbench.jvm.bridge=-XX:StartFlightRecording=filename=bridge.jfr to profile one subject
        String extra = System.getProperty("bench.jvm." + name);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        config.forEach((k, v) -> builder.environment().put(ConfigSource.environmentName(k), v));
        Subject subject = new Subject(name, builder.start(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!subject.ready()) {
            if (System.nanoTime() > deadline || !subject.process.isAlive()) {
                subject.close();
                throw new IllegalStateException(name + " did not become ready; see " + log);
            }
            Thread.sleep(100);
        }
        return subject;
    }

    String name() {
        return name;
    }

    private boolean ready() {
        try {
            return http.send(request("/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String scrape() throws IOException, InterruptedException {
        return http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** CPU time the process has used so far, user + system. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident set size now and at its peak, in MiB (Linux /proc). */
    long[] rssMib() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line) / 1024;
            }
        }
        return new long[] {rss, peak};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
