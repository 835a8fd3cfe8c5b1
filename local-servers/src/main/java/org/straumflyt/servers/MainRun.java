package org.straumflyt.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class to its end in a child JVM, on the test classpath, with exactly the given {@code STRAUMFLYT_*}
 * environment (none of the test JVM's own) and the logging configuration the service ships ({@code log4j2.xml}, not
 * the tests' one), as a user starts a service. For checks of how a service refuses to start.
 *
 * @param exitCode the child's exit code
 * @param output   what it wrote to stdout and stderr
 */
public record MainRun(int exitCode, String output) {

    /**
     * @param mainClass   the main class
     * @param environment {@code STRAUMFLYT_*} variables to set
     * @param timeout     how long it may take
     * @throws AssertionError when it has not ended within the timeout (it is then killed)
     */
    public static MainRun run(Class<?> mainClass, Map<String, String> environment, Duration timeout) {
        try {
            Path dir = Files.createTempDirectory("main-run");
            Path output = dir.resolve("output.txt");
            List<String> command = JavaCommand.of(dir.resolve("java.args"), List.of("-Xmx128m",
                    "-Dlog4j2.configurationFile=log4j2.xml"), mainClass.getName(),
                    List.of());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("STRAUMFLYT_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(mainClass.getSimpleName() + " did not end within " + timeout + ": "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new MainRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
