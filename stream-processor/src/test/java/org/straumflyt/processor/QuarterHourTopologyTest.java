package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.engine.MeteringRules;

/** Quarter-hours beside the hours: kpi.meter-quarter-hourly and kpi.building-quarter-hourly. */
class QuarterHourTopologyTest {
    private static final double EPS = 1e-9;
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String DAY = "2026-11-23T";

    private static Building school() {
        return new Building("school", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 1000, "Europe/Oslo", null,
                null, false, List.of(MeterSpec.of("el", Carrier.ELECTRICITY)));
    }

    private static Reading register(double kwh, String time) {
        return Reading.register("el", "import", kwh, Instant.parse(DAY + time), Carrier.ELECTRICITY);
    }

    private static MeterHour quarter(Map<MeterHourKey, MeterHour> quarters, String start) {
        return quarters.get(new MeterHourKey("el", "import", Instant.parse(start)));
    }

    @Test
    void shouldSplitARegisterStepAcrossAnHourBorderIntoItsQuartersByTime() {
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.register(school());
            // 30 kWh over 06:40-07:10: 1 kWh a minute
            fixture.sendAll(List.of(register(100, "06:40:00Z"), register(130, "07:10:00Z")));

            Map<MeterHourKey, MeterHour> quarters = fixture.meterQuarterTable();
            assertThat(quarters).hasSize(3);
            MeterHour q0630 = quarter(quarters, DAY + "06:30:00Z");
            MeterHour q0645 = quarter(quarters, DAY + "06:45:00Z");
            MeterHour q0700 = quarter(quarters, DAY + "07:00:00Z");
            assertThat(q0630.energyKwh()).isCloseTo(5, within(EPS));
            assertThat(q0630.coverage()).isCloseTo(1 / 3.0, within(EPS));
            assertThat(q0630.flags()).containsExactly(QualityFlag.GAP);
            assertThat(q0645.energyKwh()).isCloseTo(15, within(EPS));
            assertThat(q0645.coverage()).isCloseTo(1, within(EPS));
            assertThat(q0645.flags()).isEmpty();
            assertThat(q0700.energyKwh()).isCloseTo(10, within(EPS));
            assertThat(q0700.coverage()).isCloseTo(2 / 3.0, within(EPS));
            assertThat(List.of(q0630, q0645, q0700)).allSatisfy(q -> {
                assertThat(q.source()).isEqualTo(EnergySource.REGISTER);
                assertThat(q.buildingId()).isEqualTo("school");
                assertThat(q.revision()).isEqualTo(1);
            });

            MeterHour six = fixture.meterHour("el", "import", DAY + "06:00:00Z");
            MeterHour seven = fixture.meterHour("el", "import", DAY + "07:00:00Z");
            assertThat(six.energyKwh()).isCloseTo(20, within(EPS));
            assertThat(seven.energyKwh()).isCloseTo(10, within(EPS));
            assertThat(six.coverage()).isCloseTo(20 / 60.0, within(EPS));

            Map<BuildingHourKey, BuildingHour> building = fixture.buildingQuarterTable();
            assertThat(building).hasSize(3);
            BuildingHour b0645 = building.get(new BuildingHourKey("school", Instant.parse(DAY + "06:45:00Z")));
            assertThat(b0645.importKwh()).isCloseTo(15, within(EPS));
            assertThat(b0645.kwhPerM2()).isCloseTo(0.015, within(EPS));
            assertThat(b0645.metersReporting()).isEqualTo(1);
            assertThat(b0645.metersExpected()).isEqualTo(1);
            assertThat(b0645.municipality()).isEqualTo("3201");
        }
    }

    @Test
    void shouldReviseAQuarterAndItsBuildingQuarterWhenALateReadingChangesIt() {
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.register(school());
            fixture.sendAll(List.of(register(100, "06:00:00Z"), register(160, "07:00:00Z")));
            Map<MeterHourKey, MeterHour> before = fixture.meterQuarterTable();
            assertThat(before.values()).hasSize(4).allSatisfy(q -> {
                assertThat(q.energyKwh()).isCloseTo(15, within(EPS));
                assertThat(q.revision()).isEqualTo(1);
            });

            // a reading at 06:15 arrives late: 6:00-06:15 used 4 kWh, the rest 56 kWh over 45 min
            fixture.send(register(104, "06:15:00Z"));

            Map<MeterHourKey, MeterHour> after = fixture.meterQuarterTable();
            assertThat(quarter(after, DAY + "06:00:00Z").energyKwh()).isCloseTo(4, within(EPS));
            assertThat(quarter(after, DAY + "06:00:00Z").revision()).isEqualTo(2);
            // 56/3 kWh each in whole µWh is 18.666666667, three of them 1 µWh more than the hour's 56: the first
            // of the largest quarters takes the residual
            assertThat(quarter(after, DAY + "06:15:00Z").energyKwh()).isEqualTo(18.666666666);
            assertThat(quarter(after, DAY + "06:30:00Z").energyKwh()).isEqualTo(18.666666667);
            assertThat(quarter(after, DAY + "06:45:00Z").energyKwh()).isEqualTo(18.666666667);
            assertThat(quarter(after, DAY + "06:45:00Z").revision()).isEqualTo(2);
            assertThat(fixture.meterHour("el", "import", DAY + "06:00:00Z").energyKwh()).isCloseTo(60,
                    within(1e-8));
            BuildingHour first = fixture.buildingQuarterTable()
                    .get(new BuildingHourKey("school", Instant.parse(DAY + "06:00:00Z")));
            assertThat(first.importKwh()).isCloseTo(4, within(EPS));
            assertThat(first.revision()).isEqualTo(2);
            List<Long> revisions = fixture.buildingQuarterLog.stream()
                    .filter(q -> q.hourStart().equals(Instant.parse(DAY + "06:00:00Z"))).map(BuildingHour::revision)
                    .toList();
            assertThat(revisions).containsExactly(1L, 2L);
        }
    }

    @Test
    void shouldKeepTheQuartersOfTheRepeatedHourApartOnTheAutumnDstDay() {
        LocalDate day = LocalDate.parse("2026-10-25");
        Map<Instant, BuildingHour> quarters = quarterHourDay(day);

        assertThat(Resolution.QUARTER_HOURLY.bucketsIn(day, OSLO)).isEqualTo(100);
        assertThat(quarters).hasSize(100);
        // 02:00-03:00 local twice: 00:00Z (summer time) and 01:00Z (winter time), four quarters each
        long repeated = quarters.keySet().stream()
                .filter(q -> q.atZone(OSLO).getHour() == 2).count();
        assertThat(repeated).isEqualTo(8);
        assertThat(quarters.keySet().stream().map(q -> q.atZone(OSLO).toLocalDateTime()).distinct().count())
                .isEqualTo(96);
    }

    @Test
    void shouldHaveNinetyTwoQuartersOnTheSpringDstDay() {
        LocalDate day = LocalDate.parse("2026-03-29");
        Map<Instant, BuildingHour> quarters = quarterHourDay(day);

        assertThat(Resolution.QUARTER_HOURLY.bucketsIn(day, OSLO)).isEqualTo(92);
        assertThat(quarters).hasSize(92);
        assertThat(quarters.keySet().stream().filter(q -> q.atZone(OSLO).getHour() == 2)).isEmpty();
    }

    /**
     * PT15M interval values over one local day of Oslo, quarter {@code i} of the day worth {@code 0.1 + i/1000}
     * kWh; returns the building quarters of the day, after checking them against those values and the building-day
     * against their sum.
     */
    private static Map<Instant, BuildingHour> quarterHourDay(LocalDate day) {
        Instant from = day.atStartOfDay(OSLO).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(OSLO).toInstant();
        List<Reading> readings = new ArrayList<>();
        Map<Instant, Double> expected = new TreeMap<>();
        int i = 0;
        for (Instant q = from; q.isBefore(to); q = q.plus(Duration.ofMinutes(15)), i++) {
            double kwh = 0.1 + i / 1000.0;
            expected.put(q, kwh);
            readings.add(Reading.interval("el", "import", kwh, q, q.plus(Duration.ofMinutes(15)),
                    Carrier.ELECTRICITY));
        }
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.register(school());
            fixture.sendAll(readings);
            Map<Instant, BuildingHour> quarters = new TreeMap<>();
            fixture.buildingQuarterTable().forEach((k, v) -> quarters.put(k.hourStart(), v));
            assertThat(quarters.keySet()).isEqualTo(expected.keySet());
            quarters.forEach((q, v) -> {
                assertThat(v.importKwh()).as("quarter %s", q).isCloseTo(expected.get(q), within(EPS));
                assertThat(v.coverage()).isCloseTo(1, within(EPS));
                assertThat(v.flags()).isEqualTo(EnumSet.noneOf(QualityFlag.class));
            });
            double total = expected.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(fixture.day("school", day.toString()).importKwh()).isCloseTo(total, within(1e-8));
            fixture.meterHourTable().values().forEach(h -> assertThat(h.source()).isEqualTo(EnergySource.INTERVAL));
            return quarters;
        }
    }

    @Test
    void shouldWriteNoQuartersAndTheSameHoursWhenSwitchedOff() {
        List<Reading> readings = List.of(register(100, "06:40:00Z"), register(130, "07:10:00Z"),
                Reading.power("el", "import", 20, Instant.parse(DAY + "07:20:00Z"), Carrier.ELECTRICITY),
                Reading.power("el", "import", 30, Instant.parse(DAY + "07:21:00Z"), Carrier.ELECTRICITY),
                register(131, "07:05:00Z"));
        Map<MeterHourKey, MeterHour> on;
        Map<BuildingHourKey, BuildingHour> buildingOn;
        try (TopologyFixture fixture = new TopologyFixture(MeteringRules.defaults(), true)) {
            fixture.register(school());
            fixture.sendAll(readings);
            on = fixture.meterHourTable();
            buildingOn = fixture.buildingHourTable();
            assertThat(fixture.meterQuarterTable()).isNotEmpty();
            assertThat(fixture.producedTopics()).contains(fixture.topics.meterQuarterHourly().name(),
                    fixture.topics.buildingQuarterHourly().name());
        }
        try (TopologyFixture fixture = new TopologyFixture(MeteringRules.defaults(), false)) {
            fixture.register(school());
            fixture.sendAll(readings);

            assertThat(fixture.meterHourTable()).isEqualTo(on);
            assertThat(fixture.buildingHourTable()).isEqualTo(buildingOn);
            assertThat(fixture.producedTopics()).doesNotContain(fixture.topics.meterQuarterHourly().name(),
                    fixture.topics.buildingQuarterHourly().name());
        }
    }
}
