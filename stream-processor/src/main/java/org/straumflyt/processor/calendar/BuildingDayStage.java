package org.straumflyt.processor.calendar;

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
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.processor.RevisionStamper;
import org.straumflyt.processor.StateStores;
import org.straumflyt.processor.building.BuildingHourView;

/**
 * The building-day stage: building-hours grouped by the building's local date, joined with the day's temperature.
 * <pre>
 * building-hours ─▶ group by building+local date ─▶ join weather.daily ─▶ kpi.building-daily
 * </pre>
 */
public final class BuildingDayStage {
    public static final String WEATHER = "weather";
    public static final String DAY_AGGREGATES = "building-day-aggregates";
    public static final String DAY_VIEWS = "building-day-views";
    public static final String DAYS_EMITTED = "building-days-emitted";

    private BuildingDayStage() {
    }

    /** Adds the stage; returns the building-days with their latest registry entry. */
    public static KTable<BuildingDailyKey, DailyView> addTo(StreamsBuilder builder, StateStores stores,
            Topics topics, DegreeDayRules degreeDays, KTable<BuildingHourKey, BuildingHourView> hours) {
        var weather = topics.weatherDaily();
        KTable<WeatherKey, WeatherDaily> temperatures = builder.table(weather.name(),
                Consumed.with(weather.keySerde(), weather.valueSerde()).withName("weather-source"),
                Materialized.<WeatherKey, WeatherDaily, KeyValueStore<Bytes, byte[]>>as(WEATHER)
                        .withKeySerde(weather.keySerde()).withValueSerde(weather.valueSerde()));
        var daily = topics.buildingDaily();
        JsonSerde<BuildingDailyKey> keySerde = new JsonSerde<>(BuildingDailyKey.class);
        BuildingDays days = new BuildingDays(degreeDays);
        KTable<BuildingDailyKey, DailyView> views = hours
                .groupBy((key, view) -> KeyValue.pair(new BuildingDailyKey(key.buildingId(),
                                LocalDays.dateOf(key.hourStart(), view.timeZone())), view),
                        Grouped.with("building-day-group", keySerde, new JsonSerde<>(BuildingHourView.class)))
                .aggregate(DailyAggregate::empty,
                        (key, view, agg) -> agg.add(key.buildingId(), key.date(), view),
                        (key, view, agg) -> agg.retract(view),
                        Named.as("building-day-aggregate"),
                        Materialized.<BuildingDailyKey, DailyAggregate, KeyValueStore<Bytes, byte[]>>as(DAY_AGGREGATES)
                                .withKeySerde(keySerde).withValueSerde(new JsonSerde<>(DailyAggregate.class)))
                .leftJoin(temperatures, agg -> agg.latest() == null || agg.latest().weatherLocationId() == null
                                ? null : new WeatherKey(agg.latest().weatherLocationId(), agg.date()),
                        (agg, temperature) -> agg.latest() == null ? null : days.of(agg, temperature),
                        TableJoined.as("building-day-weather"),
                        Materialized.<BuildingDailyKey, DailyView, KeyValueStore<Bytes, byte[]>>as(DAY_VIEWS)
                                .withKeySerde(keySerde).withValueSerde(new JsonSerde<>(DailyView.class)));
        builder.addStateStore(stores.keyValue(DAYS_EMITTED, keySerde, daily.valueSerde()));
        views.toStream(Named.as("building-day-changes"))
                .filter((k, v) -> v != null && v.daily().hoursWithData() > 0, Named.as("building-day-present"))
                .mapValues(DailyView::daily, Named.as("building-day-value"))
                .processValues(() -> new RevisionStamper<>(DAYS_EMITTED, BuildingDays::withRevision),
                        Named.as("building-day-revision"), DAYS_EMITTED)
                .to(daily.name(), Produced.with(daily.keySerde(), daily.valueSerde()).withName("building-daily-sink"));
        return views;
    }
}
