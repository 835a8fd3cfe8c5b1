package org.straumflyt.processor.calendar;

import java.time.YearMonth;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.RevisionStamper;
import org.straumflyt.processor.StateStores;

/**
 * The building-month stage: building-days grouped by local month.
 * <pre>
 * building-days ─▶ group by building+local month ─▶ kpi.building-monthly
 * </pre>
 */
public final class BuildingMonthStage {
    public static final String MONTH_AGGREGATES = "building-month-aggregates";
    public static final String MONTHS_EMITTED = "building-months-emitted";

    private BuildingMonthStage() {
    }

    /** Adds the stage. */
    public static void addTo(StreamsBuilder builder, StateStores stores, Topics topics, DegreeDayRules degreeDays,
            KTable<BuildingDailyKey, DailyView> days) {
        var monthly = topics.buildingMonthly();
        JsonSerde<BuildingMonthlyKey> keySerde = new JsonSerde<>(BuildingMonthlyKey.class);
        builder.addStateStore(stores.keyValue(MONTHS_EMITTED, keySerde, monthly.valueSerde()));
        days.groupBy((key, view) -> KeyValue.pair(new BuildingMonthlyKey(key.buildingId(),
                                YearMonth.from(key.date())), view),
                        Grouped.with("building-month-group", keySerde, new JsonSerde<>(DailyView.class)))
                .aggregate(MonthlyAggregate::empty,
                        (key, view, agg) -> agg.add(key.buildingId(), key.month(), view),
                        (key, view, agg) -> agg.retract(view),
                        Named.as("building-month-aggregate"),
                        Materialized.<BuildingMonthlyKey, MonthlyAggregate, KeyValueStore<Bytes, byte[]>>as(
                                MONTH_AGGREGATES).withKeySerde(keySerde)
                                .withValueSerde(new JsonSerde<>(MonthlyAggregate.class)))
                .toStream(Named.as("building-month-changes"))
                .filter((k, agg) -> agg != null && !agg.days().isEmpty(), Named.as("building-month-present"))
                .mapValues(new BuildingMonths(degreeDays)::of, Named.as("building-month-value"))
                .processValues(() -> new RevisionStamper<>(MONTHS_EMITTED, BuildingMonths::withRevision),
                        Named.as("building-month-revision"), MONTHS_EMITTED)
                .to(monthly.name(), Produced.with(monthly.keySerde(), monthly.valueSerde())
                        .withName("building-monthly-sink"));
    }
}
