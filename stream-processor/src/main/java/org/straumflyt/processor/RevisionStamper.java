package org.straumflyt.processor;

import java.util.function.BiFunction;
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
    private KeyValueStore<K, V> emitted;

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
        this.emitted = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        if (record.value() == null) {
            return;
        }
        V before = emitted.get(record.key());
        V unrevised = withRevision.apply(record.value(), 0L);
        long revision = 1;
        if (before != null) {
            if (withRevision.apply(before, 0L).equals(unrevised)) {
                return;
            }
            revision = before.revision() + 1;
        }
        V stamped = withRevision.apply(record.value(), revision);
        emitted.put(record.key(), stamped);
        context.forward(record.withValue(stamped));
    }
}
