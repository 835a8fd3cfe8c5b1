package org.straumflyt.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds native command-line tools and runs short-lived commands with a timeout. */
final class Executables {

    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin");

    private Executables() {
    }

    /**
     * Looks for an executable on {@code PATH} and in the sbin directories (which are often
     * missing from a non-root user's PATH).
     */
    static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        return dirs.stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Like {@link #find(String)} but fails with an installation hint. */
    static Path require(String name, String installHint) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "'" + name + "' is not installed (looked on PATH and in " + EXTRA_DIRS + "). Install it with: "
                        + installHint));
    }

    /**
     * Runs a command to completion in {@code workDir}.
     *
     * @return the command's combined stdout and stderr
     * @throws IllegalStateException if it fails or does not end within {@code timeout}
     */
    static String run(Path workDir, Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile(workDir, "cmd-", ".out");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException("command " + command
                        + (finished ? " exited with " + process.exitValue() : " did not finish within " + timeout)
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
