package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.processor.engine.MeteringRules;

/** Power and registers no meter can show never become a peak or energy, through the real topology. */
class ImplausibleReadingsTopologyTest {
    private static final double EPS = 1e-9;
    private static final String DAY = "2026-11-23T";
    private TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Instant at(String time) {
        return Instant.parse(DAY + time + "Z");
    }

    private static Reading power(String meter, String time, double kw) {
        return Reading.power(meter, "import", kw, at(time), Carrier.ELECTRICITY);
    }

    private MeterHour hour(String meter, String time) {
        return fixture.meterHour(meter, "import", DAY + time + "Z");
    }

    /** A building with one 30 kW meter. */
    private void thirtyKwMeter(String meter) {
        fixture.register(new Building("b1", "School", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                List.of(new MeterSpec(meter, Carrier.ELECTRICITY, List.of("import"), null, 30.0))));
    }

    @Test
    void shouldQuarantineAPowerSampleAboveTheMetersMaximumAndFlagItsHour() {
        thirtyKwMeter("p1");
        fixture.send(power("p1", "06:00:00", 10));
        fixture.send(power("p1", "06:01:00", 250_000)); // on a 30 kW meter
        fixture.send(power("p1", "06:02:00", 20));

        MeterHour six = hour("p1", "06:00:00");
        // the neighbours are integrated with each other, as if the sample were not there
        assertThat(six.energyKwh()).isCloseTo((10 + 20) / 2.0 * 2 / 60, within(EPS));
        assertThat(six.peakKw()).isEqualTo(20.0);
        assertThat(six.flags()).contains(QualityFlag.SPIKE);
        assertThat(fixture.counter("straumflyt.processor.register.events", "type", "spike")).isEqualTo(1);
        // and the building's peak is the plausible one
        BuildingHour building = fixture.buildingHour("b1", DAY + "06:00:00Z");
        assertThat(building.peakKw()).isEqualTo(20.0);
        assertThat(building.flags()).contains(QualityFlag.SPIKE);
    }

    @Test
    void shouldQuarantinePowerOfAMeterWithoutRegistryEntryAboveItsCarriersDefault() {
        fixture.send(power("u1", "06:00:00", 10));
        fixture.send(power("u1", "06:01:00", 10_001)); // default for electricity: 10 000 kW
        fixture.send(power("u1", "06:02:00", 10_000));

        MeterHour six = hour("u1", "06:00:00");
        assertThat(six.peakKw()).isEqualTo(10_000.0);
        assertThat(six.flags()).contains(QualityFlag.SPIKE);
    }

    @Test
    void shouldFlagARegisterSourcedHourWhosePowerSampleWasQuarantined() {
        thirtyKwMeter("r1");
        fixture.send(Reading.register("r1", "import", 100, at("06:00:00"), Carrier.ELECTRICITY));
        fixture.send(power("r1", "06:30:00", 1e5));
        fixture.send(Reading.register("r1", "import", 110, at("07:00:00"), Carrier.ELECTRICITY));

        MeterHour six = hour("r1", "06:00:00");
        assertThat(six.source()).isEqualTo(EnergySource.REGISTER);
        assertThat(six.energyKwh()).isCloseTo(10, within(EPS));
        assertThat(six.peakKw()).isNull();
        assertThat(six.flags()).contains(QualityFlag.SPIKE);
    }

    @Test
    void shouldTakeTheCarrierDefaultFromConfiguration() {
        fixture.close();
        MeteringRules defaults = MeteringRules.defaults();
        fixture = new TopologyFixture(new MeteringRules(defaults.latenessHorizon(), defaults.powerMaxGap(),
                defaults.registerInterpolation(), defaults.rolloverBand(), Duration.ZERO, ReadingRules.defaults(),
                Map.of(Carrier.ELECTRICITY, 100.0)));
        fixture.send(power("u1", "06:00:00", 10));
        fixture.send(power("u1", "06:01:00", 101));

        assertThat(hour("u1", "06:00:00").peakKw()).isEqualTo(10.0);
    }

    @Test
    void shouldDeadLetterPowerOfTenToTheThreeHundred() {
        fixture.send(power("p2", "06:00:00", 10));
        fixture.send(power("p2", "06:01:00", 1e300));

        assertThat(fixture.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE));
        assertThat(hour("p2", "06:00:00").peakKw()).isEqualTo(10.0);
    }

    @Test
    void shouldDeadLetterARegisterNearTheLargestDoubleInsteadOfBookingANullEnergy() {
        fixture.send(Reading.register("r2", "import", 1.0, at("06:00:00"), Carrier.ELECTRICITY));
        fixture.send(Reading.register("r2", "import", Double.MAX_VALUE, at("07:00:00"), Carrier.ELECTRICITY));
        fixture.send(Reading.register("r2", "import", 2.0, at("08:00:00"), Carrier.ELECTRICITY));

        assertThat(fixture.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE));
        assertThat(hour("r2", "06:00:00").energyKwh()).isCloseTo(0.5, within(EPS));
        assertThat(hour("r2", "07:00:00").energyKwh()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void shouldDeadLetterARegisterJumpToTenToTheThirtyTwo() {
        fixture.send(Reading.register("r3", "import", 1000, at("06:00:00"), Carrier.ELECTRICITY));
        fixture.send(Reading.register("r3", "import", 1e32, at("07:00:00"), Carrier.ELECTRICITY));

        assertThat(fixture.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE));
        assertThat(fixture.newMeterHours()).noneMatch(h -> h.energyKwh() > 0);
    }

    @Test
    void shouldDeadLetterAReadingFrom1970() {
        fixture.send(Reading.power("t1", "import", 1, Instant.ofEpochSecond(1_767_607_200L / 1000), Carrier.ELECTRICITY));

        assertThat(fixture.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.PAST_TIMESTAMP));
        assertThat(fixture.newMeterHours()).isEmpty();
    }

    @Test
    void shouldDeadLetterAMeterIdWithABackslashOrNewline() {
        fixture.send(Reading.power("a\\b", "import", 1, at("06:00:00"), Carrier.ELECTRICITY));
        fixture.send(Reading.power("a\nb", "import", 1, at("06:00:00"), Carrier.ELECTRICITY));

        assertThat(fixture.deadLetters()).hasSize(2)
                .allSatisfy(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.INVALID_ID));
        assertThat(fixture.newMeterHours()).isEmpty();
    }
}
