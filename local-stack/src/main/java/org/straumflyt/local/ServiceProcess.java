package org.straumflyt.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One straumflyt service as a child JVM, configured through environment variables as in production, its output in
 * a log file, and watched by {@code ParentWatchdog} so it never outlives the stack.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final String LOOPBACK = "127.0.0.1";

    private final String name;
    private final int httpPort;
    private final ProcessBuilder builder;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int httpPort, ProcessBuilder builder, Path log) {
        this.name = name;
        this.httpPort = httpPort;
        this.builder = builder;
        this.log = log;
    }

    /** Starts {@code mainClass} from {@code classpath} with the given environment. */
    public static ServiceProcess start(String name, String mainClass, String classpath, int httpPort,
            Map<String, String> environment, Path logDir) {
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", classpath, "org.straumflyt.servers.ParentWatchdog",
                String.valueOf(ProcessHandle.current().pid()), mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("STRAUMFLYT_HTTP_PORT", String.valueOf(httpPort));
        // /health and /metrics have no authentication: on this machine only.
        builder.environment().put("STRAUMFLYT_HTTP_HOST", LOOPBACK);
        ServiceProcess service = new ServiceProcess(name, httpPort, builder, log);
        service.start();
        return service;
    }

    /**
     * Starts {@code java -jar jar} as an operator runs a shipped service: no JVM options, no classpath, configured
     * only through {@code environment} (inherited {@code STRAUMFLYT_*} variables are dropped). Unlike
     * {@link #start(String, String, String, int, Map, Path)} it has no parent watchdog: close it.
     */
    public static ServiceProcess startJar(String name, Path jar, int httpPort, Map<String, String> environment,
            Path logDir) {
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("STRAUMFLYT_"));
        builder.environment().putAll(environment);
        builder.environment().put("STRAUMFLYT_HTTP_PORT", String.valueOf(httpPort));
        ServiceProcess service = new ServiceProcess(name, httpPort, builder, log);
        service.start();
        return service;
    }

    /** Starts it (again) with the same command, environment and log. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGTERM, as an orchestrator stops a service; returns at once (see {@link #awaitExit(Duration)}). */
    public synchronized void terminate() {
        process.destroy();
    }

    /** Waits until the process has exited; its exit code, or empty if it still runs after the timeout. */
    public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        Process current;
        synchronized (this) {
            current = process;
        }
        return current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(current.exitValue())
                : Optional.empty();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed — a crash. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until {@code /health/ready} answers 200. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/health/ready"))).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    public String name() {
        return name;
    }

    public String url(String path) {
        return "http://" + LOOPBACK + ":" + httpPort + path;
    }

    public Path log() {
        return log;
    }

    /** The operating-system process id of the running JVM (for /proc readings of CPU time and memory). */
    public synchronized long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the timeout. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The {@code java} launcher of the running JVM. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
