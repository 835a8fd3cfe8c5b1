package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.processor.engine.MeteringRules;

/** Cumulative registers through the real topology: hour borders, order, duplicates, revisions. */
class MeterRegisterTopologyTest {
    private static final double EPS = 1e-9;
    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    static Reading reg(String at, double kwh) {
        return Reading.register("m1", "import", kwh, Instant.parse("2026-11-23T" + at + "Z"), Carrier.ELECTRICITY);
    }

    @Test
    void shouldSplitADeltaAtTheHourBorderInProportionToTime() {
        // Given a register step of 10 kWh from 06:50 to 07:10
        fixture.send(reg("06:50:00", 100));
        fixture.send(reg("07:10:00", 110));

        // Then half is booked in each hour
        MeterHour six = fixture.meterHour("m1", "import", "2026-11-23T06:00:00Z");
        MeterHour seven = fixture.meterHour("m1", "import", "2026-11-23T07:00:00Z");
        assertThat(six.energyKwh()).isCloseTo(5.0, within(EPS));
        assertThat(seven.energyKwh()).isCloseTo(5.0, within(EPS));
        assertThat(six.source()).isEqualTo(EnergySource.REGISTER);
        assertThat(six.coverage()).isCloseTo(10 / 60.0, within(EPS));
        assertThat(six.flags()).contains(QualityFlag.GAP);
    }

    @Test
    void shouldBookWholeHoursWithFullCoverageAndNoFlags() {
        fixture.send(reg("06:00:00", 100));
        fixture.send(reg("07:00:00", 112.5));
        fixture.send(reg("08:00:00", 120));

        MeterHour six = fixture.meterHour("m1", "import", "2026-11-23T06:00:00Z");
        assertThat(six.energyKwh()).isCloseTo(12.5, within(EPS));
        assertThat(six.coverage()).isEqualTo(1.0);
        assertThat(six.flags()).isEmpty();
        assertThat(fixture.meterHour("m1", "import", "2026-11-23T07:00:00Z").energyKwh()).isCloseTo(7.5, within(EPS));
    }

    @Test
    void shouldChangeNothingOnExactDuplicates() {
        fixture.send(reg("06:00:00", 100));
        fixture.send(reg("07:00:00", 110));
        fixture.newMeterHours();

        // When both readings are redelivered
        fixture.send(reg("06:00:00", 100));
        fixture.send(reg("07:00:00", 110));

        // Then nothing is emitted and the duplicates are counted
        assertThat(fixture.newMeterHours()).isEmpty();
        assertThat(fixture.counter("straumflyt.processor.readings.duplicate")).isEqualTo(2);
    }

    @Test
    void shouldEmitAnHourThatChangesManyTimesBetweenEmissionsOnlyOnce() {
        // Given readings every 5 minutes within one emit interval
        for (int m = 0; m <= 55; m += 5) {
            fixture.send(reg(String.format("06:%02d:00", m), 100 + m));
        }

        // Then hour 06:00 went downstream once, with its final value
        List<MeterHour> emitted = fixture.newMeterHours();
        assertThat(emitted).singleElement().satisfies(h -> {
            assertThat(h.energyKwh()).isCloseTo(55, within(EPS));
            assertThat(h.revision()).isEqualTo(1);
        });
    }

    @Test
    void shouldEmitEveryChangeAtOnceWhenTheEmitIntervalIsZero() {
        try (TopologyFixture immediate = new TopologyFixture(
                MeteringRules.defaults().withEmitInterval(java.time.Duration.ZERO))) {
            immediate.send(reg("06:00:00", 100));
            immediate.send(reg("06:30:00", 105));
            immediate.send(reg("06:45:00", 107));

            assertThat(immediate.newMeterHours()).extracting(MeterHour::revision).containsExactly(1L, 2L);
        }
    }

    @Test
    void shouldInsertAnOutOfOrderReadingAndEmitOnlyChangedHoursWithAHigherRevision() {
        // Given 06:00 and 08:00 readings: 20 kWh spread evenly over two hours
        fixture.send(reg("06:00:00", 100));
        fixture.send(reg("08:00:00", 120));
        assertThat(fixture.meterHour("m1", "import", "2026-11-23T06:00:00Z").energyKwh()).isCloseTo(10, within(EPS));
        fixture.newMeterHours();

        // When the 07:00 reading arrives late, showing that most energy was used in the first hour
        fixture.send(reg("07:00:00", 116));

        // Then both hours are corrected with revision 2
        var corrected = fixture.newMeterHours();
        assertThat(corrected).extracting(MeterHour::revision).containsOnly(2L);
        assertThat(fixture.meterHour("m1", "import", "2026-11-23T06:00:00Z").energyKwh()).isCloseTo(16, within(EPS));
        assertThat(fixture.meterHour("m1", "import", "2026-11-23T07:00:00Z").energyKwh()).isCloseTo(4, within(EPS));
    }
}
