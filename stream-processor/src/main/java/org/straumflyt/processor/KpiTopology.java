package org.straumflyt.processor;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
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
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.Reading;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.building.BuildingHourAggregate;
import org.straumflyt.processor.building.BuildingHourView;
import org.straumflyt.processor.building.BuildingHours;
import org.straumflyt.processor.calendar.BuildingDays;
import org.straumflyt.processor.calendar.BuildingMonths;
import org.straumflyt.processor.calendar.DailyAggregate;
import org.straumflyt.processor.calendar.DailyView;
import org.straumflyt.processor.calendar.DegreeDayRules;
import org.straumflyt.processor.calendar.LocalDays;
import org.straumflyt.processor.calendar.MonthlyAggregate;
import org.straumflyt.processor.metering.AssignedReading;
import org.straumflyt.processor.metering.AssignmentChange;
import org.straumflyt.processor.metering.MeterInput;
import org.straumflyt.processor.metering.DecodedReading;
import org.straumflyt.processor.metering.MeterAssignment;
import org.straumflyt.processor.metering.MeterHourProcessor;
import org.straumflyt.processor.metering.MeterOutput;
import org.straumflyt.processor.metering.MeteringRules;
import org.straumflyt.processor.metering.ReadingDecoder;
import org.straumflyt.processor.metering.RegistryIndexer;
import org.straumflyt.processor.weather.WeatherDailyTopology;
import org.straumflyt.processor.weather.WeatherZones;

/**
 * The stream processor's topology, built from the topics and the rules:
 * <pre>
 * registry.buildings (table) ─▶ index by meter ─▶ meter-assignments (table)
 * readings ─▶ decode ─┬─▶ bad: readings.dlq
 *                     └─▶ join assignment ─┐
 * meter-assignments changes ───────────────┴─▶ meter stage ─┬─▶ kpi.meter-hourly
 *                                                           └─▶ late/failed: readings.dlq
 * kpi.meter-hourly (table) ─▶ group by building+hour ─▶ join registry
 *   ─▶ kpi.building-hourly
 *   ─▶ group by building+local date ─▶ join weather.daily ─▶ kpi.building-daily
 *   ─▶ group by building+local month ─▶ kpi.building-monthly
 * weather.samples ─▶ group by location+local date ─▶ mean of hourly means ─▶ weather.daily
 * </pre>
 * Grouping KTables hands each aggregate the old value to retract and the new one to add, so revisions are followed
 * exactly. Internal names are explicit so that state and internal topics survive changes of the topology.
 */
public final class KpiTopology {
    public static final String METER_STORE = "meter-state";
    public static final String METER_PENDING_STORE = "meter-pending";
    public static final String REGISTRY_STORE = "registry-previous";
    public static final String ASSIGNMENTS = "meter-assignments";
    public static final String BUILDINGS = "registry-buildings";
    public static final String METER_HOURS = "meter-hours";
    public static final String BUILDING_HOUR_AGGREGATES = "building-hour-aggregates";
    public static final String BUILDING_HOURS_EMITTED = "building-hours-emitted";
    public static final String BUILDING_HOUR_VIEWS = "building-hour-views";
    public static final String WEATHER = "weather";
    public static final String DAY_AGGREGATES = "building-day-aggregates";
    public static final String DAY_VIEWS = "building-day-views";
    public static final String DAYS_EMITTED = "building-days-emitted";
    public static final String MONTH_AGGREGATES = "building-month-aggregates";
    public static final String MONTHS_EMITTED = "building-months-emitted";
    /** Registry entries kept decoded for the meter stage's join: a large municipality's meters, and room to spare. */
    private static final int ASSIGNMENTS_DECODED = 65_536;

    private final Topics topics;
    private final MeteringRules rules;
    private final DegreeDayRules degreeDays;
    private final WeatherZones weatherZones;
    private final ProcessorMetrics metrics;
    private final Clock clock;
    private boolean inMemory;

    public KpiTopology(Topics topics, MeteringRules rules, DegreeDayRules degreeDays, WeatherZones weatherZones,
            ProcessorMetrics metrics, Clock clock) {
        this.topics = topics;
        this.rules = rules;
        this.degreeDays = degreeDays;
        this.weatherZones = weatherZones;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** With the default degree-day rules and weather zones. */
    public KpiTopology(Topics topics, MeteringRules rules, ProcessorMetrics metrics, Clock clock) {
        this(topics, rules, DegreeDayRules.defaults(), WeatherZones.defaults(), metrics, clock);
    }

    /**
     * The topology. When {@code properties} choose in-memory DSL stores
     * ({@code dsl.store.suppliers.class = BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers}), the processor's own
     * stores are in memory too; otherwise they are RocksDB. Both are backed by changelog topics.
     */
    public Topology build(Properties properties) {
        inMemory = BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName().equals(
                String.valueOf(properties.get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG)))
                || BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.equals(
                        properties.get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG));
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withDefaults(properties))));
        KTable<String, Building> buildings = builder.table(topics.registryBuildings().name(),
                Consumed.with(topics.registryBuildings().keySerde(), topics.registryBuildings().valueSerde())
                        .withName("registry-source"),
                Materialized.<String, Building, KeyValueStore<Bytes, byte[]>>as(BUILDINGS)
                        .withKeySerde(Serdes.String()).withValueSerde(topics.registryBuildings().valueSerde()));
        KTable<String, MeterAssignment> assignments = meterAssignments(builder, buildings);

        KStream<String, DecodedReading> decoded = builder
                .stream(topics.readings().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("readings-source"))
                .processValues(() -> new ReadingDecoder(rules.readingRules(), metrics, clock),
                        Named.as("decode-readings"));
        KStream<String, DecodedReading> good = decoded
                .split(Named.as("decoded-"))
                .branch((k, v) -> v instanceof DecodedReading.Bad, Branched.withConsumer(bad -> toDlq(bad
                        .mapValues(v -> ((DecodedReading.Bad) v).letter(), Named.as("bad-reading-letter")),
                        "bad-readings"), "bad"))
                .defaultBranch(Branched.as("ok"))
                .get("decoded-ok");

        // No record cache for the meter store: the meter stage keeps what it reads often in its own SampleCache, and
        // most writes are new samples, written once, which the record cache only sorts, holds and flushes later
        // (measured: about a fifth less CPU per reading and a third fewer changelog bytes, docs/BENCHMARKS.md).
        builder.addStateStore(Stores.keyValueStoreBuilder(store(METER_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(store(METER_PENDING_STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingEnabled());
        KStream<String, MeterOutput> meterOutput = good
                .mapValues(v -> ((DecodedReading.Ok) v).reading(), Named.as("ok-reading"))
                .leftJoin(assignments, (Reading r, MeterAssignment a) -> (MeterInput) new AssignedReading(r, a),
                        Joined.<String, Reading, MeterAssignment>as("assign-meter"))
                .merge(assignments.toStream(Named.as("assignment-changes"))
                        .mapValues((meterId, a) -> (MeterInput) new AssignmentChange(meterId, a),
                                Named.as("assignment-change")), Named.as("meter-inputs"))
                .process(() -> new MeterHourProcessor(METER_STORE, METER_PENDING_STORE, rules, metrics, clock),
                        Named.as("meter-stage"), METER_STORE, METER_PENDING_STORE);

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
        buildingMonths(builder, buildingDays(builder, buildingHours(builder, buildings)));
        WeatherDailyTopology.addTo(builder, topics, weatherZones);
        return builder.build(properties);
    }

    /**
     * kpi.meter-hourly as a table, grouped by the building each meter-hour names and by hour. The meter stage names
     * the meter's current building and re-emits the hours it still holds when the registry moves the meter, and the
     * grouped table hands the aggregate each record's old value to retract and new value to add: a correction, or a
     * meter that is registered, moved or removed, is followed exactly and never counted twice.
     */
    private KTable<BuildingHourKey, BuildingHourView> buildingHours(StreamsBuilder builder,
            KTable<String, Building> buildings) {
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
        builder.addStateStore(Stores.keyValueStoreBuilder(store(BUILDING_HOURS_EMITTED),
                keySerde, buildingHourly.valueSerde()));
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

    /** Building-hours grouped by the building's local date, joined with the day's temperature. */
    private KTable<BuildingDailyKey, DailyView> buildingDays(StreamsBuilder builder,
            KTable<BuildingHourKey, BuildingHourView> hours) {
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
        builder.addStateStore(Stores.keyValueStoreBuilder(store(DAYS_EMITTED), keySerde,
                daily.valueSerde()));
        views.toStream(Named.as("building-day-changes"))
                .filter((k, v) -> v != null && v.daily().hoursWithData() > 0, Named.as("building-day-present"))
                .mapValues(DailyView::daily, Named.as("building-day-value"))
                .processValues(() -> new RevisionStamper<>(DAYS_EMITTED, BuildingDays::withRevision),
                        Named.as("building-day-revision"), DAYS_EMITTED)
                .to(daily.name(), Produced.with(daily.keySerde(), daily.valueSerde()).withName("building-daily-sink"));
        return views;
    }

    /** Building-days grouped by local month. */
    private void buildingMonths(StreamsBuilder builder, KTable<BuildingDailyKey, DailyView> days) {
        var monthly = topics.buildingMonthly();
        JsonSerde<BuildingMonthlyKey> keySerde = new JsonSerde<>(BuildingMonthlyKey.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(store(MONTHS_EMITTED), keySerde,
                monthly.valueSerde()));
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

    private KeyValueBytesStoreSupplier store(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    /** StreamsConfig needs an application id and servers even when only the topology options matter. */
    private static Properties withDefaults(Properties properties) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.putAll(properties);
        return p;
    }

    private static String buildingOf(MeterHour hour) {
        return hour.buildingId() == null ? BuildingHour.UNASSIGNED : hour.buildingId();
    }

    private KTable<String, MeterAssignment> meterAssignments(StreamsBuilder builder, KTable<String, Building> buildings) {
        // The indexer keeps its own copy of each building: a table's change stream does not carry the old value.
        builder.addStateStore(Stores.keyValueStoreBuilder(store(REGISTRY_STORE),
                Serdes.String(), topics.registryBuildings().valueSerde()));
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

    private void toDlq(KStream<String, DeadLetter> letters, String name) {
        letters.map((k, letter) -> KeyValue.pair(letter.sourceTopic(), letter), Named.as(name + "-key"))
                .to(topics.readingsDlq().name(), Produced.with(topics.readingsDlq().keySerde(),
                        topics.readingsDlq().valueSerde()).withName(name + "-sink"));
    }
}
