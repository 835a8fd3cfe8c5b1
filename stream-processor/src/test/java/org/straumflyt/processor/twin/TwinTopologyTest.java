package org.straumflyt.processor.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingTwin;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.TwinHour;
import org.straumflyt.processor.portfolio.PortfolioFixture;

/** The twin feed follows a building's hours, days and registry entry, in the real portfolio topology. */
class TwinTopologyTest {
    private static final Building SCHOOL = new Building("skole", "Bekkestua skole", "3201", BuildingCategory.SCHOOL,
            5000, null, new GeoLocation(59.918, 10.589), null, false,
            List.of(MeterSpec.of("el", Carrier.ELECTRICITY), MeterSpec.of("dh", Carrier.DISTRICT_HEATING)));
    private final PortfolioFixture driver = new PortfolioFixture(Instant.parse("2026-11-23T10:30:00Z"));

    @AfterEach
    void close() {
        driver.close();
    }

    private static BuildingHour hour(String start, double kwh, Double peakKw, double coverage, int reporting) {
        return new BuildingHour("skole", "3201", BuildingCategory.SCHOOL, Instant.parse(start), Map.of(), kwh, 0,
                kwh / 5000, peakKw, reporting, 2, coverage, Set.of(), 1);
    }

    @Test
    void shouldPublishTheRegisteredBuildingWithItsLocationBeforeAnyData() {
        driver.register(SCHOOL);

        BuildingTwin twin = driver.twin("skole");
        assertThat(twin.location()).isEqualTo(new GeoLocation(59.918, 10.589));
        assertThat(twin.liveKw()).isNull();
        assertThat(twin.metersExpected()).isEqualTo(2);
        assertThat(twin.revision()).isEqualTo(1);
    }

    @Test
    void shouldFollowTheCurrentHourAndTodayAndKeepTheLastCompleteHour() {
        driver.register(SCHOOL);

        // Given the current hour half measured: 20 kWh in 30 minutes
        driver.hour(hour("2026-11-23T10:00:00Z", 20, 48.0, 0.5, 1));
        driver.day(new org.straumflyt.model.BuildingDaily("skole", "3201", BuildingCategory.SCHOOL,
                LocalDate.parse("2026-11-23"), "Europe/Oslo", 24, 10, Map.of(), 350, 0, 0.07, null, null, null, null,
                null, 0.9, 0.9, Set.of(), 3));
        BuildingTwin first = driver.twin("skole");
        assertThat(first.liveKw()).isCloseTo(40, within(1e-9));
        assertThat(first.currentHour()).isEqualTo(new TwinHour(Instant.parse("2026-11-23T10:00:00Z"), 20, 48.0));
        assertThat(first.today().importKwh()).isEqualTo(350);
        assertThat(first.lastSeen()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
        assertThat(first.metersReporting()).isEqualTo(1);

        // When the hour ends and the next one starts
        driver.advance(Duration.ofMinutes(40));
        driver.hour(hour("2026-11-23T10:00:00Z", 42, 50.0, 1.0, 2));
        driver.hour(hour("2026-11-23T11:00:00Z", 3, 20.0, 1.0 / 6, 2));

        // Then the live power is the new hour's and 10:00 is the last complete hour with its final energy
        BuildingTwin later = driver.twin("skole");
        assertThat(later.liveKw()).isCloseTo(18, within(1e-9));
        assertThat(later.lastCompleteHour()).isEqualTo(new TwinHour(Instant.parse("2026-11-23T10:00:00Z"), 42, 50.0));
        assertThat(later.revision()).isGreaterThan(first.revision());
    }

    @Test
    void shouldMoveTheBuildingWhenTheRegistryChangesItsLocationAndTombstoneItWhenRemoved() {
        driver.register(SCHOOL);
        driver.hour(hour("2026-11-23T10:00:00Z", 20, null, 0.5, 2));

        // When the registry corrects the location
        driver.register(new Building("skole", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 5000, null,
                new GeoLocation(59.92, 10.6), null, false, SCHOOL.meters()));

        BuildingTwin moved = driver.twin("skole");
        assertThat(moved.location()).isEqualTo(new GeoLocation(59.92, 10.6));
        assertThat(moved.liveKw()).isCloseTo(40, within(1e-9));

        // When the building leaves the registry, its key gets a tombstone
        driver.unregister("skole");
        assertThat(driver.twin("skole")).isNull();
        assertThat(driver.twinLog()).last().satisfies(r -> assertThat(r.value()).isNull());
    }

    @Test
    void shouldNotEmitATwinForBuildingsTheRegistryDoesNotKnow() {
        driver.hour(hour("2026-11-23T10:00:00Z", 20, null, 0.5, 2));

        assertThat(driver.twin("skole")).isNull();
        assertThat(driver.twinLog()).isEmpty();
    }
}
