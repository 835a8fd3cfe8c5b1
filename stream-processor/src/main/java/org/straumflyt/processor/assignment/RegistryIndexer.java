package org.straumflyt.processor.assignment;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Building;
import org.straumflyt.model.MeterSpec;

/**
 * Re-keys the building registry by meter: for each building update it emits the assignment of each of its meters,
 * and a tombstone for each meter the building no longer lists (it remembers the previous version for that). A
 * meter whose entry is unchanged is not emitted again: every assignment change re-attributes all of that meter's
 * hours downstream, so a building republished with, say, a new heated area must not touch its meters.
 */
public final class RegistryIndexer implements Processor<String, Building, String, MeterAssignment> {
    private final String storeName;
    private ProcessorContext<String, MeterAssignment> context;
    private KeyValueStore<String, Building> previous;

    public RegistryIndexer(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, MeterAssignment> context) {
        this.context = context;
        this.previous = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Building> record) {
        if (record.key() == null) {
            return;
        }
        Building before = previous.get(record.key());
        Building after = record.value();
        Set<String> kept = new HashSet<>();
        if (after != null) {
            Set<MeterSpec> unchanged = before == null ? Set.of() : new HashSet<>(before.meters());
            for (MeterSpec meter : after.meters()) {
                kept.add(meter.meterId());
                if (unchanged.contains(meter)) {
                    continue;
                }
                context.forward(record.withKey(meter.meterId())
                        .withValue(new MeterAssignment(after.buildingId(), meter)));
            }
            previous.put(record.key(), after);
        } else {
            previous.delete(record.key());
        }
        if (before != null) {
            before.meters().stream().map(MeterSpec::meterId).filter(id -> !kept.contains(id))
                    .forEach(id -> context.forward(record.withKey(id).withValue(null)));
        }
    }
}
