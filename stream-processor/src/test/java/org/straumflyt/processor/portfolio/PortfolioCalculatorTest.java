package org.straumflyt.processor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PortfolioCategory;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.QualityFlag;

/** The indicator formulas on the hand-computed example of {@link PortfolioExample} (docs/PORTFOLIO.md). */
class PortfolioCalculatorTest {
    private static final double EPS = 1e-9;
    private final PortfolioCalculator calculator = new PortfolioCalculator(PortfolioExample.RULES);

    private static List<BuildingContribution> contributions(LocalDate to) {
        return PortfolioExample.buildings().stream()
                .map(b -> Contributions.of(b, to, daysOf(b), PortfolioExample.seen(b))).toList();
    }

    private static Map<LocalDate, DayEnergy> daysOf(Building building) {
        Map<LocalDate, DayEnergy> days = new TreeMap<>();
        for (BuildingDaily d : PortfolioExample.days()) {
            if (d.buildingId().equals(building.buildingId())) {
                days.put(d.date(), DayEnergy.of(d));
            }
        }
        return days;
    }

    private PortfolioKpi compute(PortfolioPeriod period) {
        PeriodWindow window = PeriodWindow.endingAt(PortfolioExample.TO).stream()
                .filter(w -> w.period() == period).findFirst().orElseThrow();
        return calculator.compute("3201", window, contributions(PortfolioExample.TO), PortfolioExample.NOW);
    }

    @Test
    void shouldDivideTheEnergyOfAllCarriersByTheHeatedAreaForTheYearToDate() {
        // Given three buildings of 6000 m² and their days 1-3 January
        // When the year to date is computed
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // Then EN:E:E:4A is (900 + 2400 + 1200) kWh / 6000 m² for those 3 days, not annualised
        assertThat(ytd.from()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(ytd.to()).isEqualTo(LocalDate.parse("2026-01-03"));
        assertThat(ytd.days()).isEqualTo(3);
        assertThat(ytd.buildings()).isEqualTo(3);
        assertThat(ytd.areaM2()).isEqualTo(6000);
        assertThat(ytd.importKwh()).isCloseTo(4500, within(EPS));
        assertThat(ytd.exportKwh()).isCloseTo(100, within(EPS));
        assertThat(ytd.kwhPerM2()).isCloseTo(0.75, within(EPS));
        // corrected: A 360 + 360 + 300 (3 Jan has no correction: measured), B 2000, C 1320
        assertThat(ytd.correctedKwh()).isCloseTo(4340, within(EPS));
        assertThat(ytd.correctedKwhPerM2()).isCloseTo(4340.0 / 6000, within(EPS));
        assertThat(ytd.correctedCoverage()).isCloseTo(7.0 / 8, within(EPS));
        // completeness: B has no 3 January
        assertThat(ytd.expectedBuildingDays()).isEqualTo(9);
        assertThat(ytd.buildingDaysWithData()).isEqualTo(8);
        assertThat(ytd.coverage()).isCloseTo(8.0 / 9, within(EPS));
        assertThat(ytd.flags()).containsExactly(QualityFlag.GAP);
    }

    @Test
    void shouldGiveKwhPerSquareMetrePerCategoryWithTheBuildingsAndAreaBehindIt() {
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        assertThat(ytd.categories()).extracting(PortfolioCategory::category)
                .containsExactly(BuildingCategory.SCHOOL, BuildingCategory.OFFICE);
        PortfolioCategory schools = ytd.categories().get(0);
        assertThat(schools.buildings()).isEqualTo(2);
        assertThat(schools.areaM2()).isEqualTo(4000);
        assertThat(schools.importKwh()).isCloseTo(3300, within(EPS));
        assertThat(schools.kwhPerM2()).isCloseTo(0.825, within(EPS));
        assertThat(schools.correctedKwhPerM2()).isCloseTo(3020.0 / 4000, within(EPS));
        assertThat(schools.coverage()).isCloseTo(5.0 / 6, within(EPS));
        PortfolioCategory offices = ytd.categories().get(1);
        assertThat(offices.buildings()).isEqualTo(1);
        assertThat(offices.areaM2()).isEqualTo(2000);
        assertThat(offices.kwhPerM2()).isCloseTo(0.6, within(EPS));
        assertThat(offices.correctedKwhPerM2()).isCloseTo(0.66, within(EPS));
        assertThat(offices.coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldTakeTheRollingTwelveMonthsAcrossTheYearBoundary() {
        PortfolioKpi rolling = compute(PortfolioPeriod.ROLLING_12_MONTHS);

        // 4 January 2025 .. 3 January 2026: A's 31 December counts here and not in the year to date
        assertThat(rolling.from()).isEqualTo(LocalDate.parse("2025-01-04"));
        assertThat(rolling.days()).isEqualTo(365);
        assertThat(rolling.importKwh()).isCloseTo(4800, within(EPS));
        assertThat(rolling.kwhPerM2()).isCloseTo(0.8, within(EPS));
        assertThat(rolling.correctedKwh()).isCloseTo(4670, within(EPS));
        assertThat(rolling.expectedBuildingDays()).isEqualTo(3 * 365);
        assertThat(rolling.buildingDaysWithData()).isEqualTo(9);
    }

    @Test
    void shouldCountElectricityMetersWithDataWithinTheWindowAsSmartMetersDelivering() {
        // cut-off 08:00: el-A (09:30) and el-C1 (09:00) are fresh, el-B (07:59) is not, el-C2 never sent
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        assertThat(ytd.electricityMeters()).isEqualTo(4);
        assertThat(ytd.freshElectricityMeters()).isEqualTo(2);
        assertThat(ytd.smartMeterShare()).isCloseTo(0.5, within(EPS));
        assertThat(ytd.freshWithinMinutes()).isEqualTo(120);
    }

    @Test
    void shouldShareTheFloorAreaOfBuildingsWhoseDataIsLive() {
        // A (1000 m², el-A fresh) and C (2000 m², el-C1 fresh) are live, B (3000 m²) is not
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        assertThat(ytd.liveAreaM2()).isEqualTo(3000);
        assertThat(ytd.liveAreaShare()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void shouldCountDataReachingExactlyTheCutOffAsFresh() {
        Building b = PortfolioExample.B;
        var seen = new MetersSeen(Map.of("el-B", Instant.parse("2026-01-04T08:00:00Z")));
        var contribution = Contributions.of(b, PortfolioExample.TO, Map.of(), seen);
        PeriodWindow window = PeriodWindow.endingAt(PortfolioExample.TO).get(0);

        PortfolioKpi kpi = calculator.compute("3201", window, List.of(contribution), PortfolioExample.NOW);

        assertThat(kpi.smartMeterShare()).isEqualTo(1.0);
        assertThat(kpi.liveAreaShare()).isEqualTo(1.0);
    }

    @Test
    void shouldWeighEachCarrierByItsRenewableShareAndAddOnSiteProduction() {
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // electricity 3900 kWh × 0.5 + district heating 600 kWh × 0.8 + 100 kWh exported, of 4500 + 100 kWh
        assertThat(ytd.renewableKwh()).isCloseTo(1950 + 480 + 100, within(EPS));
        assertThat(ytd.renewableShare()).isCloseTo(2530.0 / 4600, within(EPS));
    }

    @Test
    void shouldLeaveTheRenewableShareOutWhenNoCarrierShareIsConfigured() {
        PortfolioRules unknown = new PortfolioRules(PortfolioRules.DEFAULT_ZONE, Duration.ofMinutes(120),
                Duration.ofSeconds(60), Map.of());
        PeriodWindow window = PeriodWindow.endingAt(PortfolioExample.TO).get(0);

        PortfolioKpi kpi = new PortfolioCalculator(unknown).compute("3201", window,
                contributions(PortfolioExample.TO), PortfolioExample.NOW);

        assertThat(kpi.renewableKwh()).isNull();
        assertThat(kpi.renewableShare()).isNull();
    }

    @Test
    void shouldLeaveBuildingsWithoutAnAreaOutOfKwhPerSquareMetreButNotOutOfTheEnergy() {
        Building noArea = new Building("d", "Lager", "3201", BuildingCategory.OTHER, 0, null, null, null, false,
                List.of(MeterSpec.of("el-D", Carrier.ELECTRICITY)));
        Map<LocalDate, DayEnergy> days = Map.of(LocalDate.parse("2026-01-02"),
                DayEnergy.of(PortfolioFixture.daily(noArea, "2026-01-02", Map.of(Carrier.ELECTRICITY, 999.0), null,
                        0)));
        PeriodWindow window = PeriodWindow.endingAt(PortfolioExample.TO).get(0);
        List<BuildingContribution> all = new java.util.ArrayList<>(contributions(PortfolioExample.TO));
        all.add(Contributions.of(noArea, PortfolioExample.TO, days, MetersSeen.NONE));

        PortfolioKpi kpi = calculator.compute("3201", window, all, PortfolioExample.NOW);

        assertThat(kpi.importKwh()).isCloseTo(4500 + 999, within(EPS));
        assertThat(kpi.kwhPerM2()).isCloseTo(0.75, within(EPS));
        assertThat(kpi.categories()).last().satisfies(c -> {
            assertThat(c.category()).isEqualTo(BuildingCategory.OTHER);
            assertThat(c.kwhPerM2()).isNull();
        });
    }
}
