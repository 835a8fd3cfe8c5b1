package org.straumflyt.processor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.test.TestRecord;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.model.WeatherSample;
import org.straumflyt.processor.engine.MeteringRules;

/** The real topology in a {@link TopologyTestDriver}, with helpers to feed readings and read the KPI topics. */
final class TopologyFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    final Topics topics = Topics.withPrefix("t.");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final Duration emitInterval;
    private final TestInputTopic<String, byte[]> readings;
    private final TestInputTopic<String, Building> buildings;
    private final TestOutputTopic<MeterHourKey, MeterHour> meterHours;
    private final TestOutputTopic<String, DeadLetter> dlq;
    private final TestOutputTopic<BuildingHourKey, BuildingHour> buildingHours;
    private final TestInputTopic<WeatherKey, WeatherDaily> weather;
    private final TestInputTopic<String, WeatherSample> weatherSamples;
    private final TestOutputTopic<BuildingDailyKey, BuildingDaily> days;
    private final TestOutputTopic<BuildingMonthlyKey, BuildingMonthly> months;
    private final Map<BuildingDailyKey, BuildingDaily> dayTable = new LinkedHashMap<>();
    private final Map<BuildingMonthlyKey, BuildingMonthly> monthTable = new LinkedHashMap<>();
    /** Everything read from kpi.building-hourly so far, in order. */
    final List<BuildingHour> buildingHourLog = new ArrayList<>();
    /** Everything read from kpi.meter-hourly so far, in order. */
    final List<MeterHour> meterHourLog = new ArrayList<>();
    private final boolean quarterHours;
    private final TestOutputTopic<MeterHourKey, MeterHour> meterQuarters;
    private final TestOutputTopic<BuildingHourKey, BuildingHour> buildingQuarters;
    /** Everything read from kpi.meter-quarter-hourly so far, in order. */
    final List<MeterHour> meterQuarterLog = new ArrayList<>();
    /** Everything read from kpi.building-quarter-hourly so far, in order. */
    final List<BuildingHour> buildingQuarterLog = new ArrayList<>();

    TopologyFixture() {
        this(MeteringRules.defaults());
    }

    TopologyFixture(MeteringRules rules) {
        this(rules, true);
    }

    /** With quarter-hours on or off ({@code quarter.hours.enabled}). */
    TopologyFixture(MeteringRules rules, boolean quarterHours) {
        this.quarterHours = quarterHours;
        this.emitInterval = rules.emitInterval().isZero() ? Duration.ofMillis(1) : rules.emitInterval();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        // in-memory stores: the same topology, without a RocksDB instance per store and test
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        // as the service: a record that cannot be read (e.g. a registry entry with an invalid meter tree) is skipped
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class.getName());
        KpiTopology topology = new KpiTopology(topics, rules, new ProcessorMetrics(registry),
                Clock.fixed(NOW, ZoneOffset.UTC)).quarterHours(quarterHours);
        driver = new TopologyTestDriver(topology.build(props), props);
        readings = driver.createInputTopic(topics.readings().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        buildings = driver.createInputTopic(topics.registryBuildings().name(),
                topics.registryBuildings().keySerde().serializer(), topics.registryBuildings().valueSerde().serializer());
        meterHours = driver.createOutputTopic(topics.meterHourly().name(), topics.meterHourly().keySerde().deserializer(),
                topics.meterHourly().valueSerde().deserializer());
        buildingHours = driver.createOutputTopic(topics.buildingHourly().name(),
                topics.buildingHourly().keySerde().deserializer(), topics.buildingHourly().valueSerde().deserializer());
        weather = driver.createInputTopic(topics.weatherDaily().name(), topics.weatherDaily().keySerde().serializer(),
                topics.weatherDaily().valueSerde().serializer());
        weatherSamples = driver.createInputTopic(topics.weatherSamples().name(),
                topics.weatherSamples().keySerde().serializer(), topics.weatherSamples().valueSerde().serializer());
        days = driver.createOutputTopic(topics.buildingDaily().name(), topics.buildingDaily().keySerde().deserializer(),
                topics.buildingDaily().valueSerde().deserializer());
        months = driver.createOutputTopic(topics.buildingMonthly().name(),
                topics.buildingMonthly().keySerde().deserializer(), topics.buildingMonthly().valueSerde().deserializer());
        meterQuarters = driver.createOutputTopic(topics.meterQuarterHourly().name(),
                topics.meterQuarterHourly().keySerde().deserializer(),
                topics.meterQuarterHourly().valueSerde().deserializer());
        buildingQuarters = driver.createOutputTopic(topics.buildingQuarterHourly().name(),
                topics.buildingQuarterHourly().keySerde().deserializer(),
                topics.buildingQuarterHourly().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.readingsDlq().name(), topics.readingsDlq().keySerde().deserializer(),
                topics.readingsDlq().valueSerde().deserializer());
    }

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("topology-test").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void send(Reading reading) {
        readings.pipeInput(new TestRecord<>(reading.meterId(), Json.toBytes(reading), reading.timestamp()));
    }

    void sendAll(List<Reading> all) {
        all.forEach(this::send);
    }

    void sendRaw(String key, String payload) {
        readings.pipeInput(key, payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    void register(Building building) {
        buildings.pipeInput(building.buildingId(), building, NOW);
    }

    /** Removes a building from the registry (a tombstone on its key). */
    void unregister(String buildingId) {
        buildings.pipeInput(buildingId, null, NOW);
    }

    /** Lets the wall clock pass one emit interval: pending meter-hours go downstream. */
    void flush() {
        driver.advanceWallClockTime(emitInterval);
    }

    /** New meter-hour records since the last call (after a flush). */
    List<MeterHour> newMeterHours() {
        flush();
        List<MeterHour> fresh = meterHours.readValuesToList();
        meterHourLog.addAll(fresh);
        return fresh;
    }

    /** The latest record of every meter-hour key emitted so far. */
    Map<MeterHourKey, MeterHour> meterHourTable() {
        newMeterHours();
        Map<MeterHourKey, MeterHour> table = new LinkedHashMap<>();
        meterHourLog.forEach(h -> table.put(h.key(), h));
        return table;
    }

    /** The latest meter-hour of one meter-register and hour, or {@code null}. */
    MeterHour meterHour(String meterId, String register, String hourStart) {
        return meterHourTable().get(new MeterHourKey(meterId, register, Instant.parse(hourStart)));
    }

    /** The latest record of every building-hour key emitted so far. */
    Map<BuildingHourKey, BuildingHour> buildingHourTable() {
        flush();
        buildingHourLog.addAll(buildingHours.readValuesToList());
        Map<BuildingHourKey, BuildingHour> table = new LinkedHashMap<>();
        buildingHourLog.forEach(h -> table.put(h.key(), h));
        return table;
    }

    BuildingHour buildingHour(String buildingId, String hourStart) {
        return buildingHourTable().get(new BuildingHourKey(buildingId, Instant.parse(hourStart)));
    }

    /** The latest record of every meter quarter-hour key emitted so far (none when quarter-hours are off). */
    Map<MeterHourKey, MeterHour> meterQuarterTable() {
        flush();
        if (quarterHours) {
            meterQuarterLog.addAll(meterQuarters.readValuesToList());
        }
        Map<MeterHourKey, MeterHour> table = new LinkedHashMap<>();
        meterQuarterLog.forEach(h -> table.put(h.key(), h));
        return table;
    }

    /** The latest record of every building quarter-hour key emitted so far (none when quarter-hours are off). */
    Map<BuildingHourKey, BuildingHour> buildingQuarterTable() {
        flush();
        if (quarterHours) {
            buildingQuarterLog.addAll(buildingQuarters.readValuesToList());
        }
        Map<BuildingHourKey, BuildingHour> table = new LinkedHashMap<>();
        buildingQuarterLog.forEach(h -> table.put(h.key(), h));
        return table;
    }

    /** The names of the topics the topology has written to so far. */
    java.util.Set<String> producedTopics() {
        flush();
        return driver.producedTopicNames();
    }

    /** A temperature sample, as ingest produces it from a weather sensor's MQTT route. */
    void weatherSample(WeatherSample sample) {
        weatherSamples.pipeInput(sample.locationId(), sample, sample.timestamp());
    }

    void weather(WeatherDaily temperature) {
        weather.pipeInput(new WeatherKey(temperature.locationId(), temperature.date()), temperature, NOW);
    }

    BuildingDaily day(String buildingId, String date) {
        flush();
        days.readValuesToList().forEach(d -> dayTable.put(d.key(), d));
        return dayTable.get(new BuildingDailyKey(buildingId, java.time.LocalDate.parse(date)));
    }

    BuildingMonthly month(String buildingId, String month) {
        flush();
        months.readValuesToList().forEach(m -> monthTable.put(m.key(), m));
        return monthTable.get(new BuildingMonthlyKey(buildingId, java.time.YearMonth.parse(month)));
    }

    List<DeadLetter> deadLetters() {
        flush();
        return dlq.readValuesToList();
    }

    double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
