package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.fleet.WeatherModel;
import org.straumflyt.simulator.truth.GroundTruth;
import org.straumflyt.simulator.truth.GroundTruth.BookedHour;
import org.straumflyt.simulator.truth.PortfolioAssumptions;
import org.straumflyt.simulator.truth.PortfolioTruth;

/** The portfolio truth of a small fleet, with the arithmetic written out by hand. */
class PortfolioTruthTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** 2026-01-02 00:00 in Oslo. */
    private static final Instant DAY = Instant.parse("2026-01-01T23:00:00Z");
    private static final PortfolioAssumptions ASSUMPTIONS = new PortfolioAssumptions(OSLO,
            Map.of(Carrier.ELECTRICITY, 0.5, Carrier.DISTRICT_HEATING, 0.8),
            Map.of(BuildingCategory.SCHOOL, 0.6, BuildingCategory.OFFICE, 0.5),
            List.of(620.0, 560.0, 530.0, 380.0, 200.0, 60.0, 20.0, 40.0, 160.0, 340.0, 480.0, 600.0));

    @Test
    void energyRenewablesCompletenessAndCorrectionFollowFromTheBookedHours(@TempDir Path dir) throws Exception {
        // Given school A (1000 m², electricity 2 kWh every hour of 2 January, district heating 5 kWh in its first
        // 12 hours only) and office B (500 m², electricity 1 kWh every hour, and half of the next day's first hour)
        SimMeter elA = meter("el-9100-b001", "9100-b001", Carrier.ELECTRICITY);
        SimMeter dhA = meter("dh-9100-b001", "9100-b001", Carrier.DISTRICT_HEATING);
        SimMeter elB = meter("el-9100-b002", "9100-b002", Carrier.ELECTRICITY);
        List<SimBuilding> fleet = List.of(building("9100-b001", BuildingCategory.SCHOOL, 1000, elA, dhA),
                building("9100-b002", BuildingCategory.OFFICE, 500, elB));
        List<BookedHour> booked = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant hour = DAY.plusSeconds(3600L * h);
            booked.add(new BookedHour(elA.meterId(), hour, 2, 1));
            booked.add(new BookedHour(elB.meterId(), hour, 1, 1));
            if (h < 12) {
                booked.add(new BookedHour(dhA.meterId(), hour, 5, 1));
            }
        }
        booked.add(new BookedHour(elB.meterId(), DAY.plusSeconds(24 * 3600), 1, 0.5));
        WeatherModel weather = new WeatherModel(7);

        // When the truth is computed and written
        PortfolioTruth truth = PortfolioTruth.of("9100", fleet, booked, weather, ASSUMPTIONS);
        truth.write(dir);

        // Then energy: A 48 + 60 = 108, B 24 + 1 = 25 → 133 kWh over 1500 m²
        assertThat(truth.firstDay()).isEqualTo(LocalDate.parse("2026-01-02"));
        assertThat(truth.lastDay()).isEqualTo(LocalDate.parse("2026-01-03"));
        assertThat(truth.buildings()).isEqualTo(2);
        assertThat(truth.importKwh()).isEqualTo(133.0);
        assertThat(truth.kwhPerM2()).isCloseTo(133.0 / 1500, within(1e-12));
        // renewable: electricity 48 + 25 = 73 × 0.5 = 36.5, district heating 60 × 0.8 = 48 → 84.5 kWh, 63.5 %
        assertThat(truth.renewableKwh()).isCloseTo(84.5, within(1e-12));
        assertThat(truth.renewablePercent()).isCloseTo(100 * 84.5 / 133, within(1e-12));
        // building-days: A 2 Jan (36 of 48 meter-hours: incomplete), B 2 Jan (complete) and 3 Jan (0.5 of 24)
        assertThat(truth.buildingDaysWithData()).isEqualTo(3);
        assertThat(truth.completeBuildingDays()).isEqualTo(1);
        assertThat(truth.expectedBuildingDays(3)).isEqualTo(6);
        assertThat(truth.coverage(3)).isCloseTo(1 / 6.0, within(1e-12));
        // energy coverage over 3 days: (108 · 0.75 + 25 · (1 + 0.5/24)) / 3 / 133
        assertThat(truth.energyCoverage(3)).isCloseTo((81 + 25 * (1 + 0.5 / 24)) / 3 / 133, within(1e-12));
        // degree-day correction on each building's period sums, January normal 620/31 = 20 a day
        double gA = Math.max(0, 17 - weather.dailyMeanC("9100", LocalDate.parse("2026-01-02")));
        double gB = gA + Math.max(0, 17 - weather.dailyMeanC("9100", LocalDate.parse("2026-01-03")));
        assertThat(gA).isPositive();
        double corrected = 108 * 0.4 + 108 * 0.6 * 20 / gA + 25 * 0.5 + 25 * 0.5 * 40 / gB;
        assertThat(truth.correctedKwh()).isCloseTo(corrected, within(1e-9));
        assertThat(truth.correctedCoverage()).isEqualTo(1.0);
        assertThat(PortfolioTruth.read(dir)).isEqualTo(truth);
    }

    @Test
    void theGroundTruthBooksEachHoursCoverageBeforeTheEnd() {
        // Given a run that ends at 01:00, a meter whose first step starts at 00:20, and its last step of 20 minutes
        // from 00:50 to 01:10
        GroundTruth truth = new GroundTruth(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-02T01:00:00Z"));
        SimMeter meter = meter("el-9100-b001", "9100-b001", Carrier.ELECTRICITY);
        truth.addStep(meter, Instant.parse("2026-01-02T00:20:00Z"), 1800, 1000);
        truth.addStep(meter, Instant.parse("2026-01-02T00:50:00Z"), 1200, 3000);

        // Then hour 00:00 holds 1 + 1.5 kWh over 40 minutes; the hour after the end is left out
        assertThat(truth.bookedHours()).containsExactly(
                new BookedHour(meter.meterId(), Instant.parse("2026-01-02T00:00:00Z"), 2.5, 2400 / 3600.0));
    }

    private static SimMeter meter(String id, String building, Carrier carrier) {
        return new SimMeter(id, building, carrier, PayloadFormat.CANONICAL, 300, 0, 1, 0, 0, 1_000_000, 50);
    }

    private static SimBuilding building(String id, BuildingCategory category, double area, SimMeter... meters) {
        List<SimMeter> list = List.of(meters);
        return new SimBuilding(new Building(id, id, "9100", category, area, "Europe/Oslo", new GeoLocation(59.9, 10.7),
                "9100", false, list.stream().map(SimMeter::spec).toList(), false), list);
    }
}
