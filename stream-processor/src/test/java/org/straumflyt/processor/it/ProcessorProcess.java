package org.straumflyt.processor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.straumflyt.processor.ProcessorMain;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.servers.ParentWatchdog;

/** The stream processor as a real child JVM (configured through its environment), which a test can SIGKILL. */
final class ProcessorProcess implements AutoCloseable {
    private final Process process;

    private ProcessorProcess(Process process) {
        this.process = process;
    }

    static ProcessorProcess start(Map<String, String> settings, Path log) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
                "-Dlog4j2.configurationFile=log4j2.xml",
                "-cp", System.getProperty("java.class.path"),
                ParentWatchdog.class.getName(), Long.toString(ProcessHandle.current().pid()),
                ProcessorMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        settings.forEach((key, value) -> builder.environment().put(ConfigSource.environmentName(key), value));
        try {
            return new ProcessorProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stream processor", e);
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
