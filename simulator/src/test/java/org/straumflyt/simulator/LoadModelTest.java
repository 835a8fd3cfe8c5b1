package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.simulator.fleet.FleetGenerator;
import org.straumflyt.simulator.fleet.LoadModel;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.fleet.WeatherModel;

class LoadModelTest {
    private final WeatherModel weather = new WeatherModel(1);
    private final LoadModel load = new LoadModel(1, weather);
    private final List<SimBuilding> fleet = new FleetGenerator(1).generate(16, "4601", List.of(PayloadFormat.CANONICAL), 0);

    @Test
    void schoolsUseMoreOnAWeekdayMorningThanAtNight() {
        SimBuilding school = first(BuildingCategory.SCHOOL);
        SimMeter el = electricity(school);
        // Tuesday 2026-11-24, 10:00 and 03:00 Oslo time.
        double morning = load.powerKw(school.building(), el, Instant.parse("2026-11-24T09:00:00Z"), 1);
        double night = load.powerKw(school.building(), el, Instant.parse("2026-11-24T02:00:00Z"), 1);

        assertThat(morning).isGreaterThan(2 * night);
    }

    @Test
    void sportsHallsPeakInTheEvening() {
        SimBuilding hall = first(BuildingCategory.SPORTS_HALL);
        SimMeter el = electricity(hall);
        double evening = load.powerKw(hall.building(), el, Instant.parse("2026-11-24T18:00:00Z"), 1);
        double morning = load.powerKw(hall.building(), el, Instant.parse("2026-11-24T06:00:00Z"), 1);

        assertThat(evening).isGreaterThan(2 * morning);
    }

    @Test
    void heatingFollowsTheOutdoorTemperature() {
        SimBuilding building = fleet.stream().filter(b -> b.meters().size() == 2).findFirst().orElseThrow();
        SimMeter heat = building.meters().get(1);
        assertThat(heat.carrier()).isEqualTo(Carrier.DISTRICT_HEATING);

        double winter = load.powerKw(building.building(), heat, Instant.parse("2026-01-25T12:00:00Z"), 1);
        double summer = load.powerKw(building.building(), heat, Instant.parse("2026-07-25T12:00:00Z"), 1);

        assertThat(weather.dailyMeanC("4601", java.time.LocalDate.of(2026, 1, 25))).isLessThan(
                weather.dailyMeanC("4601", java.time.LocalDate.of(2026, 7, 25)));
        assertThat(winter).isGreaterThan(2 * summer);
    }

    @Test
    void theFleetMixesCategoriesAndCarriers() {
        assertThat(fleet).extracting(b -> b.building().category()).contains(BuildingCategory.SCHOOL,
                BuildingCategory.NURSING_HOME, BuildingCategory.SPORTS_HALL, BuildingCategory.KINDERGARTEN);
        assertThat(fleet.stream().flatMap(b -> b.meters().stream()).map(SimMeter::carrier))
                .contains(Carrier.ELECTRICITY, Carrier.DISTRICT_HEATING);
        assertThat(fleet).allSatisfy(b -> assertThat(b.building().meters()).hasSameSizeAs(b.meters()));
    }

    private SimBuilding first(BuildingCategory category) {
        return fleet.stream().filter(b -> b.building().category() == category).findFirst().orElseThrow();
    }

    private static SimMeter electricity(SimBuilding b) {
        return b.meters().stream().filter(m -> m.carrier() == Carrier.ELECTRICITY).findFirst().orElseThrow();
    }
}
