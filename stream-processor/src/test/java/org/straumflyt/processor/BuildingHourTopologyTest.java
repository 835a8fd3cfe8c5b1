package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;

/** Building-hours: sums by carrier, exact revision retraction, unassigned meters. */
class BuildingHourTopologyTest {
    private static final double EPS = 1e-9;
    private static final String DAY = "2026-11-23T";
    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Reading reg(String meter, String register, String time, double kwh, Carrier carrier) {
        return Reading.register(meter, register, kwh, Instant.parse(DAY + time + "Z"), carrier);
    }

    private void school() {
        fixture.register(new Building("school", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 2000, null, null,
                null, false, List.of(new MeterSpec("el", Carrier.ELECTRICITY, List.of("import", "export"), null, null),
                        MeterSpec.of("fv", Carrier.DISTRICT_HEATING), MeterSpec.of("silent", Carrier.ELECTRICITY))));
    }

    @Test
    void shouldSumTheBuildingsMetersByCarrierWithExportBesideImport() {
        school();
        fixture.sendAll(List.of(reg("el", "import", "06:00:00", 100, Carrier.ELECTRICITY),
                reg("el", "import", "07:00:00", 140, Carrier.ELECTRICITY),
                reg("el", "export", "06:00:00", 10, Carrier.ELECTRICITY),
                reg("el", "export", "07:00:00", 15, Carrier.ELECTRICITY),
                reg("fv", "import", "06:00:00", 500, Carrier.DISTRICT_HEATING),
                reg("fv", "import", "07:00:00", 560, Carrier.DISTRICT_HEATING)));

        BuildingHour hour = fixture.buildingHour("school", DAY + "06:00:00Z");
        assertThat(hour.importKwh()).isCloseTo(100, within(EPS));
        assertThat(hour.exportKwh()).isCloseTo(5, within(EPS));
        assertThat(hour.carriers().get(Carrier.ELECTRICITY).importKwh()).isCloseTo(40, within(EPS));
        assertThat(hour.carriers().get(Carrier.ELECTRICITY).exportKwh()).isCloseTo(5, within(EPS));
        assertThat(hour.carriers().get(Carrier.DISTRICT_HEATING).importKwh()).isCloseTo(60, within(EPS));
        assertThat(hour.kwhPerM2()).isCloseTo(100 / 2000.0, within(EPS));
        assertThat(hour.municipality()).isEqualTo("3201");
        assertThat(hour.metersReporting()).isEqualTo(2);
        assertThat(hour.metersExpected()).isEqualTo(3);
        assertThat(hour.flags()).contains(QualityFlag.MISSING_METERS);
    }

    /**
     * An AMS meter reports its export register (0 kWh) every hour beside import: the export register says nothing
     * about how much of the consumption was measured. Found by the scale-out test: a building with an AMS meter had
     * a building-day meter coverage (and so a portfolio energy coverage) above the truth whenever one of its meters
     * missed part of an hour, because the export register's full hour was averaged in.
     */
    @Test
    void shouldAverageTheCoverageOverTheMetersReportingNotTheirExportRegisters() {
        fixture.register(new Building("hall", "Idrettshall", "3201", BuildingCategory.SPORTS_HALL, 1000, null, null,
                null, false, List.of(new MeterSpec("ams", Carrier.ELECTRICITY, List.of("import", "export"), null, null),
                        MeterSpec.of("dh", Carrier.DISTRICT_HEATING))));
        // the AMS meter's import starts half-way through the hour; its export and the heat meter cover it whole
        fixture.sendAll(List.of(reg("ams", "import", "06:30:00", 100, Carrier.ELECTRICITY),
                reg("ams", "import", "07:00:00", 104, Carrier.ELECTRICITY),
                reg("ams", "export", "06:00:00", 0, Carrier.ELECTRICITY),
                reg("ams", "export", "07:00:00", 0, Carrier.ELECTRICITY),
                reg("dh", "import", "06:00:00", 500, Carrier.DISTRICT_HEATING),
                reg("dh", "import", "07:00:00", 530, Carrier.DISTRICT_HEATING)));

        BuildingHour hour = fixture.buildingHour("hall", DAY + "06:00:00Z");
        // the meters' coverage: ams import 30 min of 60, dh 60 of 60
        double ams = 0.5;
        double dh = 1.0;
        assertThat(hour.metersReporting()).isEqualTo(2);
        assertThat(hour.metersExpected()).isEqualTo(2);
        assertThat(hour.importKwh()).isCloseTo(4 + 30, within(EPS));
        assertThat(hour.coverage()).isCloseTo((ams + dh) / 2, within(EPS));
        // the day's measured share of its expected meter-hours: Σ coverage ÷ (meters × 24 h)
        assertThat(fixture.day("hall", "2026-11-23").meterCoverage()).isCloseTo((ams + dh) / (2 * 24.0), within(EPS));
    }

    @Test
    void shouldFollowAMeterHourRevisionExactlyRetractingTheOldValue() {
        school();
        fixture.sendAll(List.of(reg("el", "import", "06:00:00", 100, Carrier.ELECTRICITY),
                reg("el", "import", "08:00:00", 120, Carrier.ELECTRICITY)));
        BuildingHour first = fixture.buildingHour("school", DAY + "06:00:00Z");
        assertThat(first.importKwh()).isCloseTo(10, within(EPS));

        // When a late reading shows that 16 of the 20 kWh were used in the first hour
        fixture.send(reg("el", "import", "07:00:00", 116, Carrier.ELECTRICITY));

        // Then the building-hour is replaced by the new value — 16, never 10 + 16
        BuildingHour corrected = fixture.buildingHour("school", DAY + "06:00:00Z");
        assertThat(corrected.importKwh()).isCloseTo(16, within(EPS));
        assertThat(corrected.revision()).isGreaterThan(first.revision());
        assertThat(fixture.buildingHour("school", DAY + "07:00:00Z").importKwh()).isCloseTo(4, within(EPS));
    }

    @Test
    void shouldTakeTheHighestPeakOfAnyOneMeterAndFollowItsCorrection() {
        school();
        fixture.sendAll(List.of(Reading.power("el", "import", 30, Instant.parse(DAY + "06:10:00Z"), Carrier.ELECTRICITY),
                Reading.power("fv", "import", 50, Instant.parse(DAY + "06:20:00Z"), Carrier.DISTRICT_HEATING)));
        assertThat(fixture.buildingHour("school", DAY + "06:00:00Z").peakKw()).isEqualTo(50.0);

        // When the higher meter's peak is corrected by a conflicting, higher value for the same instant
        fixture.send(Reading.power("fv", "import", 55, Instant.parse(DAY + "06:20:00Z"), Carrier.DISTRICT_HEATING));

        BuildingHour hour = fixture.buildingHour("school", DAY + "06:00:00Z");
        assertThat(hour.peakKw()).isEqualTo(55.0);
        assertThat(hour.flags()).contains(QualityFlag.CONFLICT);
    }

    @Test
    void shouldAggregateMetersTheRegistryDoesNotKnowUnderUnassigned() {
        fixture.sendAll(List.of(reg("stray-1", "import", "06:00:00", 1, Carrier.ELECTRICITY),
                reg("stray-1", "import", "07:00:00", 3, Carrier.ELECTRICITY),
                reg("stray-2", "import", "06:00:00", 10, Carrier.ELECTRICITY),
                reg("stray-2", "import", "07:00:00", 15, Carrier.ELECTRICITY)));

        BuildingHour hour = fixture.buildingHour(BuildingHour.UNASSIGNED, DAY + "06:00:00Z");
        assertThat(hour.importKwh()).isCloseTo(7, within(EPS));
        assertThat(hour.metersReporting()).isEqualTo(2);
        assertThat(hour.kwhPerM2()).isNull();
        assertThat(fixture.counter("straumflyt.processor.readings.unassigned")).isEqualTo(4);
    }

    @Test
    void shouldNotEmitABuildingHourAgainWhenRedeliveriesChangeNothing() {
        school();
        fixture.sendAll(List.of(reg("el", "import", "06:00:00", 100, Carrier.ELECTRICITY),
                reg("el", "import", "07:00:00", 140, Carrier.ELECTRICITY)));
        fixture.buildingHourTable();
        int emitted = fixture.buildingHourLog.size();

        fixture.sendAll(List.of(reg("el", "import", "06:00:00", 100, Carrier.ELECTRICITY),
                reg("el", "import", "07:00:00", 140, Carrier.ELECTRICITY)));

        fixture.buildingHourTable();
        assertThat(fixture.buildingHourLog).hasSize(emitted);
    }
}
