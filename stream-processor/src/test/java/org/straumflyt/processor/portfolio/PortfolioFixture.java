package org.straumflyt.processor.portfolio;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.straumflyt.model.BuildingTwin;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.PortfolioKey;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;

/**
 * The real portfolio topology in a {@link TopologyTestDriver}: public KPI records in, portfolio and twin records out.
 * The test's clock and the driver's wall clock move together.
 */
public final class PortfolioFixture implements AutoCloseable {
    final Topics topics = Topics.withPrefix("t.");
    final MutableClock clock;
    final PortfolioRules rules;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Building> registry;
    private final TestInputTopic<BuildingHourKey, BuildingHour> hours;
    private final TestInputTopic<BuildingDailyKey, BuildingDaily> days;
    private final TestInputTopic<MeterHourKey, MeterHour> meterHours;
    private final TestOutputTopic<PortfolioKey, PortfolioKpi> portfolio;
    private final TestOutputTopic<String, BuildingTwin> twins;
    /** Everything read from kpi.portfolio so far, in order. */
    final List<PortfolioKpi> portfolioLog = new ArrayList<>();
    /** Everything read from twin.buildings so far, in order; tombstones as {@code null} values. */
    final List<TestRecord<String, BuildingTwin>> twinLog = new ArrayList<>();

    /** With the default rules. */
    public PortfolioFixture(Instant now) {
        this(now, PortfolioRules.defaults());
    }

    PortfolioFixture(Instant now, PortfolioRules rules) {
        this(now, rules, BuildingStage.CONTRIBUTIONS_PER_TICK);
    }

    PortfolioFixture(Instant now, PortfolioRules rules, int contributionsPerTick) {
        this.clock = new MutableClock(now);
        this.rules = rules;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-portfolio");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        PortfolioTopology topology = new PortfolioTopology(topics, rules,
                new PortfolioMetrics(new SimpleMeterRegistry()), clock, contributionsPerTick);
        driver = new TopologyTestDriver(topology.build(props), props, now);
        registry = driver.createInputTopic(topics.registryBuildings().name(),
                topics.registryBuildings().keySerde().serializer(), topics.registryBuildings().valueSerde().serializer());
        hours = driver.createInputTopic(topics.buildingHourly().name(), topics.buildingHourly().keySerde().serializer(),
                topics.buildingHourly().valueSerde().serializer());
        days = driver.createInputTopic(topics.buildingDaily().name(), topics.buildingDaily().keySerde().serializer(),
                topics.buildingDaily().valueSerde().serializer());
        meterHours = driver.createInputTopic(topics.meterHourly().name(), topics.meterHourly().keySerde().serializer(),
                topics.meterHourly().valueSerde().serializer());
        portfolio = driver.createOutputTopic(topics.portfolio().name(), topics.portfolio().keySerde().deserializer(),
                topics.portfolio().valueSerde().deserializer());
        twins = driver.createOutputTopic(topics.twinBuildings().name(),
                topics.twinBuildings().keySerde().deserializer(), topics.twinBuildings().valueSerde().deserializer());
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("portfolio-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(Building building) {
        registry.pipeInput(building.buildingId(), building, clock.instant());
    }

    public void unregister(String buildingId) {
        registry.pipeInput(buildingId, null, clock.instant());
    }

    public void hour(BuildingHour hour) {
        hours.pipeInput(hour.key(), hour, clock.instant());
    }

    public void day(BuildingDaily day) {
        days.pipeInput(day.key(), day, clock.instant());
    }

    /** A meter-hour of the meter whose data reaches {@code hourStart + coverage × 1 h}. */
    void meterHour(String meterId, String buildingId, String hourStart, double coverage) {
        MeterHour hour = new MeterHour(meterId, "import", Carrier.ELECTRICITY, buildingId, Instant.parse(hourStart),
                1.0, null, coverage, EnergySource.REGISTER, EnumSet.noneOf(QualityFlag.class), 1);
        meterHours.pipeInput(hour.key(), hour, clock.instant());
    }

    /** Moves the test clock and the driver's wall clock: due punctuations run. */
    public void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Lets one emission interval pass twice: the building stage's contributions, then the municipality stage's run. */
    void emit() {
        advance(rules.emitInterval());
        advance(rules.emitInterval());
    }

    /** Portfolio records emitted since the last call. */
    List<PortfolioKpi> newPortfolio() {
        List<PortfolioKpi> fresh = portfolio.readValuesToList();
        portfolioLog.addAll(fresh);
        return fresh;
    }

    /** The latest record of every portfolio key emitted so far. */
    Map<PortfolioKey, PortfolioKpi> portfolioTable() {
        newPortfolio();
        Map<PortfolioKey, PortfolioKpi> table = new LinkedHashMap<>();
        portfolioLog.forEach(p -> table.put(p.key(), p));
        return table;
    }

    PortfolioKpi portfolio(String municipality, PortfolioPeriod period, String from) {
        return portfolioTable().get(new PortfolioKey(municipality, period, LocalDate.parse(from)));
    }

    /** Twin records emitted since the last call. */
    public List<TestRecord<String, BuildingTwin>> newTwins() {
        List<TestRecord<String, BuildingTwin>> fresh = twins.readRecordsToList();
        twinLog.addAll(fresh);
        return fresh;
    }

    /** The latest twin of a building, {@code null} when its last record is a tombstone or there is none. */
    public BuildingTwin twin(String buildingId) {
        newTwins();
        BuildingTwin latest = null;
        for (TestRecord<String, BuildingTwin> r : twinLog) {
            if (r.key().equals(buildingId)) {
                latest = r.value();
            }
        }
        return latest;
    }

    /** A complete day without a temperature. */
    static BuildingDaily daily(Building building, String date, Map<Carrier, Double> importByCarrier,
            double exportKwh) {
        return daily(building, date, importByCarrier, null, null, exportKwh, 1.0);
    }

    /**
     * A building-day as the KPI topology publishes it.
     *
     * @param degreeDays       the day's degree days, {@code null} without a temperature
     * @param normalDegreeDays the day's normal degree days, with {@code degreeDays}
     * @param meterCoverage    the measured part of the day's expected meter-hours (1: complete)
     */
    static BuildingDaily daily(Building building, String date, Map<Carrier, Double> importByCarrier,
            Double degreeDays, Double normalDegreeDays, double exportKwh, double meterCoverage) {
        Map<Carrier, CarrierEnergy> carriers = new LinkedHashMap<>();
        importByCarrier.forEach((c, kwh) -> carriers.put(c, new CarrierEnergy(kwh, 0, null)));
        if (exportKwh > 0) {
            carriers.merge(Carrier.ELECTRICITY, new CarrierEnergy(0, exportKwh, null), CarrierEnergy::plus);
        }
        double importKwh = importByCarrier.values().stream().mapToDouble(Double::doubleValue).sum();
        return new BuildingDaily(building.buildingId(), building.municipality(), building.category(),
                LocalDate.parse(date), building.timeZone(), 24, 24, carriers, importKwh, exportKwh,
                building.heatedAreaM2() > 0 ? importKwh / building.heatedAreaM2() : null, null, null,
                degreeDays == null ? null : 17 - degreeDays, degreeDays, normalDegreeDays, meterCoverage,
                meterCoverage, EnumSet.noneOf(QualityFlag.class), 1);
    }

    /** Every twin record so far, in order; tombstones as {@code null} values. */
    public List<TestRecord<String, BuildingTwin>> twinLog() {
        newTwins();
        return twinLog;
    }

    @Override
    public void close() {
        driver.close();
    }
}
