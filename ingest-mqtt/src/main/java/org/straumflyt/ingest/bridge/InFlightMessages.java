package org.straumflyt.ingest.bridge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * MQTT messages received on the current connection and not yet acknowledged, in arrival order. A message becomes
 * acknowledgeable when Kafka has confirmed all its records; acknowledgements go out in arrival order, as MQTT 5
 * (§4.6) asks of PUBACKs. When the connection is lost, everything in flight is released: the broker redelivers it
 * on the next connection of the persistent session.
 */
final class InFlightMessages {

    /** One message in flight. Its mutable fields are guarded by the enclosing instance's lock. */
    static final class Message {
        final int mqttId;
        final int qos;
        final long arrivalNanos;
        private int remainingRecords;
        private boolean confirmed;
        private boolean released;
        private Exception failure;

        Message(int mqttId, int qos, long arrivalNanos, int records) {
            this.mqttId = mqttId;
            this.qos = qos;
            this.arrivalNanos = arrivalNanos;
            this.remainingRecords = records;
        }
    }

    /**
     * What confirming one record changed.
     *
     * @param messageConfirmed whether it was the message's last record (and the message was not released)
     * @param acknowledgeable  messages now at the head of the queue and confirmed: acknowledge them in this order
     */
    record Progress(boolean messageConfirmed, List<Message> acknowledgeable) {
    }

    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private long generation;

    /** The connection generation; it changes whenever in-flight messages are released. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Tracks a message that arrived in {@code arrivalGeneration}.
     *
     * @return the tracked message, or {@code null} if its connection was lost meanwhile (it will be redelivered)
     */
    synchronized Message add(int mqttId, int qos, long arrivalNanos, int records, long arrivalGeneration) {
        if (arrivalGeneration != generation) {
            return null;
        }
        Message message = new Message(mqttId, qos, arrivalNanos, records);
        queue.addLast(message);
        return message;
    }

    /** Kafka confirmed one of the message's records. */
    synchronized Progress recordConfirmed(Message message) {
        message.remainingRecords--;
        if (message.remainingRecords > 0) {
            return new Progress(false, List.of());
        }
        return complete(message);
    }

    /**
     * Kafka refused one of the message's records for good. The message still completes (and is acknowledged in its
     * turn), so that it cannot hold back the messages after it; {@link #failure(Message)} then says why.
     */
    synchronized Progress recordFailed(Message message, Exception error) {
        if (message.failure == null) {
            message.failure = error;
        }
        return recordConfirmed(message);
    }

    /** The first final error of one of the message's records, or {@code null}. */
    synchronized Exception failure(Message message) {
        return message.failure;
    }

    /** When the oldest message not yet acknowledged arrived ({@link System#nanoTime()}), or {@code null} if none. */
    synchronized Long oldestArrivalNanos() {
        Message head = queue.peekFirst();
        return head == null ? null : head.arrivalNanos;
    }

    /** A message without records (nothing to meter) is done as soon as it is tracked; it still waits its turn. */
    synchronized Progress nothingToConfirm(Message message) {
        message.remainingRecords = 0;
        return complete(message);
    }

    private Progress complete(Message message) {
        message.confirmed = true;
        if (message.released) {
            return new Progress(false, List.of());
        }
        List<Message> ready = new ArrayList<>();
        while (!queue.isEmpty() && queue.peekFirst().confirmed) {
            ready.add(queue.pollFirst());
        }
        return new Progress(true, ready);
    }

    /** Whether the message still waits for Kafka on the current connection. */
    synchronized boolean wanted(Message message) {
        return !message.released;
    }

    /**
     * Gives up everything in flight because the connection is gone.
     *
     * @return how many messages were released unconfirmed
     */
    synchronized int releaseAll() {
        generation++;
        int unconfirmed = 0;
        for (Message m : queue) {
            m.released = true;
            if (!m.confirmed) {
                unconfirmed++;
            }
        }
        queue.clear();
        return unconfirmed;
    }

    /** Messages received and not yet acknowledged. */
    synchronized int size() {
        return queue.size();
    }
}
