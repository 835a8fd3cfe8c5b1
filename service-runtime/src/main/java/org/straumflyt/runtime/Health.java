package org.straumflyt.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Liveness and readiness of a service, each check with a reason. Ready when the service has finished starting, at
 * least one check is registered and every check is up — a service whose checks are not registered yet is still
 * starting, not ready; live until {@link #fail(String)} says the service cannot go on (an orchestrator then restarts
 * it).
 */
public final class Health {
    /** The pseudo-check that is down, saying what the service waits for, until {@link #started()}. */
    public static final String STARTUP = "startup";

    private final Map<String, Supplier<Status>> checks = new ConcurrentHashMap<>();
    private volatile String failure;
    private volatile String startingStep;

    /**
     * The result of one check: up or down, and why, in words an operator can act on (which server, which setting).
     */
    public record Status(boolean up, String reason) {
        public static Status up(String reason) {
            return new Status(true, reason);
        }

        public static Status down(String reason) {
            return new Status(false, reason);
        }
    }

    /** Adds a readiness check, e.g. {@code "kafka"} → up while the producer has a connection, else why not. */
    public Health check(String name, Supplier<Status> check) {
        checks.put(name, check);
        return this;
    }

    /** The service is starting (its launcher says so): not ready until {@link #started()}. */
    public void starting() {
        startingStep = "starting";
    }

    /**
     * Says what a starting service waits for, e.g. "Kafka at host:9092 to create topics"; does nothing once it has
     * started (or when no launcher said it is starting, as in tests that start a service directly).
     */
    public void waitingFor(String what) {
        if (startingStep != null) {
            startingStep = "waiting for " + what;
        }
    }

    /** The service has started; from now on its checks alone decide readiness. */
    public void started() {
        startingStep = null;
    }

    /** Marks the service as no longer live, with the reason. */
    public void fail(String reason) {
        failure = reason;
    }

    public boolean live() {
        return failure == null;
    }

    /** The reason the service is not live, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** Every check's current status by name, with {@value #STARTUP} while the service starts. */
    public Map<String, Status> statuses() {
        Map<String, Status> statuses = new TreeMap<>();
        checks.forEach((name, check) -> statuses.put(name, safely(check)));
        String step = startingStep;
        if (step != null) {
            statuses.put(STARTUP, Status.down(step));
        }
        return statuses;
    }

    /** Every check's current result (up or not), by name. */
    public Map<String, Boolean> results() {
        Map<String, Boolean> results = new TreeMap<>();
        statuses().forEach((name, status) -> results.put(name, status.up()));
        return results;
    }

    public boolean ready() {
        return ready(statuses());
    }

    /** Whether a service with these statuses is ready: live, at least one check, every check up. */
    boolean ready(Map<String, Status> statuses) {
        return live() && !statuses.isEmpty() && statuses.values().stream().allMatch(Status::up);
    }

    private static Status safely(Supplier<Status> check) {
        try {
            Status status = check.get();
            return status == null ? Status.down("no status") : status;
        } catch (RuntimeException e) {
            return Status.down("check failed: " + e);
        }
    }
}
