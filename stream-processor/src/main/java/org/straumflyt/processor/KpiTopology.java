package org.straumflyt.processor;

import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.JsonSerde;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.building.BuildingHourAggregate;
import org.straumflyt.processor.building.BuildingHours;
import org.straumflyt.processor.metering.AssignedReading;
import org.straumflyt.processor.metering.DecodedReading;
import org.straumflyt.processor.metering.MeterAssignment;
import org.straumflyt.processor.metering.MeterHourProcessor;
import org.straumflyt.processor.metering.MeterOutput;
import org.straumflyt.processor.metering.MeteringRules;
import org.straumflyt.processor.metering.ReadingDecoder;
import org.straumflyt.processor.metering.RegistryIndexer;

/**
 * The stream processor's topology, built from the topics and the metering rules:
 * <pre>
 * registry.buildings ─▶ index by meter ─▶ meter-assignments (table)
 * readings ─▶ decode ─┬─▶ bad: readings.dlq
 *                     └─▶ join assignment ─▶ meter stage ─┬─▶ kpi.meter-hourly
 *                                                           └─▶ late/failed: readings.dlq
 * </pre>
 * Internal names are explicit so that state and internal topics survive changes of the topology.
 */
public final class KpiTopology {
    public static final String METER_STORE = "meter-state";
    public static final String REGISTRY_STORE = "registry-previous";
    public static final String ASSIGNMENTS = "meter-assignments";
    public static final String BUILDINGS = "registry-buildings";
    public static final String METER_HOURS = "meter-hours";
    public static final String BUILDING_HOUR_AGGREGATES = "building-hour-aggregates";
    public static final String BUILDING_HOURS_EMITTED = "building-hours-emitted";

    private final Topics topics;
    private final MeteringRules rules;
    private final ProcessorMetrics metrics;
    private final Clock clock;

    public KpiTopology(Topics topics, MeteringRules rules, ProcessorMetrics metrics, Clock clock) {
        this.topics = topics;
        this.rules = rules;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Topology build(Properties properties) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, Building> buildings = builder.table(topics.registryBuildings().name(),
                Consumed.with(topics.registryBuildings().keySerde(), topics.registryBuildings().valueSerde())
                        .withName("registry-source"),
                Materialized.<String, Building, KeyValueStore<Bytes, byte[]>>as(BUILDINGS)
                        .withKeySerde(Serdes.String()).withValueSerde(topics.registryBuildings().valueSerde()));
        KTable<String, MeterAssignment> assignments = meterAssignments(builder, buildings);

        KStream<String, DecodedReading> decoded = builder
                .stream(topics.readings().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("readings-source"))
                .processValues(() -> new ReadingDecoder(metrics, clock), Named.as("decode-readings"));
        KStream<String, DecodedReading> good = decoded
                .split(Named.as("decoded-"))
                .branch((k, v) -> v instanceof DecodedReading.Bad, Branched.withConsumer(bad -> toDlq(bad
                        .mapValues(v -> ((DecodedReading.Bad) v).letter(), Named.as("bad-reading-letter")),
                        "bad-readings"), "bad"))
                .defaultBranch(Branched.as("ok"))
                .get("decoded-ok");

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(METER_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
        KStream<String, MeterOutput> meterOutput = good
                .mapValues(v -> ((DecodedReading.Ok) v).reading(), Named.as("ok-reading"))
                .leftJoin(assignments, AssignedReading::new, Joined
                        .<String, Reading, MeterAssignment>as("assign-meter"))
                .process(() -> new MeterHourProcessor(METER_STORE, rules, metrics, clock), Named.as("meter-stage"),
                        METER_STORE);

        meterOutput.split(Named.as("meter-"))
                .branch((k, v) -> v instanceof MeterOutput.Hour, Branched.withConsumer(hours -> hours
                        .map((k, v) -> {
                            var hour = ((MeterOutput.Hour) v).hour();
                            return KeyValue.pair(hour.key(), hour);
                        }, Named.as("meter-hour-key"))
                        .to(topics.meterHourly().name(), Produced.with(topics.meterHourly().keySerde(),
                                topics.meterHourly().valueSerde()).withName("meter-hourly-sink")), "hours"))
                .defaultBranch(Branched.withConsumer(dead -> toDlq(dead
                        .mapValues(v -> ((MeterOutput.Dead) v).letter(), Named.as("meter-letter")),
                        "meter-dead-letters"), "dead"));
        buildingHours(builder, buildings);
        return builder.build(properties);
    }

    /**
     * kpi.meter-hourly as a table, grouped by building and hour: the table hands the aggregate each revision's
     * old value to retract and new value to add, so a correction is never counted twice.
     */
    private void buildingHours(StreamsBuilder builder, KTable<String, Building> buildings) {
        var meterHourly = topics.meterHourly();
        JsonSerde<BuildingHourKey> keySerde = new JsonSerde<>(BuildingHourKey.class);
        JsonSerde<BuildingHourAggregate> aggSerde = new JsonSerde<>(BuildingHourAggregate.class);
        KTable<BuildingHourKey, BuildingHourAggregate> aggregates = builder
                .table(meterHourly.name(), Consumed.with(meterHourly.keySerde(), meterHourly.valueSerde())
                        .withName("meter-hourly-source"), Materialized
                        .<MeterHourKey, MeterHour, KeyValueStore<Bytes, byte[]>>as(METER_HOURS)
                        .withKeySerde(meterHourly.keySerde()).withValueSerde(meterHourly.valueSerde()))
                .groupBy((key, hour) -> KeyValue.pair(new BuildingHourKey(buildingOf(hour), hour.hourStart()), hour),
                        Grouped.with("building-hour-group", keySerde, meterHourly.valueSerde()))
                .aggregate(BuildingHourAggregate::empty,
                        (key, hour, agg) -> agg.add(key.buildingId(), hour),
                        (key, hour, agg) -> agg.retract(hour),
                        Named.as("building-hour-aggregate"),
                        Materialized.<BuildingHourKey, BuildingHourAggregate, KeyValueStore<Bytes, byte[]>>as(
                                BUILDING_HOUR_AGGREGATES).withKeySerde(keySerde).withValueSerde(aggSerde));
        var buildingHourly = topics.buildingHourly();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUILDING_HOURS_EMITTED),
                keySerde, buildingHourly.valueSerde()));
        aggregates
                .leftJoin(buildings, BuildingHourAggregate::buildingId, BuildingHours::of,
                        TableJoined.as("building-hour-registry"),
                        Materialized.<BuildingHourKey, BuildingHour, KeyValueStore<Bytes, byte[]>>as(
                                "building-hour-joined").withKeySerde(keySerde)
                                .withValueSerde(buildingHourly.valueSerde()))
                .toStream(Named.as("building-hour-changes"))
                .processValues(() -> new RevisionStamper<>(BUILDING_HOURS_EMITTED, BuildingHours::withRevision),
                        Named.as("building-hour-revision"), BUILDING_HOURS_EMITTED)
                .to(buildingHourly.name(), Produced.with(buildingHourly.keySerde(), buildingHourly.valueSerde())
                        .withName("building-hourly-sink"));
    }

    private static String buildingOf(MeterHour hour) {
        return hour.buildingId() == null ? BuildingHour.UNASSIGNED : hour.buildingId();
    }

    private KTable<String, MeterAssignment> meterAssignments(StreamsBuilder builder, KTable<String, Building> buildings) {
        // The indexer keeps its own copy of each building: a table's change stream does not carry the old value.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGISTRY_STORE),
                Serdes.String(), topics.registryBuildings().valueSerde()));
        JsonSerde<MeterAssignment> serde = new JsonSerde<>(MeterAssignment.class);
        return buildings.toStream(Named.as("registry-updates"))
                .process(() -> new RegistryIndexer(REGISTRY_STORE), Named.as("index-registry"), REGISTRY_STORE)
                .repartition(Repartitioned.with(Serdes.String(), serde).withName(ASSIGNMENTS))
                .toTable(Named.as(ASSIGNMENTS + "-table"), Materialized
                        .<String, MeterAssignment, KeyValueStore<Bytes, byte[]>>as(ASSIGNMENTS)
                        .withKeySerde(Serdes.String()).withValueSerde(serde));
    }

    private void toDlq(KStream<String, DeadLetter> letters, String name) {
        letters.map((k, letter) -> KeyValue.pair(letter.sourceTopic(), letter), Named.as(name + "-key"))
                .to(topics.readingsDlq().name(), Produced.with(topics.readingsDlq().keySerde(),
                        topics.readingsDlq().valueSerde()).withName(name + "-sink"));
    }
}
