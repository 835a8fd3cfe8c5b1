package org.straumflyt.processor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.straumflyt.processor.cost.WorkedInvoice.ore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingCost;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.DayAheadPriceKey;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.KpiTopology;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.processor.engine.MeteringRules;

/**
 * The cost stage in the real topology ({@link TopologyTestDriver}): the worked invoice's month of docs/COST.md sent
 * as meter-hours and quarter-hour prices, in both orders, and with late corrections.
 */
class CostStageTest {
    private static final Tariffs TARIFFS = Tariffs.read(Path.of("../docs/examples/tariffs.json"));
    private static final BuildingMonthlyKey MONTH_KEY = new BuildingMonthlyKey(WorkedInvoice.BUILDING,
            WorkedInvoice.MONTH);
    private static final String METER = "7359992890000000";

    private final Topics topics = Topics.withPrefix("t.");
    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    @AfterEach
    void close() {
        drivers.forEach(TopologyTestDriver::close);
    }

    /** One topology with its topics. */
    private final class Stage {
        final TopologyTestDriver driver;
        final TestInputTopic<String, Building> registry;
        final TestInputTopic<MeterHourKey, MeterHour> meterHours;
        final TestInputTopic<DayAheadPriceKey, DayAheadPrice> prices;
        final TestOutputTopic<BuildingHourKey, BuildingCost> hourly;
        final TestOutputTopic<BuildingDailyKey, BuildingCost> daily;
        final TestOutputTopic<BuildingMonthlyKey, BuildingCost> monthly;
        final Map<BuildingMonthlyKey, BuildingCost> months = new LinkedHashMap<>();
        final Map<BuildingDailyKey, BuildingCost> days = new LinkedHashMap<>();
        final Map<BuildingHourKey, BuildingCost> hours = new LinkedHashMap<>();

        Stage() throws Exception {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cost-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
            props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("cost-test").toString());
            props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                    BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
            KpiTopology topology = new KpiTopology(topics, MeteringRules.defaults(),
                    new ProcessorMetrics(new SimpleMeterRegistry()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                    .withTariffs(TARIFFS);
            driver = new TopologyTestDriver(topology.build(props), props);
            drivers.add(driver);
            var r = topics.registryBuildings();
            registry = driver.createInputTopic(r.name(), r.keySerde().serializer(), r.valueSerde().serializer());
            var m = topics.meterHourly();
            meterHours = driver.createInputTopic(m.name(), m.keySerde().serializer(), m.valueSerde().serializer());
            var p = topics.dayAheadPrices();
            prices = driver.createInputTopic(p.name(), p.keySerde().serializer(), p.valueSerde().serializer());
            var h = topics.buildingCostHourly();
            hourly = driver.createOutputTopic(h.name(), h.keySerde().deserializer(), h.valueSerde().deserializer());
            var d = topics.buildingCostDaily();
            daily = driver.createOutputTopic(d.name(), d.keySerde().deserializer(), d.valueSerde().deserializer());
            var mo = topics.buildingCostMonthly();
            monthly = driver.createOutputTopic(mo.name(), mo.keySerde().deserializer(),
                    mo.valueSerde().deserializer());
        }

        void register(BiddingZone zone, String tariff) {
            registry.pipeInput(WorkedInvoice.BUILDING, new Building(WorkedInvoice.BUILDING, "Bekkestua skole", "3201",
                    BuildingCategory.SCHOOL, 5400, "Europe/Oslo", null, null, false,
                    List.of(new MeterSpec(METER, Carrier.ELECTRICITY, List.of("import", "export"), null, null, true)),
                    false, zone, tariff));
        }

        void energy(List<WorkedInvoice.Hour> hours) {
            for (WorkedInvoice.Hour hour : hours) {
                meterHour("import", hour.start(), hour.importKwh());
                if (hour.exportKwh() > 0) {
                    meterHour("export", hour.start(), hour.exportKwh());
                }
            }
        }

        void meterHour(String register, Instant start, double kwh) {
            MeterHour m = new MeterHour(METER, register, Carrier.ELECTRICITY, WorkedInvoice.BUILDING, start, kwh,
                    null, 1.0, EnergySource.REGISTER, EnumSet.noneOf(QualityFlag.class), 1);
            meterHours.pipeInput(new MeterHourKey(METER, register, start), m);
        }

        void prices(List<DayAheadPrice> all) {
            all.forEach(p -> prices.pipeInput(p.key(), p));
        }

        void read() {
            hourly.readKeyValuesToList().forEach(kv -> hours.put(kv.key, kv.value));
            daily.readKeyValuesToList().forEach(kv -> days.put(kv.key, kv.value));
            monthly.readKeyValuesToList().forEach(kv -> months.put(kv.key, kv.value));
        }
    }

    @Test
    void energyBeforePricesGivesTheWorkedInvoice() throws Exception {
        Stage stage = new Stage();
        stage.register(BiddingZone.NO1, "naering-liten");
        stage.energy(WorkedInvoice.hours());
        stage.read();
        BuildingCost unpriced = stage.months.get(MONTH_KEY);
        assertThat(unpriced.pricesComplete()).isFalse();
        assertThat(unpriced.spotNok()).isZero();

        stage.prices(WorkedInvoice.prices());
        stage.read();

        assertTheInvoice(stage.months.get(MONTH_KEY));
        assertThat(stage.hours).hasSize(672);
        assertThat(stage.days).hasSize(28);
        assertThat(stage.days.values()).allSatisfy(d -> {
            assertThat(d.capacityNok()).isZero();
            assertThat(d.fixedNok()).isZero();
            assertThat(d.pricesComplete()).isTrue();
        });
        // the days add up to the month's energy-dependent parts
        double spot = 0;
        for (BuildingCost d : stage.days.values()) {
            spot += d.spotNok();
        }
        assertThat(ore(spot)).isEqualTo(WorkedInvoice.SPOT);
        // a working hour of the 10th: 50 kWh × 1.30; 50 × 0.02; 50 × 0.40; 50 × 0.1353
        BuildingCost peak = stage.hours.get(new BuildingHourKey(WorkedInvoice.BUILDING,
                Instant.parse("2026-02-10T08:00:00Z")));
        assertThat(peak.spotNok()).isCloseTo(65.0, within(1e-9));
        assertThat(peak.gridEnergyNok()).isCloseTo(20.0, within(1e-9));
        assertThat(peak.taxesNok()).isCloseTo(6.765, within(1e-9));
        assertThat(peak.tariffVersion()).startsWith("naering-liten@2026-01-01#");
    }

    @Test
    void pricesBeforeEnergyAndShuffledEndInTheSameFigures() throws Exception {
        Stage later = new Stage();
        later.register(BiddingZone.NO1, "naering-liten");
        later.energy(WorkedInvoice.hours());
        later.prices(WorkedInvoice.prices());
        later.read();

        Stage earlier = new Stage();
        List<DayAheadPrice> prices = new ArrayList<>(WorkedInvoice.prices());
        Collections.shuffle(prices, new java.util.Random(22));
        earlier.prices(prices);
        List<WorkedInvoice.Hour> hours = new ArrayList<>(WorkedInvoice.hours());
        Collections.shuffle(hours, new java.util.Random(7));
        earlier.energy(hours);
        earlier.register(BiddingZone.NO1, "naering-liten");
        earlier.read();

        assertTheInvoice(earlier.months.get(MONTH_KEY));
        assertThat(earlier.months.get(MONTH_KEY).withRevision(0)).isEqualTo(later.months.get(MONTH_KEY)
                .withRevision(0));
        assertThat(earlier.days.keySet()).isEqualTo(later.days.keySet());
        earlier.days.forEach((k, d) -> assertThat(d.withRevision(0)).isEqualTo(later.days.get(k).withRevision(0)));
    }

    @Test
    void lateEnergyAndACorrectedPriceGiveNewRevisionsOfTheHourDayAndMonth() throws Exception {
        Stage stage = new Stage();
        stage.register(BiddingZone.NO1, "naering-liten");
        stage.prices(WorkedInvoice.prices());
        stage.energy(WorkedInvoice.hours());
        stage.read();
        BuildingCost before = stage.months.get(MONTH_KEY);
        Instant hour = Instant.parse("2026-02-20T01:00:00Z"); // a Friday 02:00, 10 kWh at 1.00

        stage.meterHour("import", hour, 12);
        stage.read();
        BuildingCost afterEnergy = stage.months.get(MONTH_KEY);
        // 2 kWh more: spot + 2.00, supplier + 0.04, grid (night) + 0.60, taxes + 0.2706
        assertThat(afterEnergy.revision()).isGreaterThan(before.revision());
        assertThat(afterEnergy.spotNok() - before.spotNok()).isCloseTo(2.0, within(1e-6));
        assertThat(afterEnergy.gridEnergyNok() - before.gridEnergyNok()).isCloseTo(0.6, within(1e-6));

        DayAheadPrice quarter = WorkedInvoice.prices().stream().filter(p -> p.start().equals(hour)).findFirst()
                .orElseThrow();
        stage.prices.pipeInput(quarter.key(), new DayAheadPrice(BiddingZone.NO1, quarter.start(), quarter.end(),
                3.0, 3.0, "NOK", "kWh", 1, null));
        stage.read();
        BuildingCost afterPrice = stage.months.get(MONTH_KEY);
        // one quarter of that hour from 1.00 to 3.00: 12 kWh × 2.00 / 4
        assertThat(afterPrice.revision()).isGreaterThan(afterEnergy.revision());
        assertThat(afterPrice.spotNok() - afterEnergy.spotNok()).isCloseTo(6.0, within(1e-6));
        assertThat(stage.hours.get(new BuildingHourKey(WorkedInvoice.BUILDING, hour)).spotNok())
                .isCloseTo(18.0, within(1e-9));
        assertThat(stage.days.get(new BuildingDailyKey(WorkedInvoice.BUILDING, LocalDate.of(2026, 2, 20)))
                .revision()).isGreaterThan(1);
    }

    @Test
    void aBuildingMovedToTheLargeCustomerTariffIsRepricedWithCapacityPerKw() throws Exception {
        Stage stage = new Stage();
        stage.register(BiddingZone.NO1, "naering-liten");
        stage.prices(WorkedInvoice.prices());
        stage.energy(WorkedInvoice.hours());
        stage.register(BiddingZone.NO1, "naering-stor");
        stage.read();

        BuildingCost month = stage.months.get(MONTH_KEY);
        // the month's highest hour is 50 kWh: 50 kW × 120 NOK/kW in February
        assertThat(month.tariffVersion()).startsWith("naering-stor@2026-01-01#");
        assertThat(month.capacityKw()).isEqualTo(50.0);
        assertThat(month.capacityNok()).isCloseTo(6000.0, within(1e-9));
        assertThat(month.fixedNok()).isCloseTo(1600.0, within(1e-9));
    }

    private static void assertTheInvoice(BuildingCost month) {
        assertThat(month.period()).isEqualTo(BuildingCost.MONTH);
        assertThat(month.zone()).isEqualTo(BiddingZone.NO1);
        assertThat(month.importKwh()).isCloseTo(WorkedInvoice.IMPORT_KWH, within(1e-6));
        assertThat(month.exportKwh()).isCloseTo(WorkedInvoice.EXPORT_KWH, within(1e-6));
        assertThat(ore(month.spotNok())).isEqualTo(WorkedInvoice.SPOT);
        assertThat(ore(month.supplierNok())).isEqualTo(WorkedInvoice.SUPPLIER);
        assertThat(ore(month.gridEnergyNok())).isEqualTo(WorkedInvoice.GRID_ENERGY);
        assertThat(ore(month.capacityNok())).isEqualTo(WorkedInvoice.CAPACITY);
        assertThat(month.capacityKw()).isCloseTo(WorkedInvoice.CAPACITY_KW, within(1e-9));
        assertThat(ore(month.fixedNok())).isEqualTo(WorkedInvoice.FIXED);
        assertThat(ore(month.taxesNok())).isEqualTo(WorkedInvoice.TAXES);
        assertThat(ore(month.totalNok())).isEqualTo(WorkedInvoice.TOTAL);
        assertThat(ore(month.vatNok())).isEqualTo(WorkedInvoice.VAT);
        assertThat(ore(month.totalWithVatNok())).isEqualTo(WorkedInvoice.TOTAL_WITH_VAT);
        assertThat(ore(month.exportValueNok())).isEqualTo(WorkedInvoice.EXPORT_VALUE);
        assertThat(month.pricesComplete()).isTrue();
        assertThat(month.start()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
    }
}
