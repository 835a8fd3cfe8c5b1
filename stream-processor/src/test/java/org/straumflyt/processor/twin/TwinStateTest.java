package org.straumflyt.processor.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.TwinHour;

class TwinStateTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:45:00Z");

    private static BuildingHour hour(String start, double kwh, double coverage) {
        return new BuildingHour("b", "3201", BuildingCategory.SCHOOL, Instant.parse(start), Map.of(), kwh, 0, null,
                null, 1, 2, coverage, Set.of(QualityFlag.MISSING_METERS), 1);
    }

    @Test
    void shouldTakeLiveKwAsTheMeanPowerOverTheMeasuredPartOfTheNewestHour() {
        TwinState state = TwinState.EMPTY.withHour(hour("2026-11-23T10:00:00Z", 15, 0.75), NOW);

        // 15 kWh in 45 minutes = 20 kW; data reaches 10:45
        assertThat(state.liveKw()).isCloseTo(20, within(1e-9));
        assertThat(state.lastSeen()).isEqualTo(Instant.parse("2026-11-23T10:45:00Z"));
        assertThat(state.lastCompleteHour()).isNull();
        assertThat(state.metersReporting()).isEqualTo(1);
    }

    @Test
    void shouldMakeTheEndedHourTheLastCompleteOneWhenTheNextArrivesAndIgnoreOlderHoursAsCurrent() {
        TwinState state = TwinState.EMPTY
                .withHour(hour("2026-11-23T09:00:00Z", 30, 1.0), Instant.parse("2026-11-23T09:59:00Z"))
                .withHour(hour("2026-11-23T10:00:00Z", 4, 0.2), NOW);

        assertThat(state.lastCompleteHour()).isEqualTo(new TwinHour(Instant.parse("2026-11-23T09:00:00Z"), 30, null));

        // a late revision of 09:00 updates the last complete hour, not the current one
        state = state.withHour(hour("2026-11-23T09:00:00Z", 31, 1.0), NOW);
        assertThat(state.lastCompleteHour().importKwh()).isEqualTo(31);
        assertThat(state.currentHour().hourStart()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(state.liveKw()).isCloseTo(20, within(1e-9));
    }

    @Test
    void shouldKeepTheNewestDay() {
        BuildingDaily today = new BuildingDaily("b", "3201", null, LocalDate.parse("2026-11-23"), "Europe/Oslo", 24,
                11, Map.of(), 210, 0, 0.21, null, null, null, null, null, 1, 1, Set.of(), 4);
        BuildingDaily yesterday = new BuildingDaily("b", "3201", null, LocalDate.parse("2026-11-22"), "Europe/Oslo",
                24, 24, Map.of(), 800, 0, 0.8, null, null, null, null, null, 1, 1, Set.of(), 9);

        TwinState state = TwinState.EMPTY.withDay(today).withDay(yesterday);

        assertThat(state.today().date()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(state.today().importKwh()).isEqualTo(210);
    }
}
