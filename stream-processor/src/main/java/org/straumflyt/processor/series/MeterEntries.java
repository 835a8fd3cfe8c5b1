package org.straumflyt.processor.series;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.wire.Json;
import org.straumflyt.processor.assignment.MeterAssignment;

/**
 * What the meter store holds about a whole meter rather than one of its registers: the registry entry the meter
 * stage last applied, and which registers have state.
 */
public final class MeterEntries {
    private final KeyValueStore<Bytes, byte[]> store;
    private final String meterId;
    private final Bytes assignmentKey;

    public MeterEntries(KeyValueStore<Bytes, byte[]> store, String meterId) {
        this.store = store;
        this.meterId = meterId;
        this.assignmentKey = new SeriesKeys(meterId, "").key(SeriesKeys.ASSIGNMENT, 0);
    }

    /** The registry entry last applied, or {@code null}. */
    public MeterAssignment assignment() {
        byte[] bytes = store.get(assignmentKey);
        return bytes == null ? null : Json.fromBytes(bytes, MeterAssignment.class);
    }

    public void putAssignment(MeterAssignment assignment) {
        if (assignment == null) {
            store.delete(assignmentKey);
        } else {
            store.put(assignmentKey, Json.toBytes(assignment));
        }
    }

    /**
     * The registers with state, found by skipping from one register's keys to the next: one short range scan per
     * register, however many readings each holds.
     */
    public List<String> registers() {
        List<String> registers = new ArrayList<>();
        Bytes from = SeriesKeys.meterFirst(meterId);
        Bytes to = SeriesKeys.meterLast(meterId);
        while (true) {
            Bytes next;
            try (KeyValueIterator<Bytes, byte[]> it = store.range(from, to)) {
                if (!it.hasNext()) {
                    return registers;
                }
                next = it.next().key;
            }
            String register = SeriesKeys.registerOf(next);
            if (!register.isEmpty()) {
                registers.add(register);
            }
            from = new SeriesKeys(meterId, register).afterSeries();
        }
    }

    /** Every key of this meter in a store laid out like the meter store (the pending store). */
    public static List<Bytes> keysIn(KeyValueStore<Bytes, byte[]> other, String meterId) {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = other.range(SeriesKeys.meterFirst(meterId),
                SeriesKeys.meterLast(meterId))) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
