package org.straumflyt.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Liveness and readiness of a service. Ready when at least one check is registered and every registered check
 * passes — a service whose checks are not registered yet is still starting, not ready; live until
 * {@link #fail(String)} says the service cannot go on (an orchestrator then restarts it).
 */
public final class Health {
    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();
    private volatile String failure;

    /** Adds a readiness check, e.g. {@code "kafka"} → the producer has a connection. */
    public Health check(String name, BooleanSupplier ready) {
        checks.put(name, ready);
        return this;
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

    /** Every check's current result, by name. */
    public Map<String, Boolean> results() {
        Map<String, Boolean> results = new TreeMap<>();
        checks.forEach((name, check) -> results.put(name, safely(check)));
        return results;
    }

    public boolean ready() {
        Map<String, Boolean> results = results();
        return live() && !results.isEmpty() && results.values().stream().allMatch(Boolean::booleanValue);
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
