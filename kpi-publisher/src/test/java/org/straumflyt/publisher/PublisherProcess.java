package org.straumflyt.publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.servers.ParentWatchdog;

/**
 * The publisher as a separate JVM ({@link PublisherMain}, configured through environment variables exactly as in
 * production), so a test can kill it with SIGKILL. The watchdog ends it should the test JVM die first.
 */
final class PublisherProcess implements AutoCloseable {
    private final Process process;

    private PublisherProcess(Process process) {
        this.process = process;
    }

    static PublisherProcess start(Map<String, String> settings, Path log) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m",
                "-Dlog4j2.configurationFile=log4j2.xml", "-cp", System.getProperty("java.class.path"),
                ParentWatchdog.class.getName(), Long.toString(ProcessHandle.current().pid()),
                PublisherMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith(ConfigSource.ENV_PREFIX));
        settings.forEach((key, value) -> builder.environment().put(ConfigSource.environmentName(key), value));
        try {
            Files.createDirectories(log.getParent());
            return new PublisherProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the publisher process", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, like a crash or an OOM kill: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
