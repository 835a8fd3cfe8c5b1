package org.straumflyt.model;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.straumflyt.model.wire.JsonSerde;

/**
 * The catalogue of straumflyt's Kafka topics, all under one configurable prefix (default
 * {@value #DEFAULT_PREFIX}).
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "straumflyt.";

    private final Topic<String, Reading> readings;
    private final Topic<String, DeadLetter> readingsDlq;
    private final Topic<String, Building> registryBuildings;
    private final Topic<WeatherKey, WeatherDaily> weatherDaily;
    private final Topic<String, WeatherSample> weatherSamples;
    private final Topic<MeterHourKey, MeterHour> meterHourly;
    private final Topic<BuildingHourKey, BuildingHour> buildingHourly;
    private final Topic<MeterHourKey, MeterHour> meterQuarterHourly;
    private final Topic<BuildingHourKey, BuildingHour> buildingQuarterHourly;
    private final Topic<BuildingDailyKey, BuildingDaily> buildingDaily;
    private final Topic<BuildingMonthlyKey, BuildingMonthly> buildingMonthly;
    private final Topic<String, DeadLetter> kpiDlq;
    private final Topic<PortfolioKey, PortfolioKpi> portfolio;
    private final Topic<String, BuildingTwin> twinBuildings;
    private final Topic<AlertKey, Alert> alerts;
    private final Topic<DayAheadPriceKey, DayAheadPrice> dayAheadPrices;
    private final Topic<BuildingHourKey, BuildingCost> buildingCostHourly;
    private final Topic<BuildingDailyKey, BuildingCost> buildingCostDaily;
    private final Topic<BuildingMonthlyKey, BuildingCost> buildingCostMonthly;

    private Topics(String prefix) {
        readings = stream(prefix + "readings", Serdes.String(), Reading.class, "reading");
        readingsDlq = stream(prefix + "readings.dlq", Serdes.String(), DeadLetter.class, "dead-letter");
        registryBuildings = compacted(prefix + "registry.buildings", Serdes.String(), Building.class, "building");
        weatherDaily = compacted(prefix + "weather.daily", new JsonSerde<>(WeatherKey.class), WeatherDaily.class,
                "weather-daily");
        weatherSamples = stream(prefix + "weather.samples", Serdes.String(), WeatherSample.class, "weather-sample");
        meterHourly = new Topic<>(prefix + "kpi.meter-hourly", JsonSerde.meterHourKey(), JsonSerde.meterHour(), true,
                schemaPath("meter-hour"));
        buildingHourly = compacted(prefix + "kpi.building-hourly", JsonSerde.buildingHourKey(), BuildingHour.class,
                "building-hour");
        meterQuarterHourly = new Topic<>(prefix + "kpi.meter-quarter-hourly", JsonSerde.meterHourKey(),
                JsonSerde.meterHour(), true, schemaPath("meter-quarter-hour"));
        buildingQuarterHourly = compacted(prefix + "kpi.building-quarter-hourly", JsonSerde.buildingHourKey(),
                BuildingHour.class, "building-quarter-hour");
        buildingDaily = compacted(prefix + "kpi.building-daily", new JsonSerde<>(BuildingDailyKey.class),
                BuildingDaily.class, "building-daily");
        buildingMonthly = compacted(prefix + "kpi.building-monthly", new JsonSerde<>(BuildingMonthlyKey.class),
                BuildingMonthly.class, "building-monthly");
        kpiDlq = stream(prefix + "kpi.dlq", Serdes.String(), DeadLetter.class, "dead-letter");
        portfolio = compacted(prefix + "kpi.portfolio", new JsonSerde<>(PortfolioKey.class), PortfolioKpi.class,
                "portfolio");
        twinBuildings = compacted(prefix + "twin.buildings", Serdes.String(), BuildingTwin.class, "building-twin");
        alerts = compacted(prefix + "alerts", new JsonSerde<>(AlertKey.class), Alert.class, "alert");
        dayAheadPrices = compacted(prefix + "prices.day-ahead", new JsonSerde<>(DayAheadPriceKey.class),
                DayAheadPrice.class, "day-ahead-price");
        buildingCostHourly = compacted(prefix + "kpi.building-cost-hourly", JsonSerde.buildingHourKey(),
                BuildingCost.class, "building-cost");
        buildingCostDaily = compacted(prefix + "kpi.building-cost-daily", new JsonSerde<>(BuildingDailyKey.class),
                BuildingCost.class, "building-cost");
        buildingCostMonthly = compacted(prefix + "kpi.building-cost-monthly",
                new JsonSerde<>(BuildingMonthlyKey.class), BuildingCost.class, "building-cost");
    }

    /**
     * The topics under the given prefix.
     *
     * @throws IllegalArgumentException when the prefix has characters Kafka does not allow in topic names
     */
    public static Topics withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        if (!p.matches("[a-zA-Z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "topic prefix '" + prefix + "' may only contain letters, digits, '.', '_' and '-'");
        }
        return new Topics(p);
    }

    /** The topics under {@value #DEFAULT_PREFIX}. */
    public static Topics defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    /** Normalized readings, key = meter id. */
    public Topic<String, Reading> readings() {
        return readings;
    }

    /** Dead letters of ingest and the stream processor, key = source topic. */
    public Topic<String, DeadLetter> readingsDlq() {
        return readingsDlq;
    }

    /** The building registry (compacted), key = building id. */
    public Topic<String, Building> registryBuildings() {
        return registryBuildings;
    }

    /**
     * The registry record of a building, as every writer of the registry sends it: key = building id, so the
     * compacted topic keeps each building's latest entry (with all its meters).
     */
    public ProducerRecord<String, Building> registryRecord(Building building) {
        return new ProducerRecord<>(registryBuildings.name(), building.buildingId(), building);
    }

    /** Daily mean outdoor temperature (compacted), key = location and date. */
    public Topic<WeatherKey, WeatherDaily> weatherDaily() {
        return weatherDaily;
    }

    /** The record of a day's temperature, as every writer of {@code weather.daily} sends it: key = location and date. */
    public ProducerRecord<WeatherKey, WeatherDaily> weatherRecord(WeatherDaily day) {
        return new ProducerRecord<>(weatherDaily.name(), new WeatherKey(day.locationId(), day.date()), day);
    }

    /** Outdoor temperature samples of weather sensors, key = location id. */
    public Topic<String, WeatherSample> weatherSamples() {
        return weatherSamples;
    }

    /** Meter-register hours (compacted, upserts). */
    public Topic<MeterHourKey, MeterHour> meterHourly() {
        return meterHourly;
    }

    /** Building hours (compacted, upserts). */
    public Topic<BuildingHourKey, BuildingHour> buildingHourly() {
        return buildingHourly;
    }

    /**
     * Meter-register quarter-hours (compacted, upserts): {@link MeterHour} records whose {@code hourStart} is the
     * quarter's UTC start; every hour of {@link #meterHourly} is the exact sum of its four.
     */
    public Topic<MeterHourKey, MeterHour> meterQuarterHourly() {
        return meterQuarterHourly;
    }

    /**
     * Building quarter-hours (compacted, upserts): {@link BuildingHour} records whose {@code hourStart} is the
     * quarter's UTC start.
     */
    public Topic<BuildingHourKey, BuildingHour> buildingQuarterHourly() {
        return buildingQuarterHourly;
    }

    /** Building local days (compacted, upserts). */
    public Topic<BuildingDailyKey, BuildingDaily> buildingDaily() {
        return buildingDaily;
    }

    /** Building local months (compacted, upserts). */
    public Topic<BuildingMonthlyKey, BuildingMonthly> buildingMonthly() {
        return buildingMonthly;
    }

    /** KPI records the store refused, key = source topic. */
    public Topic<String, DeadLetter> kpiDlq() {
        return kpiDlq;
    }

    /** U4SSC indicators per municipality and period (compacted, upserts). */
    public Topic<PortfolioKey, PortfolioKpi> portfolio() {
        return portfolio;
    }

    /** The digital-twin feed: the latest state of each building (compacted), key = building id. */
    public Topic<String, BuildingTwin> twinBuildings() {
        return twinBuildings;
    }

    /** Findings of energy follow-up (compacted, revisions), key = building, kind and meter. */
    public Topic<AlertKey, Alert> alerts() {
        return alerts;
    }

    /** Day-ahead prices per bidding zone and market time unit (compacted), key = zone and start. */
    public Topic<DayAheadPriceKey, DayAheadPrice> dayAheadPrices() {
        return dayAheadPrices;
    }

    /** The record of a price, as every writer of {@code prices.day-ahead} sends it: key = zone and start. */
    public ProducerRecord<DayAheadPriceKey, DayAheadPrice> priceRecord(DayAheadPrice price) {
        return new ProducerRecord<>(dayAheadPrices.name(), price.key(), price);
    }

    /** Electricity cost per building and UTC hour (compacted, upserts). */
    public Topic<BuildingHourKey, BuildingCost> buildingCostHourly() {
        return buildingCostHourly;
    }

    /** Electricity cost per building and local day (compacted, upserts). */
    public Topic<BuildingDailyKey, BuildingCost> buildingCostDaily() {
        return buildingCostDaily;
    }

    /** Electricity cost per building and local month (compacted, upserts), with capacity and fixed fees. */
    public Topic<BuildingMonthlyKey, BuildingCost> buildingCostMonthly() {
        return buildingCostMonthly;
    }

    /** The KPI topics, in the order of their granularity. */
    public List<Topic<?, ? extends Kpi>> kpiTopics() {
        return List.of(meterQuarterHourly, meterHourly, buildingQuarterHourly, buildingHourly, buildingDaily,
                buildingMonthly, portfolio, buildingCostHourly, buildingCostDaily, buildingCostMonthly);
    }

    /** Every topic, for creating them. */
    public List<Topic<?, ?>> all() {
        return List.of(readings, readingsDlq, registryBuildings, weatherDaily, meterHourly, buildingHourly,
                buildingDaily, buildingMonthly, kpiDlq, portfolio, twinBuildings, weatherSamples, meterQuarterHourly,
                buildingQuarterHourly, alerts, dayAheadPrices, buildingCostHourly, buildingCostDaily,
                buildingCostMonthly);
    }

    private static <K, V> Topic<K, V> stream(String name, Serde<K> keySerde, Class<V> type, String schema) {
        return new Topic<>(name, keySerde, new JsonSerde<>(type), false, schemaPath(schema));
    }

    private static <K, V> Topic<K, V> compacted(String name, Serde<K> keySerde, Class<V> type, String schema) {
        return new Topic<>(name, keySerde, new JsonSerde<>(type), true, schemaPath(schema));
    }

    private static String schemaPath(String schema) {
        return "/schemas/" + schema + ".schema.json";
    }
}
