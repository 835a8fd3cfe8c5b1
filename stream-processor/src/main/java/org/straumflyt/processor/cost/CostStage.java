package org.straumflyt.processor.cost;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.BuildingCost;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.DayAheadPriceKey;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.processor.RevisionStamper;
import org.straumflyt.processor.StateStores;
import org.straumflyt.processor.building.BuildingHourView;

/**
 * The cost stage: building-hours joined with their zone's day-ahead prices and priced with the building's tariff.
 * <pre>
 * prices.day-ahead (table) ─▶ group by zone+hour ─┐
 * building-hours (table) ─▶ join zone+hour prices ─┴─▶ cost of the hour ─▶ kpi.building-cost-hourly
 *   ─▶ group by building+local date  ─▶ sum of the hours                  ─▶ kpi.building-cost-daily
 *   ─▶ group by building+local month ─▶ sum + capacity + fixed fees       ─▶ kpi.building-cost-monthly
 * </pre>
 * The join is a foreign-key join of tables: a building-hour that arrives before its prices is priced again when they
 * arrive, a corrected price reprices every building-hour of its zone and hour, and a revised hour replaces itself
 * in its day and month. Days and months keep their hours and sum them in time order, so prices after energy and
 * energy after prices end in the same figures. Only in the topology when a tariff file is configured.
 */
public final class CostStage {
    public static final String PRICES = "day-ahead-prices";
    public static final String PRICE_HOURS = "day-ahead-price-hours";
    public static final String COST_INPUTS = "building-cost-inputs";
    public static final String COST_HOURS = "building-cost-hours";
    public static final String COST_HOURS_EMITTED = "building-cost-hours-emitted";
    public static final String COST_DAYS = "building-cost-day-aggregates";
    public static final String COST_DAYS_EMITTED = "building-cost-days-emitted";
    public static final String COST_MONTHS = "building-cost-month-aggregates";
    public static final String COST_MONTHS_EMITTED = "building-cost-months-emitted";

    private CostStage() {
    }

    /** Adds the stage. */
    public static void addTo(StreamsBuilder builder, StateStores stores, Topics topics, Tariffs tariffs,
            KTable<BuildingHourKey, BuildingHourView> hours) {
        CostRecords records = new CostRecords(tariffs);
        var priceTopic = topics.dayAheadPrices();
        JsonSerde<ZoneHourKey> zoneHourSerde = new JsonSerde<>(ZoneHourKey.class);
        KTable<DayAheadPriceKey, DayAheadPrice> prices = builder.table(priceTopic.name(),
                Consumed.with(priceTopic.keySerde(), priceTopic.valueSerde()).withName("day-ahead-price-source"),
                Materialized.<DayAheadPriceKey, DayAheadPrice, KeyValueStore<Bytes, byte[]>>as(PRICES)
                        .withKeySerde(priceTopic.keySerde()).withValueSerde(priceTopic.valueSerde()));
        KTable<ZoneHourKey, HourPrices> hourPrices = prices
                .groupBy((key, price) -> KeyValue.pair(new ZoneHourKey(price.zone(), hourOf(price.start())), price),
                        Grouped.with("day-ahead-price-hour-group", zoneHourSerde, priceTopic.valueSerde()))
                .aggregate(HourPrices::empty, (key, price, agg) -> agg.add(price),
                        (key, price, agg) -> agg.retract(price), Named.as("day-ahead-price-hour-aggregate"),
                        Materialized.<ZoneHourKey, HourPrices, KeyValueStore<Bytes, byte[]>>as(PRICE_HOURS)
                                .withKeySerde(zoneHourSerde).withValueSerde(new JsonSerde<>(HourPrices.class)));

        JsonSerde<BuildingHourKey> hourKeySerde = JsonSerde.buildingHourKey();
        JsonSerde<BuildingCost> costSerde = new JsonSerde<>(BuildingCost.class);
        KTable<BuildingHourKey, BuildingCost> costHours = hours
                .leftJoin(hourPrices, view -> zoneHour(records, view), CostInput::new,
                        TableJoined.as("building-cost-prices"),
                        Materialized.<BuildingHourKey, CostInput, KeyValueStore<Bytes, byte[]>>as(COST_INPUTS)
                                .withKeySerde(hourKeySerde).withValueSerde(new JsonSerde<>(CostInput.class)))
                .mapValues(records::hour, Named.as("building-cost-hour"),
                        Materialized.<BuildingHourKey, BuildingCost, KeyValueStore<Bytes, byte[]>>as(COST_HOURS)
                                .withKeySerde(hourKeySerde).withValueSerde(costSerde));
        emit(builder, stores, costHours, topics.buildingCostHourly(), COST_HOURS_EMITTED, "building-cost-hour");

        JsonSerde<BuildingDailyKey> dayKeySerde = new JsonSerde<>(BuildingDailyKey.class);
        JsonSerde<CostPeriod> periodSerde = new JsonSerde<>(CostPeriod.class);
        KTable<BuildingDailyKey, BuildingCost> days = costHours
                .groupBy((key, cost) -> KeyValue.pair(new BuildingDailyKey(key.buildingId(),
                                cost.start().atZone(ZoneId.of(cost.timeZone())).toLocalDate()), cost),
                        Grouped.with("building-cost-day-group", dayKeySerde, costSerde))
                .aggregate(CostPeriod::empty, (key, cost, agg) -> agg.add(cost),
                        (key, cost, agg) -> agg.retract(cost), Named.as("building-cost-day-aggregate"),
                        Materialized.<BuildingDailyKey, CostPeriod, KeyValueStore<Bytes, byte[]>>as(COST_DAYS)
                                .withKeySerde(dayKeySerde).withValueSerde(periodSerde))
                .mapValues((key, period) -> period.hours().isEmpty() ? null
                        : CostRecords.day(key.date(), period.hourRecords()), Named.as("building-cost-day"));
        emit(builder, stores, days, topics.buildingCostDaily(), COST_DAYS_EMITTED, "building-cost-day");

        JsonSerde<BuildingMonthlyKey> monthKeySerde = new JsonSerde<>(BuildingMonthlyKey.class);
        KTable<BuildingMonthlyKey, BuildingCost> months = costHours
                .groupBy((key, cost) -> KeyValue.pair(new BuildingMonthlyKey(key.buildingId(),
                                YearMonth.from(cost.start().atZone(ZoneId.of(cost.timeZone())))), cost),
                        Grouped.with("building-cost-month-group", monthKeySerde, costSerde))
                .aggregate(CostPeriod::empty, (key, cost, agg) -> agg.add(cost),
                        (key, cost, agg) -> agg.retract(cost), Named.as("building-cost-month-aggregate"),
                        Materialized.<BuildingMonthlyKey, CostPeriod, KeyValueStore<Bytes, byte[]>>as(COST_MONTHS)
                                .withKeySerde(monthKeySerde).withValueSerde(periodSerde))
                .mapValues((key, period) -> period.hours().isEmpty() ? null
                        : records.month(key.month(), CostRecords.tariffIdOf(period.tariffVersion()),
                                period.hourRecords()), Named.as("building-cost-month"));
        emit(builder, stores, months, topics.buildingCostMonthly(), COST_MONTHS_EMITTED, "building-cost-month");
    }

    private static <K> void emit(StreamsBuilder builder, StateStores stores, KTable<K, BuildingCost> table,
            Topic<K, BuildingCost> topic, String emitted, String name) {
        builder.addStateStore(stores.keyValue(emitted, topic.keySerde(), topic.valueSerde()));
        table.toStream(Named.as(name + "-changes"))
                .filter((k, v) -> v != null, Named.as(name + "-present"))
                .processValues(() -> new RevisionStamper<>(emitted, BuildingCost::withRevision),
                        Named.as(name + "-revision"), emitted)
                .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name + "-sink"));
    }

    private static ZoneHourKey zoneHour(CostRecords records, BuildingHourView view) {
        BiddingZone zone = view == null ? null : records.zoneOf(view);
        return zone == null ? null : new ZoneHourKey(zone, view.hour().hourStart());
    }

    private static Instant hourOf(Instant start) {
        return start.truncatedTo(ChronoUnit.HOURS);
    }
}
