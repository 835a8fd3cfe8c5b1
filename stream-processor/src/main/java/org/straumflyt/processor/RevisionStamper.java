package org.straumflyt.processor;

import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Kpi;

/**
 * Gives each KPI upsert its revision: remembers the last value emitted per key, drops an update that changes
 * nothing, and emits a changed value with the previous revision + 1 (1 for a new key).
 */
public final class RevisionStamper<K, V extends Kpi> implements FixedKeyProcessor<K, V, V> {
    private final String storeName;
    private final BiFunction<V, Long, V> withRevision;
    private FixedKeyProcessorContext<K, V> context;
    private Revisions<K, V> revisions;

    /**
     * @param storeName    store of the last emitted value per key
     * @param withRevision the value with the given revision
     */
    public RevisionStamper(String storeName, BiFunction<V, Long, V> withRevision) {
        this.storeName = storeName;
        this.withRevision = withRevision;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
        KeyValueStore<K, V> emitted = context.getStateStore(storeName);
        this.revisions = new Revisions<>(emitted, withRevision, Kpi::revision);
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        if (record.value() == null) {
            return;
        }
        V stamped = revisions.stamp(record.key(), record.value());
        if (stamped != null) {
            context.forward(record.withValue(stamped));
        }
    }

    /**
     * The revision bookkeeping of a store of the last value emitted per key, for processors that forward the stamped
     * values themselves (records that carry a revision without being a {@link Kpi}, too).
     */
    public static final class Revisions<K, V> {
        private final KeyValueStore<K, V> emitted;
        private final BiFunction<V, Long, V> withRevision;
        private final ToLongFunction<V> revision;

        /**
         * @param emitted      store of the last emitted value per key
         * @param withRevision the value with the given revision
         * @param revision     a value's revision
         */
        public Revisions(KeyValueStore<K, V> emitted, BiFunction<V, Long, V> withRevision, ToLongFunction<V> revision) {
            this.emitted = emitted;
            this.withRevision = withRevision;
            this.revision = revision;
        }

        /**
         * Stamps a value against the last one emitted for its key: with revision 1 for a new key, else with the
         * previous revision + 1, and remembers it as emitted.
         *
         * @return the value to forward, or null when it differs from the last one emitted in nothing but its revision
         */
        public V stamp(K key, V value) {
            V before = emitted.get(key);
            long next = 1;
            if (before != null) {
                if (withRevision.apply(before, 0L).equals(withRevision.apply(value, 0L))) {
                    return null;
                }
                next = revision.applyAsLong(before) + 1;
            }
            V stamped = withRevision.apply(value, next);
            emitted.put(key, stamped);
            return stamped;
        }
    }
}
