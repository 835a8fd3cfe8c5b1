package org.straumflyt.processor.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertCause;
import org.straumflyt.model.AlertEvent;
import org.straumflyt.model.AlertKey;
import org.straumflyt.model.AlertKind;
import org.straumflyt.model.AlertState;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.calendar.LocalDays;
import org.straumflyt.processor.portfolio.MutableClock;

/**
 * The follow-up application in a test driver: a year of a school's days generated from a known signature, with
 * faults injected on the last days; alerts out.
 */
class FollowUpTopologyTest {
    private static final String ZONE = "Europe/Oslo";
    private static final String B = "skole-1";
    /** Today in Oslo is 2026-01-11; the newest day judged is 2026-01-10. */
    private static final Instant NOW = Instant.parse("2026-01-11T10:00:00Z");
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 1, 10);

    private final Topics topics = Topics.withPrefix("t.");
    private MutableClock clock;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Building> registry;
    private TestInputTopic<BuildingDailyKey, BuildingDaily> days;
    private TestInputTopic<MeterHourKey, MeterHour> meterHours;
    private TestOutputTopic<AlertKey, Alert> alerts;

    private void start(FollowUpRules rules) throws IOException {
        clock = new MutableClock(NOW);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-followup");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("followup").toString());
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        driver = new TopologyTestDriver(new FollowUpTopology(topics, rules, clock).build(props), props, NOW);
        var r = topics.registryBuildings();
        registry = driver.createInputTopic(r.name(), r.keySerde().serializer(), r.valueSerde().serializer());
        var d = topics.buildingDaily();
        days = driver.createInputTopic(d.name(), d.keySerde().serializer(), d.valueSerde().serializer());
        var m = topics.meterHourly();
        meterHours = driver.createInputTopic(m.name(), m.keySerde().serializer(), m.valueSerde().serializer());
        var a = topics.alerts();
        alerts = driver.createOutputTopic(a.name(), a.keySerde().deserializer(), a.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    // --- the generated school: E = 400 + 60·max(0, 14 − t) kWh/day, base load 10 + 0.5·max(0, 14 − t) kW ---

    static double temperature(LocalDate date) {
        int d = date.getDayOfYear();
        return 5 - 11 * Math.cos(2 * Math.PI * (d - 15) / 365.0) + 2 * Math.sin(date.toEpochDay() * 1.7);
    }

    static double noise(LocalDate date) {
        return 1 + 0.02 * Math.sin(date.toEpochDay() * 2.3);
    }

    static double trueEnergy(double t) {
        return 400 + 60 * Math.max(0, 14 - t);
    }

    static double trueBaseLoad(double t) {
        return 10 + 0.5 * Math.max(0, 14 - t);
    }

    /** A day with the signature's energy × {@code energy}, base load × {@code base} and peak × {@code peak}. */
    static BuildingDaily day(LocalDate date, double energy, double base, double peak) {
        double t = temperature(date);
        double kwh = trueEnergy(t) * noise(date) * energy;
        double peakKw = trueEnergy(t) / 24 * 1.6 * noise(date) * peak;
        return new BuildingDaily(B, "3201", BuildingCategory.SCHOOL, date, ZONE, 24, 24, Map.of(), kwh, 0, null,
                new PeakHour(LocalDays.startOf(date, ZONE).plusSeconds(8 * 3600), peakKw),
                trueBaseLoad(t) * noise(date) * base, t, Math.max(0, 17 - t), 18.0, 1.0, 1.0, Set.of(), 1);
    }

    private void year(Function<LocalDate, BuildingDaily> faults) {
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            BuildingDaily day = faults.apply(d);
            days.pipeInput(day.key(), day, NOW);
        }
    }

    private void clean() {
        year(d -> day(d, 1, 1, 1));
    }

    private void register(String... meters) {
        List<MeterSpec> specs = java.util.Arrays.stream(meters)
                .map(m -> new MeterSpec(m, Carrier.ELECTRICITY, List.of("import"), null, null, true)).toList();
        Building b = new Building(B, "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 5400.0, ZONE, null,
                "baerum", false, specs);
        registry.pipeInput(B, b, NOW);
    }

    private void meterHour(String meter, Instant hour, double coverage) {
        MeterHour h = new MeterHour(meter, "import", Carrier.ELECTRICITY, B, hour, 10 * coverage, null, coverage,
                EnergySource.REGISTER, Set.of(), 1);
        meterHours.pipeInput(h.key(), h, clock.instant());
    }

    private void tick() {
        Duration step = FollowUpRules.defaults().checkInterval();
        clock.advance(step);
        driver.advanceWallClockTime(step);
    }

    private List<Alert> newAlerts() {
        return alerts.readValuesToList();
    }

    private static double sumOver(LocalDate from, LocalDate to, Function<LocalDate, Double> f) {
        double sum = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            sum += f.apply(d);
        }
        return sum;
    }

    @Test
    void shouldRaiseNothingOnACleanBuilding() throws IOException {
        start(FollowUpRules.defaults());
        clean();

        tick();
        tick();

        assertThat(newAlerts()).isEmpty();
    }

    @Test
    void shouldOpenEnergyAboveExpectedAfterNDaysAndNotBefore() throws IOException {
        start(FollowUpRules.defaults());
        LocalDate faultFrom = LocalDate.of(2026, 1, 7);
        // Given two days at +30 % (fewer than the 3 the rules ask for)
        year(d -> day(d, d.isBefore(LocalDate.of(2026, 1, 9)) ? 1 : 1.3, 1, 1));
        tick();
        assertThat(newAlerts()).isEmpty();

        // When two earlier days turn out +30 % as well (a late revision), the run is 4 days
        days.pipeInput(day(faultFrom, 1.3, 1, 1).key(), day(faultFrom, 1.3, 1, 1), NOW);
        days.pipeInput(day(faultFrom.plusDays(1), 1.3, 1, 1).key(), day(faultFrom.plusDays(1), 1.3, 1, 1), NOW);
        tick();

        // Then one alert opens, since the start of 7 January in Oslo, with the days' energy and their excess
        List<Alert> out = newAlerts();
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.ENERGY_ABOVE_EXPECTED);
            assertThat(a.state()).isEqualTo(AlertState.OPEN);
            assertThat(a.event()).isEqualTo(AlertEvent.OPENED);
            assertThat(a.since()).isEqualTo(faultFrom.atStartOfDay(ZoneId.of(ZONE)).toInstant());
            assertThat(a.days()).isEqualTo(4);
            assertThat(a.revision()).isEqualTo(1);
            assertThat(a.municipality()).isEqualTo("3201");
            // measured: exactly the energy sent
            double actual = sumOver(faultFrom, LAST, d -> day(d, 1.3, 1, 1).importKwh());
            assertThat(a.measured()).isCloseTo(actual, within(1e-6));
            // excess against the generating signature (the fit recovers it within a few percent)
            double trueExcess = actual - sumOver(faultFrom, LAST, d -> trueEnergy(temperature(d)));
            assertThat(a.excessKwh()).isCloseTo(trueExcess, within(trueExcess * 0.1));
            assertThat(a.excessPercent()).isCloseTo(30, within(4.0));
            // cold January days, base load normal: the heating is the likely cause
            assertThat(a.cause()).isEqualTo(AlertCause.HEATING);
        });
    }

    @Test
    void shouldNotRepeatAnOngoingFindingAndShouldCloseItWhenTheConditionEnds() throws IOException {
        start(FollowUpRules.defaults());
        year(d -> day(d, d.isBefore(LocalDate.of(2026, 1, 7)) ? 1 : 1.3, 1, 1));
        tick();
        Alert opened = newAlerts().get(0);

        // When nothing changes, ticks emit nothing
        tick();
        tick();
        assertThat(newAlerts()).isEmpty();

        // When the next day is also high, the same alert is updated: same since, revision 2, no new opening
        clock.advance(Duration.ofDays(1));
        driver.advanceWallClockTime(Duration.ofDays(1));
        LocalDate next = LAST.plusDays(1);
        days.pipeInput(day(next, 1.3, 1, 1).key(), day(next, 1.3, 1, 1), clock.instant());
        tick();
        assertThat(newAlerts()).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(AlertEvent.UPDATED);
            assertThat(a.since()).isEqualTo(opened.since());
            assertThat(a.days()).isEqualTo(5);
            assertThat(a.revision()).isEqualTo(2);
        });

        // When a normal day follows, the alert closes itself
        clock.advance(Duration.ofDays(1));
        driver.advanceWallClockTime(Duration.ofDays(1));
        LocalDate normal = next.plusDays(1);
        days.pipeInput(day(normal, 1, 1, 1).key(), day(normal, 1, 1, 1), clock.instant());
        tick();
        assertThat(newAlerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
            assertThat(a.event()).isEqualTo(AlertEvent.CLOSED);
            assertThat(a.since()).isEqualTo(opened.since());
            assertThat(a.until()).isNotNull();
            assertThat(a.revision()).isEqualTo(3);
        });
        tick();
        assertThat(newAlerts()).isEmpty();
    }

    @Test
    void shouldOpenBaseLoadUpWithNightOperationAsItsCause() throws IOException {
        start(FollowUpRules.defaults());
        // ventilation on at night from 8 January: base load × 1.6, the day's energy up by the extra night hours
        LocalDate from = LocalDate.of(2026, 1, 8);
        year(d -> d.isBefore(from) ? day(d, 1, 1, 1) : day(d, 1.03, 1.6, 1));
        tick();

        List<Alert> out = newAlerts();
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.BASE_LOAD_UP);
            assertThat(a.cause()).isEqualTo(AlertCause.NIGHT_OPERATION);
            assertThat(a.days()).isEqualTo(3);
            assertThat(a.unit()).isEqualTo("kW");
            double measured = sumOver(from, LAST, d -> day(d, 1, 1.6, 1).baseLoadKw()) / 3;
            assertThat(a.measured()).isCloseTo(measured, within(1e-9));
            double expected = sumOver(from, LAST, d -> trueBaseLoad(temperature(d))) / 3;
            assertThat(a.reference()).isCloseTo(expected, within(expected * 0.05));
        });
    }

    @Test
    void shouldRaiseANewPeakForOneDayAndCloseItTheNextNormalDay() throws IOException {
        start(FollowUpRules.defaults());
        // the coldest reference days have the highest peaks; 10 January peaks at twice the day's usual
        year(d -> day(d, 1, 1, d.equals(LAST) ? 2.0 : 1));
        tick();
        assertThat(newAlerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.NEW_PEAK);
            assertThat(a.cause()).isEqualTo(AlertCause.PEAK_DEMAND);
            assertThat(a.measured()).isCloseTo(day(LAST, 1, 1, 2.0).peakHour().kwh(), within(1e-9));
            double usual = 0;
            for (LocalDate d = LocalDate.of(2025, 1, 1); !d.isAfter(LocalDate.of(2025, 12, 13)); d = d.plusDays(1)) {
                usual = Math.max(usual, day(d, 1, 1, 1).peakHour().kwh());
            }
            assertThat(a.reference()).isCloseTo(usual, within(1e-9));
        });

        clock.advance(Duration.ofDays(1));
        driver.advanceWallClockTime(Duration.ofDays(1));
        days.pipeInput(day(LAST.plusDays(1), 1, 1, 1).key(), day(LAST.plusDays(1), 1, 1, 1), clock.instant());
        tick();
        assertThat(newAlerts()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.CLOSED));
    }

    @Test
    void shouldRaiseASilentMeterAfterNHoursAndCloseItWhenItsDataReturns() throws IOException {
        start(FollowUpRules.defaults());
        register("m1", "m2");
        Instant hour = NOW.minusSeconds(3600 * 10).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        // both meters report 10 whole hours; then m2 falls silent while m1 goes on
        for (int i = 0; i < 10; i++) {
            meterHour("m1", hour.plusSeconds(3600L * i), 1);
            meterHour("m2", hour.plusSeconds(3600L * i), 1);
        }
        tick();
        assertThat(newAlerts()).isEmpty();
        Instant m2Until = hour.plusSeconds(3600L * 10);
        for (int h = 0; h < 7; h++) {
            clock.advance(Duration.ofHours(1));
            driver.advanceWallClockTime(Duration.ofHours(1));
            meterHour("m1", hour.plusSeconds(3600L * (10 + h)), 1);
        }
        tick();

        List<Alert> out = newAlerts();
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo(new AlertKey(B, AlertKind.METER_SILENT, "m2"));
            assertThat(a.since()).isEqualTo(m2Until);
            assertThat(a.cause()).isEqualTo(AlertCause.METERING);
        });
        tick();
        assertThat(newAlerts()).isEmpty();

        // its data returns
        meterHour("m2", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS), 0.5);
        tick();
        assertThat(newAlerts()).anySatisfy(a -> {
            assertThat(a.key()).isEqualTo(new AlertKey(B, AlertKind.METER_SILENT, "m2"));
            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
        });
    }

    @Test
    void shouldRaiseLowCoverageOfAMeterThatReportsHalfOfItsHours() throws IOException {
        start(FollowUpRules.defaults());
        register("m1");
        Instant top = NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int i = 12; i >= 1; i--) {
            meterHour("m1", top.minusSeconds(3600L * i), i <= 6 ? 0.5 : 1);
        }
        // registered at NOW; for the next 6 hours each hour is measured half when it ends
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofHours(1));
            driver.advanceWallClockTime(Duration.ofHours(1));
            meterHour("m1", top.plusSeconds(3600L * i), 0.5);
        }
        tick();
        assertThat(newAlerts()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo(new AlertKey(B, AlertKind.METER_COVERAGE_LOW, "m1"));
            assertThat(a.measured()).isCloseTo(0.5, within(1e-9));
            assertThat(a.reference()).isCloseTo(0.8, within(1e-9));
        });
    }

    @Test
    void shouldRaiseNothingForADetectorThatIsSwitchedOff() throws IOException {
        start(FollowUpRules.defaults().withDetectors(EnumSet.of(AlertKind.METER_SILENT)));
        year(d -> day(d, d.isBefore(LocalDate.of(2026, 1, 7)) ? 1 : 1.3, 1.6, 2.0));
        tick();
        assertThat(newAlerts()).isEmpty();
    }

    @Test
    void shouldJudgeAgainstABaselineYear() throws IOException {
        // with 2025 as the baseline, the last 28 days of 2025 are part of the reference and 2026's days are judged
        start(FollowUpRules.defaults().withReferenceYear(2025));
        year(d -> day(d, d.isBefore(LocalDate.of(2026, 1, 5)) ? 1 : 1.3, 1, 1));
        tick();
        assertThat(newAlerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.ENERGY_ABOVE_EXPECTED);
            assertThat(a.days()).isEqualTo(6);
        });
    }
}
