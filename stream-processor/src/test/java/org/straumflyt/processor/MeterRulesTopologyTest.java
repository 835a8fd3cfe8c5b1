package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;

/** Every metering rule of the meter stage, through the real topology. */
class MeterRulesTopologyTest {
    private static final double EPS = 1e-9;
    private static final String DAY = "2026-11-23T";
    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Instant at(String time) {
        return Instant.parse(DAY + time + "Z");
    }

    private static Reading reg(String meter, String time, double kwh) {
        return Reading.register(meter, "import", kwh, at(time), Carrier.ELECTRICITY);
    }

    private static Reading power(String meter, String time, double kw) {
        return Reading.power(meter, "import", kw, at(time), Carrier.ELECTRICITY);
    }

    private MeterHour hour(String meter, String time) {
        return fixture.meterHour(meter, "import", DAY + time + "Z");
    }

    /** A building with one meter of known limits: register maximum 100 000 kWh, at most 50 kW. */
    private void registerLimitedMeter(String meter) {
        fixture.register(new Building("b1", "School", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                List.of(new MeterSpec(meter, Carrier.ELECTRICITY, List.of("import"), 100_000.0, 50.0))));
    }

    @Test
    void shouldIntegratePowerWithTheTrapezoidRuleAcrossTheHourBorder() {
        // 10 kW at 06:58, 20 kW at 07:02: the line crosses 07:00 at 15 kW
        fixture.send(power("p1", "06:58:00", 10));
        fixture.send(power("p1", "07:02:00", 20));

        MeterHour six = hour("p1", "06:00:00");
        MeterHour seven = hour("p1", "07:00:00");
        assertThat(six.energyKwh()).isCloseTo((10 + 15) / 2.0 * 2 / 60, within(EPS));
        assertThat(seven.energyKwh()).isCloseTo((15 + 20) / 2.0 * 2 / 60, within(EPS));
        assertThat(six.source()).isEqualTo(EnergySource.POWER);
        assertThat(six.peakKw()).isEqualTo(10.0);
        assertThat(seven.peakKw()).isEqualTo(20.0);
    }

    @Test
    void shouldNotIntegratePowerAcrossAGapLongerThanTheMaximumButLowerCoverage() {
        fixture.send(power("p1", "06:00:00", 10));
        fixture.send(power("p1", "06:05:00", 10));
        // 10 minutes of silence: not integrated
        fixture.send(power("p1", "06:15:00", 10));
        fixture.send(power("p1", "06:20:00", 10));

        MeterHour six = hour("p1", "06:00:00");
        assertThat(six.energyKwh()).isCloseTo(10 * 10 / 60.0, within(EPS));
        assertThat(six.coverage()).isCloseTo(10 / 60.0, within(EPS));
        assertThat(six.flags()).contains(QualityFlag.GAP);
        assertThat(six.peakKw()).isEqualTo(10.0);
    }

    @Test
    void shouldAllocateIntervalEnergyToHoursByOverlap() {
        // 12 kWh over 06:45–07:15
        fixture.send(Reading.interval("i1", "import", 12, at("06:45:00"), at("07:15:00"), Carrier.DISTRICT_HEATING));

        assertThat(hour("i1", "06:00:00").energyKwh()).isCloseTo(6, within(EPS));
        assertThat(hour("i1", "07:00:00").energyKwh()).isCloseTo(6, within(EPS));
        assertThat(hour("i1", "07:00:00").source()).isEqualTo(EnergySource.INTERVAL);
        assertThat(hour("i1", "07:00:00").carrier()).isEqualTo(Carrier.DISTRICT_HEATING);
    }

    @Test
    void shouldEstimateFromPowerUntilTheRegisterArrivesThenReplaceItWithoutCountingBoth() {
        // Given an AMS meter: register at 06:00, power every 5 minutes at 12 kW
        fixture.send(reg("a1", "06:00:00", 1000));
        for (int m = 0; m <= 60; m += 5) {
            fixture.send(power("a1", m == 60 ? "07:00:00" : String.format("06:%02d:00", m), 12));
        }
        MeterHour estimate = hour("a1", "06:00:00");
        assertThat(estimate.source()).isEqualTo(EnergySource.POWER);
        assertThat(estimate.flags()).contains(QualityFlag.ESTIMATED);
        assertThat(estimate.energyKwh()).isCloseTo(12, within(EPS));

        // When the hourly register arrives with 11 kWh
        fixture.send(reg("a1", "07:00:05", 1011));

        // Then the hour is the register's energy, not estimated, with the power peak kept
        MeterHour settled = hour("a1", "06:00:00");
        assertThat(settled.source()).isEqualTo(EnergySource.REGISTER);
        assertThat(settled.flags()).doesNotContain(QualityFlag.ESTIMATED);
        assertThat(settled.energyKwh()).isCloseTo(11 * 3600.0 / 3605, within(EPS));
        assertThat(settled.peakKw()).isEqualTo(12.0);
        assertThat(settled.revision()).isGreaterThan(estimate.revision());
    }

    @Test
    void shouldKeepImportAndExportRegistersApart() {
        fixture.send(reg("a1", "06:00:00", 100));
        fixture.send(reg("a1", "07:00:00", 110));
        fixture.send(Reading.register("a1", "export", 50, at("06:00:00"), Carrier.ELECTRICITY));
        fixture.send(Reading.register("a1", "export", 53, at("07:00:00"), Carrier.ELECTRICITY));

        assertThat(fixture.meterHour("a1", "import", DAY + "06:00:00Z").energyKwh()).isCloseTo(10, within(EPS));
        assertThat(fixture.meterHour("a1", "export", DAY + "06:00:00Z").energyKwh()).isCloseTo(3, within(EPS));
    }

    @Test
    void shouldDiscardALoneDropToZeroAsAGlitch() {
        fixture.send(reg("g1", "06:00:00", 500));
        fixture.send(reg("g1", "07:00:00", 0));
        fixture.send(reg("g1", "08:00:00", 520));

        // 20 kWh over two hours, never 520
        assertThat(hour("g1", "06:00:00").energyKwh()).isCloseTo(10, within(EPS));
        assertThat(hour("g1", "07:00:00").energyKwh()).isCloseTo(10, within(EPS));
        assertThat(hour("g1", "07:00:00").flags()).contains(QualityFlag.GLITCH);
        assertThat(fixture.counter("straumflyt.processor.register.events", "type", "glitch")).isEqualTo(1);
    }

    @Test
    void shouldNotBookAnUnconfirmedDropUntilTheNextReadingDecides() {
        fixture.send(reg("g1", "06:00:00", 500));
        fixture.send(reg("g1", "07:00:00", 0));

        MeterHour six = hour("g1", "06:00:00");
        assertThat(six.energyKwh()).isZero();
        assertThat(six.coverage()).isZero();
    }

    @Test
    void shouldTreatADropConfirmedByTheNextReadingAsAResetAndContinueFromTheNewBase() {
        fixture.send(reg("r1", "06:00:00", 500));
        fixture.send(reg("r1", "07:00:00", 2));
        fixture.send(reg("r1", "08:00:00", 9));

        MeterHour six = hour("r1", "06:00:00");
        assertThat(six.energyKwh()).isZero();
        assertThat(six.flags()).contains(QualityFlag.RESET, QualityFlag.GAP);
        assertThat(hour("r1", "07:00:00").energyKwh()).isCloseTo(7, within(EPS));
        assertThat(fixture.counter("straumflyt.processor.register.events", "type", "reset")).isEqualTo(1);
    }

    @Test
    void shouldBookTheDeltaAcrossARolloverNearTheRegisterMaximum() {
        registerLimitedMeter("o1");
        fixture.send(reg("o1", "06:00:00", 99_990));
        fixture.send(reg("o1", "07:00:00", 15));

        MeterHour six = hour("o1", "06:00:00");
        assertThat(six.energyKwh()).isCloseTo(25, within(EPS));
        assertThat(six.flags()).contains(QualityFlag.ROLLOVER);
        assertThat(six.buildingId()).isEqualTo("b1");
        assertThat(fixture.counter("straumflyt.processor.register.events", "type", "rollover")).isEqualTo(1);
    }

    @Test
    void shouldQuarantineAStepImplyingMoreThanThePlausibleMaximumPower() {
        registerLimitedMeter("s1");
        fixture.send(reg("s1", "06:00:00", 1000));
        fixture.send(reg("s1", "07:00:00", 9000)); // 8000 kW for an hour: implausible for a 50 kW meter
        fixture.send(reg("s1", "08:00:00", 9030));

        MeterHour six = hour("s1", "06:00:00");
        assertThat(six.energyKwh()).isZero();
        assertThat(six.coverage()).isZero();
        assertThat(six.flags()).contains(QualityFlag.SPIKE);
        assertThat(hour("s1", "07:00:00").energyKwh()).isCloseTo(30, within(EPS));
        assertThat(fixture.counter("straumflyt.processor.register.events", "type", "spike")).isEqualTo(1);
    }

    @Test
    void shouldSettleConflictingValuesForTheSameInstantByTheHigherValueWhateverTheOrder() {
        try (TopologyFixture other = new TopologyFixture()) {
            fixture.sendAll(List.of(reg("c1", "06:00:00", 100), reg("c1", "07:00:00", 110), reg("c1", "07:00:00", 108)));
            other.sendAll(List.of(reg("c1", "07:00:00", 108), reg("c1", "06:00:00", 100), reg("c1", "07:00:00", 110)));

            MeterHour a = hour("c1", "06:00:00");
            MeterHour b = other.meterHour("c1", "import", DAY + "06:00:00Z");
            assertThat(a.energyKwh()).isCloseTo(10, within(EPS));
            assertThat(a.flags()).contains(QualityFlag.CONFLICT);
            assertThat(b.energyKwh()).isEqualTo(a.energyKwh());
            assertThat(b.flags()).isEqualTo(a.flags());
            assertThat(fixture.counter("straumflyt.processor.readings.conflict")).isEqualTo(1);
        }
    }

    @Test
    void shouldCorrectHoursWithALateReadingWithinTheHorizon() {
        fixture.send(reg("l1", "00:00:00", 0));
        fixture.send(Reading.register("l1", "import", 300, Instant.parse("2026-11-24T06:00:00Z"),
                Carrier.ELECTRICITY));
        fixture.newMeterHours();

        // 30 h after the first reading, a reading in between arrives: within the 36 h horizon
        fixture.send(reg("l1", "01:00:00", 50));

        assertThat(hour("l1", "00:00:00").energyKwh()).isCloseTo(50, within(EPS));
        assertThat(hour("l1", "00:00:00").revision()).isEqualTo(2);
        assertThat(fixture.deadLetters()).isEmpty();
    }

    @Test
    void shouldDeadLetterAndCountAReadingOlderThanTheHorizon() {
        fixture.send(reg("l1", "00:00:00", 0));
        fixture.send(Reading.register("l1", "import", 300, Instant.parse("2026-11-25T00:00:00Z"),
                Carrier.ELECTRICITY));
        fixture.newMeterHours();

        // 48 h behind the newest reading
        fixture.send(reg("l1", "01:00:00", 50));

        assertThat(fixture.newMeterHours()).isEmpty();
        var letters = fixture.deadLetters();
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.reason()).isEqualTo(DeadLetterReason.LATE);
            assertThat(l.kafkaTopic()).isEqualTo(fixture.topics.readings().name());
            assertThat(l.payloadText()).contains("\"meterId\":\"l1\"");
        });
        assertThat(fixture.counter("straumflyt.processor.readings.late")).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnUnparseableRecordAndKeepProcessing() {
        fixture.sendRaw("m9", "{not json");
        fixture.send(reg("m9", "06:00:00", 1));
        fixture.send(reg("m9", "07:00:00", 2));

        assertThat(fixture.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE));
        assertThat(hour("m9", "06:00:00").energyKwh()).isCloseTo(1, within(EPS));
    }

    @Test
    void shouldDeadLetterANegativeRegister() {
        fixture.sendRaw("m9", "{\"meterId\":\"m9\",\"kind\":\"ENERGY_REGISTER\",\"value\":-5,"
                + "\"timestamp\":\"2026-11-23T06:00:00Z\"}");

        assertThat(fixture.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.NEGATIVE_REGISTER));
    }
}
