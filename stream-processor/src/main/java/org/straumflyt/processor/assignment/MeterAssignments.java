package org.straumflyt.processor.assignment;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Building;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.MemoizingSerde;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.processor.StateStores;

/**
 * The assignment stage: the building registry as a table, and re-keyed by meter.
 * <pre>
 * registry.buildings (table) ─▶ index by meter ─▶ meter-assignments (repartition) ─▶ meter-assignments (table)
 * </pre>
 */
public final class MeterAssignments {
    /** The registry table's store. */
    public static final String BUILDINGS = "registry-buildings";
    /** The indexer's copy of each building (a table's change stream does not carry the old value). */
    public static final String REGISTRY_STORE = "registry-previous";
    /** The repartition topic, table and store of the assignments by meter. */
    public static final String ASSIGNMENTS = "meter-assignments";
    /** Registry entries kept decoded for the meter stage's join: a large municipality's meters, and room to spare. */
    private static final int ASSIGNMENTS_DECODED = 65_536;

    private MeterAssignments() {
    }

    /**
     * The registry, as a table keyed by building id. A record whose meter trees are invalid is not applied: the
     * building's previous entry stays (see {@link ValidTreeDeserializer}).
     */
    public static KTable<String, Building> buildings(StreamsBuilder builder, Topics topics, ProcessorMetrics metrics) {
        return builder.table(topics.registryBuildings().name(),
                Consumed.with(topics.registryBuildings().keySerde(),
                                ValidTreeDeserializer.serde(topics.registryBuildings().valueSerde(), metrics))
                        .withName("registry-source"),
                Materialized.<String, Building, KeyValueStore<Bytes, byte[]>>as(BUILDINGS)
                        .withKeySerde(Serdes.String()).withValueSerde(topics.registryBuildings().valueSerde()));
    }

    /** Adds the index; returns each meter's registry entry as a table keyed by meter id. */
    public static KTable<String, MeterAssignment> addTo(StreamsBuilder builder, StateStores stores, Topics topics,
            KTable<String, Building> buildings) {
        builder.addStateStore(stores.keyValue(REGISTRY_STORE, Serdes.String(),
                topics.registryBuildings().valueSerde()));
        // looked up for every reading by the meter stage's join, and rarely changed: decoded once per content
        Serde<MeterAssignment> serde = new MemoizingSerde<>(new JsonSerde<>(MeterAssignment.class),
                ASSIGNMENTS_DECODED);
        return buildings.toStream(Named.as("registry-updates"))
                .process(() -> new RegistryIndexer(REGISTRY_STORE), Named.as("index-registry"), REGISTRY_STORE)
                .repartition(Repartitioned.with(Serdes.String(), serde).withName(ASSIGNMENTS))
                .toTable(Named.as(ASSIGNMENTS + "-table"), Materialized
                        .<String, MeterAssignment, KeyValueStore<Bytes, byte[]>>as(ASSIGNMENTS)
                        .withKeySerde(Serdes.String()).withValueSerde(serde));
    }
}
