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
 */
public final class BuildingHourStage {
    public static final String METER_HOURS = "meter-hours";
    public static final String BUILDING_HOUR_AGGREGATES = "building-hour-aggregates";
    public static final String BUILDING_HOURS_EMITTED = "building-hours-emitted";
    public static final String BUILDING_HOUR_VIEWS = "building-hour-views";

    private BuildingHourStage() {
    }

    /** Adds the stage; returns the building-hours with their building's registry entry. */
    public static KTable<BuildingHourKey, BuildingHourView> addTo(StreamsBuilder builder, StateStores stores,
            Topics topics, KTable<String, Building> buildings) {
        var meterHourly = topics.meterHourly();
        JsonSerde<BuildingHourKey> keySerde = JsonSerde.buildingHourKey();
        JsonSerde<BuildingHourAggregate> aggSerde = new JsonSerde<>(BuildingHourAggregate.class);
        KTable<MeterHourKey, MeterHour> meterHours = builder
                .table(meterHourly.name(), Consumed.with(meterHourly.keySerde(), meterHourly.valueSerde())
                        .withName("meter-hourly-source"), Materialized
                        .<MeterHourKey, MeterHour, KeyValueStore<Bytes, byte[]>>as(METER_HOURS)
                        .withKeySerde(meterHourly.keySerde()).withValueSerde(meterHourly.valueSerde()));
        KTable<BuildingHourKey, BuildingHourAggregate> aggregates = meterHours
                .groupBy((key, hour) -> KeyValue.pair(new BuildingHourKey(buildingOf(hour), hour.hourStart()), hour),
                        Grouped.with("building-hour-group", keySerde, meterHourly.valueSerde()))
                .aggregate(BuildingHourAggregate::empty,
                        (key, hour, agg) -> agg.add(key.buildingId(), hour),
                        (key, hour, agg) -> agg.retract(key.buildingId(), hour),
                        Named.as("building-hour-aggregate"),
                        Materialized.<BuildingHourKey, BuildingHourAggregate, KeyValueStore<Bytes, byte[]>>as(
                                BUILDING_HOUR_AGGREGATES).withKeySerde(keySerde).withValueSerde(aggSerde));
        var buildingHourly = topics.buildingHourly();
        builder.addStateStore(stores.keyValue(BUILDING_HOURS_EMITTED, keySerde, buildingHourly.valueSerde()));
        KTable<BuildingHourKey, BuildingHourView> views = aggregates.leftJoin(buildings,
                BuildingHourAggregate::buildingId, BuildingHours::view, TableJoined.as("building-hour-registry"),
                Materialized.<BuildingHourKey, BuildingHourView, KeyValueStore<Bytes, byte[]>>as(BUILDING_HOUR_VIEWS)
                        .withKeySerde(keySerde).withValueSerde(new JsonSerde<>(BuildingHourView.class)));
        views.toStream(Named.as("building-hour-changes"))
                .filter((k, v) -> v != null, Named.as("building-hour-present"))
                .mapValues(BuildingHourView::hour, Named.as("building-hour-value"))
                .processValues(() -> new RevisionStamper<>(BUILDING_HOURS_EMITTED, BuildingHours::withRevision),
                        Named.as("building-hour-revision"), BUILDING_HOURS_EMITTED)
                .to(buildingHourly.name(), Produced.with(buildingHourly.keySerde(), buildingHourly.valueSerde())
                        .withName("building-hourly-sink"));
        return views;
    }

    private static String buildingOf(MeterHour hour) {
        return hour.buildingId() == null ? BuildingHour.UNASSIGNED : hour.buildingId();
    }
}
