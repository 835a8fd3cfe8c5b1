package org.straumflyt.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server running as a child OS process on 127.0.0.1, with its log and data in
 * {@link #directory()}. {@link #restart()} and a {@link #start()} after {@link #kill()} reuse the
 * same ports and data, so tests can crash a server and bring it back.
 *
 * <p>The child's stdout and stderr are appended to {@link #logFile()}. Instances are thread-safe.
 */
public abstract class ServerProcess implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final String name;
    private final Path directory;
    private final Path logFile;
    private Process process;
    private int starts;

    /**
     * @param name        short server name, e.g. {@code kafka}; the directory is {@code name-primaryPort}
     * @param primaryPort the port that identifies this server
     */
    protected ServerProcess(String name, int primaryPort) {
        this.name = name;
        this.directory = ServerDirs.fresh(name, primaryPort);
        this.logFile = directory.resolve(name + ".log");
    }

    /**
     * Starts the server and waits until it is ready. Does nothing if it is already running.
     *
     * @throws IllegalStateException if the server exits or is not ready within the start timeout;
     *                               the message includes the tail of its log
     */
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (process != null) {
            ended();
        }
        Instant begin = Instant.now();
        try {
            prepare(starts == 0);
            starts++;
            List<String> command = command();
            appendToLog("==== test harness: starting " + name + " at " + begin + ": " + String.join(" ", command));
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " in " + directory, e);
        }
        LiveProcesses.add(process);
        awaitReady();
        appendToLog("==== test harness: " + name + " ready after " + Duration.between(begin, Instant.now()).toMillis()
                + " ms (pid " + process.pid() + ")");
    }

    /** Stops the server gracefully (SIGTERM, then SIGKILL after the stop timeout). Does nothing if it is not running. */
    public final synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitForExit(stopTimeout())) {
            appendToLog("==== test harness: " + name + " did not stop within " + stopTimeout() + ", killing it");
            process.destroyForcibly();
            waitForExit(stopTimeout());
        }
        ended();
    }

    /** Kills the server with SIGKILL, like a crash, and waits until the process is gone. */
    public final synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(stopTimeout());
        ended();
    }

    /** Stops the server gracefully and starts it again on the same ports with the same data. */
    public final synchronized void restart() {
        stop();
        start();
    }

    /**
     * Tells whether the server process is alive.
     *
     * @return {@code true} if the child process runs
     */
    public final synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * The process id of the running server, e.g. for diagnostics.
     *
     * @return the pid
     * @throws IllegalStateException if the server is not running
     */
    public final synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /**
     * The server's log file (its stdout and stderr plus harness markers).
     *
     * @return the log file path
     */
    public final Path logFile() {
        return logFile;
    }

    /**
     * The directory holding this server's configuration, data and log.
     *
     * @return the server directory
     */
    public final Path directory() {
        return directory;
    }

    /**
     * The short name of this server, e.g. {@code kafka}.
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    /** Stops the server and releases client resources; the directory is kept for inspection. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + directory.getFileName() + (isRunning() ? ", running" : "") + "]";
    }

    /**
     * Starts {@code server}, closing it if the start fails (so no client threads leak).
     *
     * @param server a new server
     * @param <T>    the server type
     * @return the running server
     */
    protected static <T extends ServerProcess> T started(T server) {
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            try {
                server.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Writes configuration files (and on the first start initialises data) before each start.
     *
     * @param firstStart whether this is the first start of this instance
     * @throws IOException if a file cannot be written
     */
    protected abstract void prepare(boolean firstStart) throws IOException;

    /**
     * The command that runs the server in the foreground.
     *
     * @return the command line
     */
    protected abstract List<String> command();

    /**
     * One readiness probe; may throw, which counts as "not ready yet".
     *
     * @return {@code true} when the server accepts work
     * @throws Exception if the probe fails
     */
    protected abstract boolean probeReady() throws Exception;

    /**
     * How long {@link #start()} waits for readiness. Generous, because a JVM server on a busy
     * two-core machine can take 20 s to start; a server that dies fails the start at once.
     *
     * @return the start timeout
     */
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    /**
     * How long {@link #stop()} waits after SIGTERM before it kills the server.
     *
     * @return the stop timeout
     */
    protected Duration stopTimeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * Appends a line to the server's log file, e.g. output of a preparation step.
     *
     * @param line the text to append
     */
    protected final void appendToLog(String line) {
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logFile, e);
        }
    }

    /**
     * The tail of the log file, formatted for error messages.
     *
     * @return the last lines of the log
     */
    protected final String logTail() {
        return LogTail.of(logFile, LOG_TAIL_LINES);
    }

    private void awaitReady() {
        Process starting = process;
        try {
            Waits.until(name + " in " + directory + " to become ready", startTimeout(), POLL_INTERVAL, () -> {
                if (!starting.isAlive()) {
                    throw new Waits.AbortWait(name + " exited with code " + starting.exitValue() + " during startup");
                }
                return probeReady();
            }, this::logTail);
        } catch (IllegalStateException e) {
            starting.destroyForcibly();
            waitForExit(stopTimeout());
            ended();
            throw e;
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    private void ended() {
        LiveProcesses.remove(process);
        process = null;
    }
}
