package org.straumflyt.processor.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.portfolio.PortfolioMetrics;
import org.straumflyt.processor.portfolio.PortfolioRules;
import org.straumflyt.processor.portfolio.PortfolioTopology;

/**
 * CPU cost of the portfolio application's recomputations, in a test driver with RocksDB stores (no broker, no
 * transactions): a year of days for N buildings, then the first emission (every building recomputed), a quiet
 * interval, an interval after every meter's data moved on an hour (every building recomputed), and a day rollover.
 * Not a test: run by hand, see docs/PORTFOLIO.md. Argument: buildings (default 1000); {@code -Dbench.inmemory=true}
 * for in-memory stores.
 */
public final class PortfolioBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final int MUNICIPALITIES = 4;

    private PortfolioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int buildings = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Topics topics = Topics.withPrefix("bench.");
        PortfolioRules rules = PortfolioRules.defaults();
        var clock = new BenchClock(NOW);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "portfolio-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("portfolio-bench").toString());
        if (Boolean.getBoolean("bench.inmemory")) {
            props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                    BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        }
        PortfolioTopology topology = new PortfolioTopology(topics, rules,
                new PortfolioMetrics(new SimpleMeterRegistry()), clock);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(props), props, NOW)) {
            var registry = driver.createInputTopic(topics.registryBuildings().name(),
                    topics.registryBuildings().keySerde().serializer(),
                    topics.registryBuildings().valueSerde().serializer());
            var days = driver.createInputTopic(topics.buildingDaily().name(),
                    topics.buildingDaily().keySerde().serializer(), topics.buildingDaily().valueSerde().serializer());
            var meters = driver.createInputTopic(topics.meterHourly().name(),
                    topics.meterHourly().keySerde().serializer(), topics.meterHourly().valueSerde().serializer());
            var portfolio = driver.createOutputTopic(topics.portfolio().name(),
                    topics.portfolio().keySerde().deserializer(), topics.portfolio().valueSerde().deserializer());
            var twins = driver.createOutputTopic(topics.twinBuildings().name(),
                    topics.twinBuildings().keySerde().deserializer(),
                    topics.twinBuildings().valueSerde().deserializer());
            LocalDate to = LocalDate.parse("2026-11-22");

            long t0 = System.nanoTime();
            List<Building> all = new ArrayList<>();
            for (int b = 0; b < buildings; b++) {
                Building building = new Building("b" + b, null, String.valueOf(3201 + b % MUNICIPALITIES),
                        BuildingCategory.values()[b % 8], 1000 + b, null, null, null, false,
                        List.of(MeterSpec.of("el" + b, Carrier.ELECTRICITY),
                                MeterSpec.of("dh" + b, Carrier.DISTRICT_HEATING)));
                all.add(building);
                registry.pipeInput(building.buildingId(), building, NOW);
                for (int d = 0; d < 366; d++) {
                    BuildingDaily day = new BuildingDaily(building.buildingId(), building.municipality(),
                            building.category(), to.minusDays(d), "Europe/Oslo", 24, 24,
                            Map.of(Carrier.ELECTRICITY, new CarrierEnergy(300, 0, null),
                                    Carrier.DISTRICT_HEATING, new CarrierEnergy(500, 0, null)),
                            800, 0, 0.8, null, null, -3.0, 20.0, 21.0, 1, 1, EnumSet.noneOf(QualityFlag.class), 1);
                    days.pipeInput(day.key(), day, NOW);
                }
            }
            sendMeterHours(meters, all, NOW.minusSeconds(3600));
            double ingest = seconds(t0);
            twins.readRecordsToList();

            double first = emit(driver, clock, rules, buildings);
            int firstRecords = portfolio.readValuesToList().size();
            double quiet = emit(driver, clock, rules, buildings);
            int quietRecords = portfolio.readValuesToList().size();
            sendMeterHours(meters, all, NOW);
            double hourly = emit(driver, clock, rules, buildings);
            int hourlyRecords = portfolio.readValuesToList().size();
            Duration untilMidnight = Duration.between(clock.instant(), Instant.parse("2026-11-23T23:00:30Z"));
            clock.now = clock.now.plus(untilMidnight);
            long t1 = System.nanoTime();
            driver.advanceWallClockTime(untilMidnight);
            double rollover = seconds(t1) + emit(driver, clock, rules, buildings);
            int rolloverRecords = portfolio.readValuesToList().size();

            System.out.printf("buildings %d, %d days each, %d municipalities%n", buildings, 366, MUNICIPALITIES);
            System.out.printf("ingest of registry, days and meter-hours: %.2f s (%,d records)%n", ingest,
                    buildings * 369L);
            System.out.printf("first emission (all buildings recomputed): %.2f s, %d portfolio records%n", first,
                    firstRecords);
            System.out.printf("quiet interval: %.3f s, %d records%n", quiet, quietRecords);
            System.out.printf("after every meter moved on an hour: %.2f s, %d records%n", hourly, hourlyRecords);
            System.out.printf("day rollover: %.2f s, %d records%n", rollover, rolloverRecords);
        }
    }

    private static void sendMeterHours(org.apache.kafka.streams.TestInputTopic<org.straumflyt.model.MeterHourKey,
            MeterHour> meters, List<Building> all, Instant hour) {
        for (Building building : all) {
            for (MeterSpec meter : building.meters()) {
                MeterHour h = new MeterHour(meter.meterId(), "import", meter.carrier(), building.buildingId(), hour,
                        10, null, 1.0, EnergySource.REGISTER, EnumSet.noneOf(QualityFlag.class), 1);
                meters.pipeInput(h.key(), h, NOW);
            }
        }
    }

    /**
     * One-second ticks of the building stage until every building had its turn (at most 100 per tick), then an
     * interval for the municipality run; returns the seconds they took.
     */
    private static double emit(TopologyTestDriver driver, BenchClock clock, PortfolioRules rules, int buildings) {
        long t = System.nanoTime();
        for (int i = 0; i < buildings / 100 + 2; i++) {
            clock.now = clock.now.plusSeconds(1);
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        clock.now = clock.now.plus(rules.emitInterval());
        driver.advanceWallClockTime(rules.emitInterval());
        return seconds(t);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The benchmark's clock, moved with the driver's wall clock. */
    private static final class BenchClock extends java.time.Clock {
        private Instant now;

        BenchClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
