package org.straumflyt.processor.building;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.RevisionStamper;
import org.straumflyt.processor.StateStores;

/**
 * The building-hour stage: kpi.meter-hourly as a table, grouped by the building each meter-hour names and by hour,
 * joined with the registry.
 * <pre>
 * kpi.meter-hourly (table) ─▶ group by building+hour ─▶ join registry ─▶ kpi.building-hourly
 * </pre>
 * The meter stage names the meter's current building and re-emits the hours it still holds when the registry moves
 * the meter, and the grouped table hands the aggregate each record's old value to retract and new value to add: a
 * correction, or a meter that is registered, moved or removed, is followed exactly and never counted twice.
 *
 * <p>The same stage, with its own stores and node names, builds kpi.building-quarter-hourly from
 * kpi.meter-quarter-hourly ({@link #addQuartersTo}): the same aggregate in whole µWh, so a building-hour's energy is
 * exactly the sum of its four building-quarters' whenever each meter-hour is the sum of its quarters.
 */
public final class BuildingHourStage {
    public static final String METER_HOURS = "meter-hours";
    public static final String BUILDING_HOUR_AGGREGATES = "building-hour-aggregates";
    public static final String BUILDING_HOURS_EMITTED = "building-hours-emitted";
    public static final String BUILDING_HOUR_VIEWS = "building-hour-views";

    /** The stores and node names of one instance of the stage (those of the hours never change: upgrades). */
    private record Names(String meterTable, String aggregates, String emitted, String views, String source,
            String group, String aggregate, String registry, String changes, String present, String value,
            String revision, String sink) {
    }

    private static final Names HOURS = new Names(METER_HOURS, BUILDING_HOUR_AGGREGATES, BUILDING_HOURS_EMITTED,
            BUILDING_HOUR_VIEWS, "meter-hourly-source", "building-hour-group", "building-hour-aggregate",
            "building-hour-registry", "building-hour-changes", "building-hour-present", "building-hour-value",
            "building-hour-revision", "building-hourly-sink");
    private static final Names QUARTERS = new Names("meter-quarter-hours", "building-quarter-aggregates",
            "building-quarters-emitted", "building-quarter-views", "meter-quarter-hourly-source",
            "building-quarter-group", "building-quarter-aggregate", "building-quarter-registry",
            "building-quarter-changes", "building-quarter-present", "building-quarter-value",
            "building-quarter-revision", "building-quarter-hourly-sink");

    private BuildingHourStage() {
    }

    /** Adds the stage; returns the building-hours with their building's registry entry. */
    public static KTable<BuildingHourKey, BuildingHourView> addTo(StreamsBuilder builder, StateStores stores,
            Topics topics, KTable<String, Building> buildings) {
        return addTo(builder, stores, topics.meterHourly(), topics.buildingHourly(), HOURS, buildings);
    }

    /**
     * Adds the stage for quarter-hours: kpi.meter-quarter-hourly to kpi.building-quarter-hourly, grouped by building
     * and quarter (keys are UTC instants, so the repeated local hour of an autumn day keeps its quarters apart).
     */
    public static KTable<BuildingHourKey, BuildingHourView> addQuartersTo(StreamsBuilder builder,
            StateStores stores, Topics topics, KTable<String, Building> buildings) {
        return addTo(builder, stores, topics.meterQuarterHourly(), topics.buildingQuarterHourly(), QUARTERS,
                buildings);
    }

    private static KTable<BuildingHourKey, BuildingHourView> addTo(StreamsBuilder builder, StateStores stores,
            Topic<MeterHourKey, MeterHour> meterHourly, Topic<BuildingHourKey, BuildingHour> buildingHourly,
            Names names, KTable<String, Building> buildings) {
        JsonSerde<BuildingHourKey> keySerde = JsonSerde.buildingHourKey();
        JsonSerde<BuildingHourAggregate> aggSerde = new JsonSerde<>(BuildingHourAggregate.class);
        KTable<MeterHourKey, MeterHour> meterHours = builder
                .table(meterHourly.name(), Consumed.with(meterHourly.keySerde(), meterHourly.valueSerde())
                        .withName(names.source()), Materialized
                        .<MeterHourKey, MeterHour, KeyValueStore<Bytes, byte[]>>as(names.meterTable())
                        .withKeySerde(meterHourly.keySerde()).withValueSerde(meterHourly.valueSerde()));
        KTable<BuildingHourKey, BuildingHourAggregate> aggregates = meterHours
                .groupBy((key, hour) -> KeyValue.pair(new BuildingHourKey(buildingOf(hour), hour.hourStart()), hour),
                        Grouped.with(names.group(), keySerde, meterHourly.valueSerde()))
                .aggregate(BuildingHourAggregate::empty,
                        (key, hour, agg) -> agg.add(key.buildingId(), hour),
                        (key, hour, agg) -> agg.retract(key.buildingId(), hour),
                        Named.as(names.aggregate()),
                        Materialized.<BuildingHourKey, BuildingHourAggregate, KeyValueStore<Bytes, byte[]>>as(
                                names.aggregates()).withKeySerde(keySerde).withValueSerde(aggSerde));
        builder.addStateStore(stores.keyValue(names.emitted(), keySerde, buildingHourly.valueSerde()));
        KTable<BuildingHourKey, BuildingHourView> views = aggregates.leftJoin(buildings,
                BuildingHourAggregate::buildingId, BuildingHours::view, TableJoined.as(names.registry()),
                Materialized.<BuildingHourKey, BuildingHourView, KeyValueStore<Bytes, byte[]>>as(names.views())
                        .withKeySerde(keySerde).withValueSerde(new JsonSerde<>(BuildingHourView.class)));
        views.toStream(Named.as(names.changes()))
                .filter((k, v) -> v != null, Named.as(names.present()))
                .mapValues(BuildingHourView::hour, Named.as(names.value()))
                .processValues(() -> new RevisionStamper<>(names.emitted(), BuildingHours::withRevision),
                        Named.as(names.revision()), names.emitted())
                .to(buildingHourly.name(), Produced.with(buildingHourly.keySerde(), buildingHourly.valueSerde())
                        .withName(names.sink()));
        return views;
    }

    private static String buildingOf(MeterHour hour) {
        return hour.buildingId() == null ? BuildingHour.UNASSIGNED : hour.buildingId();
    }
}
