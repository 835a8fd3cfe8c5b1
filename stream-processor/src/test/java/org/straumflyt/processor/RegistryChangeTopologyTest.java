package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.Reading;
import org.straumflyt.processor.engine.MeteringRules;

/** The building level follows the registry for all history: meters registered late, moved, or removed. */
class RegistryChangeTopologyTest {
    private static final double EPS = 1e-9;
    private static final String DAY = "2026-11-23T";
    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Reading reg(String meter, String time, double kwh) {
        return Reading.register(meter, "import", kwh, Instant.parse(DAY + time + "Z"), Carrier.ELECTRICITY);
    }

    private static Building building(String id, String... meters) {
        return new Building(id, id, "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                java.util.Arrays.stream(meters).map(m -> MeterSpec.of(m, Carrier.ELECTRICITY)).toList());
    }

    private BuildingHour hour(String buildingId, String time) {
        return fixture.buildingHour(buildingId, DAY + time + "Z");
    }

    /** el: 40 kWh in hour 06, 20 kWh in hour 07; a1: 5 + 5; b1: 7 + 7. */
    private void readings() {
        fixture.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140), reg("el", "08:00:00", 160),
                reg("a1", "06:00:00", 0), reg("a1", "07:00:00", 5), reg("a1", "08:00:00", 10),
                reg("b1", "06:00:00", 0), reg("b1", "07:00:00", 7), reg("b1", "08:00:00", 14)));
    }

    @Test
    void shouldBookARolloverSeenBeforeTheRegistryGaveTheRegisterMaximum() {
        // Given a meter whose register rolls over (99 995 -> 5 kWh) before the registry lists it: without its
        // maximum the drop cannot be told from a replaced meter, so nothing is booked across it
        fixture.sendAll(List.of(reg("el", "06:00:00", 99_990), reg("el", "06:30:00", 99_995), reg("el", "07:00:00", 5),
                reg("el", "08:00:00", 25)));
        assertThat(fixture.meterHour("el", "import", DAY + "06:00:00Z").energyKwh()).isCloseTo(5, within(EPS));

        // When the registry lists it with its register maximum, and no reading follows
        fixture.register(new Building("school", "school", "3201", BuildingCategory.SCHOOL, 1000, null, null, null,
                false, List.of(new MeterSpec("el", Carrier.ELECTRICITY, List.of("import"), 100_000.0, null))));

        // Then the hour is recomputed with the maximum: the step across the rollover is booked, in the meter-hour
        // and in the building's hour
        MeterHour rolled = fixture.meterHour("el", "import", DAY + "06:00:00Z");
        assertThat(rolled.energyKwh()).isCloseTo(15, within(EPS));
        assertThat(rolled.buildingId()).isEqualTo("school");
        assertThat(hour("school", "06:00:00").importKwh()).isCloseTo(15, within(EPS));
        assertThat(hour("school", "07:00:00").importKwh()).isCloseTo(20, within(EPS));
        assertThat(hour(BuildingHour.UNASSIGNED, "06:00:00").importKwh()).isCloseTo(0, within(EPS));
    }

    @Test
    void shouldMoveTheHoursOfAMeterThatReportedBeforeItWasRegisteredIntoItsBuilding() {
        // Given a meter whose readings are processed before the registry lists it
        fixture.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140), reg("el", "08:00:00", 160)));
        assertThat(hour(BuildingHour.UNASSIGNED, "06:00:00").importKwh()).isCloseTo(40, within(EPS));

        // When the registry lists it
        fixture.register(building("school", "el"));

        // Then its earlier hours are in the building, and unassigned holds nothing for them any more
        BuildingHour school = hour("school", "06:00:00");
        assertThat(school.importKwh()).isCloseTo(40, within(EPS));
        assertThat(school.metersReporting()).isEqualTo(1);
        assertThat(hour("school", "07:00:00").importKwh()).isCloseTo(20, within(EPS));
        BuildingHour unassigned = hour(BuildingHour.UNASSIGNED, "06:00:00");
        assertThat(unassigned.importKwh()).isCloseTo(0, within(EPS));
        assertThat(unassigned.metersReporting()).isZero();
        assertThat(hour(BuildingHour.UNASSIGNED, "07:00:00").importKwh()).isCloseTo(0, within(EPS));
        // and the building's day, built from its hours, follows
        assertThat(fixture.day("school", "2026-11-23").importKwh()).isCloseTo(60, within(EPS));
    }

    @Test
    void shouldTakeExactlyTheMovedMetersEnergyFromTheOldBuildingToTheNew() {
        // Given el in building A beside a1, and b1 in building B
        fixture.register(building("A", "el", "a1"));
        fixture.register(building("B", "b1"));
        readings();
        assertThat(hour("A", "06:00:00").importKwh()).isCloseTo(45, within(EPS));
        assertThat(hour("B", "06:00:00").importKwh()).isCloseTo(7, within(EPS));

        // When el moves from A to B
        fixture.register(building("A", "a1"));
        fixture.register(building("B", "b1", "el"));

        // Then A loses exactly its energy and B gains it, in every hour
        assertThat(hour("A", "06:00:00").importKwh()).isCloseTo(5, within(EPS));
        assertThat(hour("A", "07:00:00").importKwh()).isCloseTo(5, within(EPS));
        assertThat(hour("A", "06:00:00").metersReporting()).isEqualTo(1);
        assertThat(hour("B", "06:00:00").importKwh()).isCloseTo(47, within(EPS));
        assertThat(hour("B", "07:00:00").importKwh()).isCloseTo(27, within(EPS));
        assertThat(hour("B", "06:00:00").metersReporting()).isEqualTo(2);
        assertThat(fixture.buildingHourTable().get(new org.straumflyt.model.BuildingHourKey(BuildingHour.UNASSIGNED,
                Instant.parse(DAY + "06:00:00Z")))).satisfiesAnyOf(
                        h -> assertThat(h).isNull(), h -> assertThat(h.importKwh()).isCloseTo(0, within(EPS)));
    }

    @Test
    void shouldReturnTheHoursOfAMeterWhoseBuildingIsRemovedToUnassigned() {
        // Given el in the school
        fixture.register(building("school", "el"));
        fixture.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140), reg("el", "08:00:00", 160)));
        assertThat(hour("school", "06:00:00").importKwh()).isCloseTo(40, within(EPS));

        // When the school is removed from the registry
        fixture.unregister("school");

        // Then its meter's hours are unassigned again
        assertThat(hour("school", "06:00:00").importKwh()).isCloseTo(0, within(EPS));
        assertThat(hour("school", "06:00:00").metersReporting()).isZero();
        assertThat(hour(BuildingHour.UNASSIGNED, "06:00:00").importKwh()).isCloseTo(40, within(EPS));
        assertThat(hour(BuildingHour.UNASSIGNED, "07:00:00").importKwh()).isCloseTo(20, within(EPS));
    }

    @Test
    void shouldReEmitTheMeterHoursItStillHoldsWithTheNewBuildingAndAHigherRevision() {
        // Given a meter's hours emitted while it was unassigned
        fixture.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140), reg("el", "08:00:00", 160)));
        MeterHour before = fixture.meterHour("el", "import", DAY + "06:00:00Z");
        assertThat(before.buildingId()).isNull();

        // When the registry lists it in the school, then moves it to the library
        fixture.register(building("school", "el"));
        MeterHour inSchool = fixture.meterHour("el", "import", DAY + "06:00:00Z");
        fixture.register(building("school"));
        fixture.register(building("library", "el"));
        MeterHour inLibrary = fixture.meterHour("el", "import", DAY + "06:00:00Z");

        // Then every held hour is re-emitted with the new building, the same value and a higher revision
        assertThat(inSchool.buildingId()).isEqualTo("school");
        assertThat(inSchool.revision()).isGreaterThan(before.revision());
        assertThat(inSchool.energyKwh()).isEqualTo(before.energyKwh());
        assertThat(inLibrary.buildingId()).isEqualTo("library");
        assertThat(inLibrary.revision()).isGreaterThan(inSchool.revision());
        assertThat(fixture.meterHour("el", "import", DAY + "07:00:00Z").buildingId()).isEqualTo("library");
        assertThat(hour("library", "06:00:00").importKwh()).isCloseTo(40, within(EPS));
        assertThat(hour("school", "06:00:00").importKwh()).isCloseTo(0, within(EPS));
    }

    @Test
    void shouldGiveAnHourStillWaitingForEmissionTheNewBuilding() {
        // Given an hour computed while the meter was unassigned and not yet emitted (the emit interval has not passed)
        fixture.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140)));

        // When the meter is registered before the next emission
        fixture.register(building("school", "el"));

        // Then the hour leaves once, under the school
        List<MeterHour> emitted = fixture.newMeterHours();
        assertThat(emitted).extracting(MeterHour::buildingId).containsOnly("school");
        assertThat(emitted).extracting(MeterHour::revision).containsOnly(1L);
    }

    @Test
    void shouldReEmitAtOnceWhenMeterHoursAreNotBatched() {
        try (TopologyFixture immediate = new TopologyFixture(MeteringRules.defaults()
                .withEmitInterval(Duration.ZERO))) {
            immediate.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140)));
            assertThat(immediate.newMeterHours()).extracting(MeterHour::buildingId).containsOnlyNulls();

            immediate.register(building("school", "el"));

            List<MeterHour> again = immediate.newMeterHours();
            assertThat(again).extracting(MeterHour::buildingId).containsOnly("school");
            assertThat(again).extracting(MeterHour::revision).containsOnly(2L);
        }
    }

    @Test
    void shouldNotChangeABuildingHourWhenTheRegistryRepublishesTheSameAssignment() {
        // Given the school with its meter's hours
        fixture.register(building("school", "el"));
        fixture.sendAll(List.of(reg("el", "06:00:00", 100), reg("el", "07:00:00", 140)));
        fixture.buildingHourTable();
        fixture.newMeterHours();
        int emitted = fixture.buildingHourLog.size();

        // When the registry sends the same building again
        fixture.register(building("school", "el"));

        // Then no building-hour or meter-hour changes
        fixture.buildingHourTable();
        assertThat(fixture.buildingHourLog).hasSize(emitted);
        assertThat(fixture.newMeterHours()).isEmpty();
    }
}
