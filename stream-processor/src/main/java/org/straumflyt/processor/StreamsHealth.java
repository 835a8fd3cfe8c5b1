package org.straumflyt.processor;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.straumflyt.runtime.Health;

/**
 * The health of one Kafka Streams application: ready while {@code RUNNING}, with the state and what it waits for as
 * the reason; no longer live once it is in {@code PENDING_ERROR} or {@code ERROR}, or {@code NOT_RUNNING} without
 * having been asked to stop — states it never leaves by itself, so only a restart brings it back.
 */
final class StreamsHealth implements KafkaStreams.StateListener {
    private final String name;
    private final Health health;
    private volatile State state = State.CREATED;
    private volatile String lastError;
    private volatile boolean closing;

    /**
     * @param name the check's name, e.g. {@code kafka-streams}
     */
    StreamsHealth(String name, Health health) {
        this.name = name;
        this.health = health;
    }

    /** Follows {@code streams}' state and registers the readiness check; call before {@code streams.start()}. */
    static StreamsHealth watch(String name, KafkaStreams streams, Health health) {
        StreamsHealth watch = new StreamsHealth(name, health);
        streams.setStateListener(watch);
        health.check(name, watch::status);
        return watch;
    }

    @Override
    public void onChange(State newState, State oldState) {
        state = newState;
        boolean failed = newState == State.PENDING_ERROR || newState == State.ERROR
                || newState == State.NOT_RUNNING && !closing;
        if (failed) {
            health.fail(name + " is " + newState + (lastError == null ? "" : " after " + lastError));
        }
    }

    /** A stream thread failed with {@code error}; the reasons from now on name it and its root cause. */
    void threadFailed(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        lastError = root == error ? error.toString() : error.getClass().getName() + " caused by " + root;
    }

    /** The service is stopping it: {@code NOT_RUNNING} is expected from now on. */
    void closing() {
        closing = true;
    }

    Health.Status status() {
        State current = state;
        String error = lastError == null ? "" : "; last stream thread failure: " + lastError;
        return switch (current) {
            case RUNNING -> Health.Status.up("RUNNING" + error);
            case CREATED -> Health.Status.down("CREATED: not started yet");
            case REBALANCING -> Health.Status.down("REBALANCING: waiting for its partitions and for their state to "
                    + "be restored" + error);
            default -> Health.Status.down(current + error);
        };
    }
}
