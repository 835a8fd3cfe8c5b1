package org.straumflyt.processor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.AnnualBasis;
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

    // The example's figures by hand (docs/PORTFOLIO.md), not through the production classes: each building corrected
    // once on its period's sums, E_w·(1−f) + E_w·f·ΣGD_normal/ΣGD_actual, plus its days without a temperature.
    private static final double A_YTD = 600 * 0.4 + 600 * 0.6 * 40 / 50 + 300; // 01, 02 corrected; 03 measured
    private static final double B_YTD = 2400 * 0.4 + 2400 * 0.6 * 40 / 32;
    private static final double C_YTD = 1200 * 0.5 + 1200 * 0.5 * 60 / 30;
    private static final double A_ROLLING = 900 * 0.4 + 900 * 0.6 * 60 / 70 + 300; // 31 December joins

    @Test
    void shouldDivideTheEnergyOfAllCarriersByTheHeatedAreaForTheYearToDate() {
        // Given three buildings of 6000 m² and their days 1-3 January
        // When the year to date is computed
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // Then EN:E:E:4A is (900 + 2400 + 1200) kWh / 6000 m² for those 3 days, not annualised, and not yearly
        assertThat(ytd.from()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(ytd.to()).isEqualTo(LocalDate.parse("2026-01-03"));
        assertThat(ytd.days()).isEqualTo(3);
        assertThat(ytd.buildings()).isEqualTo(3);
        assertThat(ytd.areaM2()).isEqualTo(6000);
        assertThat(ytd.importKwh()).isCloseTo(3 * 300 + 2 * 1200 + 3 * 400, within(EPS));
        assertThat(ytd.exportKwh()).isCloseTo(100, within(EPS));
        assertThat(ytd.kwhPerM2()).isCloseTo(4500.0 / 6000, within(EPS));
        assertThat(ytd.annualBasis()).isEqualTo(AnnualBasis.PART_OF_YEAR);
    }

    @Test
    void shouldCorrectEachBuildingOnceOnItsPeriodsDegreeDaySums() {
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // A: 528 + 300, B: 2760, C: 1800
        assertThat(A_YTD).isCloseTo(828, within(EPS));
        assertThat(ytd.correctedKwh()).isCloseTo(A_YTD + B_YTD + C_YTD, within(EPS));
        assertThat(ytd.correctedKwh()).isCloseTo(5388, within(EPS));
        assertThat(ytd.correctedKwhPerM2()).isCloseTo(5388.0 / 6000, within(EPS));
        // A's 3 January has no temperature: 7 of the 8 building-days with data went into a correction
        assertThat(ytd.correctedCoverage()).isCloseTo(7.0 / 8, within(EPS));
        assertThat(ytd.flags()).doesNotContain(QualityFlag.NOT_CORRECTED);
    }

    @Test
    void shouldCountOnlyBuildingDaysOnWhichEveryMeterReportedAllDayAsComplete() {
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // B has no 3 January; A's 3 January has data but dh-A missed half of it
        assertThat(ytd.expectedBuildingDays()).isEqualTo(9);
        assertThat(ytd.buildingDaysWithData()).isEqualTo(8);
        assertThat(ytd.completeBuildingDays()).isEqualTo(7);
        assertThat(ytd.coverage()).isCloseTo(7.0 / 9, within(EPS));
        assertThat(ytd.flags()).containsExactly(QualityFlag.GAP);
        // energy-weighted: A 900 kWh × 2.5/3 measured, B 2400 × 2/3, C 1200 × 3/3, over 4500 kWh
        assertThat(ytd.energyCoverage()).isCloseTo((900 * 2.5 / 3 + 2400 * 2.0 / 3 + 1200) / 4500, within(EPS));
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
        assertThat(schools.kwhPerM2()).isCloseTo(3300.0 / 4000, within(EPS));
        assertThat(schools.correctedKwhPerM2()).isCloseTo((A_YTD + B_YTD) / 4000, within(EPS));
        assertThat(schools.coverage()).isCloseTo(4.0 / 6, within(EPS));
        PortfolioCategory offices = ytd.categories().get(1);
        assertThat(offices.buildings()).isEqualTo(1);
        assertThat(offices.areaM2()).isEqualTo(2000);
        assertThat(offices.kwhPerM2()).isCloseTo(0.6, within(EPS));
        assertThat(offices.correctedKwhPerM2()).isCloseTo(C_YTD / 2000, within(EPS));
        assertThat(offices.coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldTakeTheRollingTwelveMonthsAcrossTheYearBoundaryAndMarkThemProvisional() {
        PortfolioKpi rolling = compute(PortfolioPeriod.ROLLING_12_MONTHS);

        // 4 January 2025 .. 3 January 2026: A's 31 December counts here and not in the year to date
        assertThat(rolling.from()).isEqualTo(LocalDate.parse("2025-01-04"));
        assertThat(rolling.days()).isEqualTo(365);
        assertThat(rolling.importKwh()).isCloseTo(4800, within(EPS));
        assertThat(rolling.kwhPerM2()).isCloseTo(0.8, within(EPS));
        assertThat(rolling.correctedKwh()).isCloseTo(A_ROLLING + B_YTD + C_YTD, within(EPS));
        assertThat(rolling.expectedBuildingDays()).isEqualTo(3 * 365);
        assertThat(rolling.buildingDaysWithData()).isEqualTo(9);
        assertThat(rolling.completeBuildingDays()).isEqualTo(8);
        // a whole year with 8 of 1095 building-days complete is no yearly figure
        assertThat(rolling.coverage()).isCloseTo(8.0 / 1095, within(EPS));
        assertThat(rolling.annualBasis()).isEqualTo(AnnualBasis.PROVISIONAL);
        assertThat(rolling.yearlyMinCoverage()).isEqualTo(0.95);
    }

    @Test
    void shouldPublishAWholeYearAsYearlyOnlyWhenItsCompletenessMeetsTheThreshold() {
        PeriodWindow rolling = PeriodWindow.endingAt(PortfolioExample.TO).get(1);
        Building b = PortfolioExample.B;
        Map<LocalDate, DayEnergy> days = new TreeMap<>();
        for (LocalDate d = rolling.from(); !d.isAfter(rolling.to()); d = d.plusDays(1)) {
            // every day of the year has data; 18 of the 365 days miss a meter for part of the day
            double coverage = d.getDayOfYear() % 20 == 0 ? 0.9 : 1;
            days.put(d, DayEnergy.of(PortfolioFixture.daily(b, d.toString(), Map.of(Carrier.ELECTRICITY, 10.0),
                    null, null, 0, coverage)));
        }
        var contribution = Contributions.of(b, PortfolioExample.TO, days, MetersSeen.NONE);
        long incomplete = days.values().stream().filter(d -> d.meterCoverage() < 1).count();
        double coverage = (365.0 - incomplete) / 365;

        PortfolioKpi strict = new PortfolioCalculator(PortfolioRules.defaults().withYearlyMinCoverage(0.99))
                .compute("3201", rolling, List.of(contribution), PortfolioExample.NOW);
        PortfolioKpi lenient = new PortfolioCalculator(PortfolioRules.defaults().withYearlyMinCoverage(0.9))
                .compute("3201", rolling, List.of(contribution), PortfolioExample.NOW);

        assertThat(coverage).isBetween(0.9, 0.99);
        assertThat(strict.coverage()).isCloseTo(coverage, within(EPS));
        assertThat(strict.annualBasis()).isEqualTo(AnnualBasis.PROVISIONAL);
        assertThat(lenient.annualBasis()).isEqualTo(AnnualBasis.YEARLY);
        assertThat(lenient.kwhPerM2()).isCloseTo(3650.0 / 3000, within(EPS));
    }

    @Test
    void shouldCountSmartMetersAndIntegratedBuildingsFromTheRegistryInPercent() {
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // el-A, el-B, el-C1 are declared smart, el-C2 not: 3 of 4; A and C have integrated management: 2 of 3
        assertThat(ytd.electricityMeters()).isEqualTo(4);
        assertThat(ytd.smartElectricityMeters()).isEqualTo(3);
        assertThat(ytd.smartMeterPercent()).isCloseTo(75, within(EPS));
        assertThat(ytd.integratedBuildings()).isEqualTo(2);
        assertThat(ytd.integratedBuildingPercent()).isCloseTo(200.0 / 3, within(EPS));
    }

    @Test
    void shouldReportDataFreshnessUnderItsOwnName() {
        // cut-off 08:00: el-A (09:30) and el-C1 (09:00) are fresh, el-B (07:59) is not, el-C2 never sent
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        assertThat(ytd.freshElectricityMeters()).isEqualTo(2);
        assertThat(ytd.freshMeterShare()).isCloseTo(0.5, within(EPS));
        assertThat(ytd.freshWithinMinutes()).isEqualTo(120);
        // A (1000 m², el-A fresh) and C (2000 m², el-C1 fresh) are live, B (3000 m²) is not
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

        assertThat(kpi.freshMeterShare()).isEqualTo(1.0);
        assertThat(kpi.liveAreaShare()).isEqualTo(1.0);
    }

    @Test
    void shouldShareRenewableEnergyConsumedOfEnergyConsumedWithoutTheExport() {
        PortfolioKpi ytd = compute(PortfolioPeriod.YEAR_TO_DATE);

        // electricity 3900 kWh × 0.5 + district heating 600 kWh × 0.8, of the 4500 kWh consumed; B's 100 kWh
        // exported are delivered, not consumed, and count in neither
        assertThat(ytd.renewableKwh()).isCloseTo(3900 * 0.5 + 600 * 0.8, within(EPS));
        assertThat(ytd.renewablePercent()).isCloseTo((3900 * 0.5 + 600 * 0.8) / 4500 * 100, within(EPS));
        assertThat(ytd.renewablePercent()).isCloseTo(54, within(EPS));
    }

    @Test
    void shouldNotLetExportInflateTheRenewableShare() {
        // a building that exports as much as it imports, from a 0 % renewable grid, consumed nothing renewable
        Building b = PortfolioExample.B;
        Map<LocalDate, DayEnergy> days = Map.of(PortfolioExample.TO, DayEnergy.of(PortfolioFixture.daily(b,
                PortfolioExample.TO.toString(), Map.of(Carrier.ELECTRICITY, 500.0), null, null, 500, 1)));
        var contribution = Contributions.of(b, PortfolioExample.TO, days, MetersSeen.NONE);
        PortfolioRules gridOnly = PortfolioRules.defaults()
                .withRenewableShares(RenewableShares.of(Map.of(Carrier.ELECTRICITY, 0.0)));

        PortfolioKpi kpi = new PortfolioCalculator(gridOnly).compute("3201",
                PeriodWindow.endingAt(PortfolioExample.TO).get(0), List.of(contribution), PortfolioExample.NOW);

        assertThat(kpi.exportKwh()).isEqualTo(500);
        assertThat(kpi.renewablePercent()).isZero();
    }

    @Test
    void shouldTakeAMunicipalitysOwnRenewableShareOverTheDefault() {
        RenewableShares shares = new RenewableShares(RENEWABLE_DEFAULTS,
                Map.of("3201", Map.of(Carrier.ELECTRICITY, 1.0)));
        PortfolioRules rules = PortfolioRules.defaults().withRenewableShares(shares);
        PeriodWindow window = PeriodWindow.endingAt(PortfolioExample.TO).get(0);

        PortfolioKpi own = new PortfolioCalculator(rules).compute("3201", window, contributions(PortfolioExample.TO),
                PortfolioExample.NOW);
        PortfolioKpi other = new PortfolioCalculator(rules).compute("4601", window,
                contributions(PortfolioExample.TO), PortfolioExample.NOW);

        // 3201 buys 100 % renewable electricity; district heating keeps the default 0.8
        assertThat(own.renewableKwh()).isCloseTo(3900 * 1.0 + 600 * 0.8, within(EPS));
        assertThat(other.renewableKwh()).isCloseTo(3900 * 0.5 + 600 * 0.8, within(EPS));
    }

    private static final Map<Carrier, Double> RENEWABLE_DEFAULTS = PortfolioExample.RENEWABLE;

    @Test
    void shouldLeaveTheRenewableShareOutWhenNoCarrierShareIsConfigured() {
        PeriodWindow window = PeriodWindow.endingAt(PortfolioExample.TO).get(0);

        PortfolioKpi kpi = new PortfolioCalculator(PortfolioRules.defaults()).compute("3201", window,
                contributions(PortfolioExample.TO), PortfolioExample.NOW);

        assertThat(kpi.renewableKwh()).isNull();
        assertThat(kpi.renewablePercent()).isNull();
    }

    @Test
    void shouldLeaveAPeriodWithoutDegreeDaysUncorrectedAndFlagIt() {
        // a summer week: every day has a temperature above 17 °C, so no degree days to scale by
        Building b = PortfolioExample.B;
        Map<LocalDate, DayEnergy> days = new TreeMap<>();
        for (int d = 0; d < 7; d++) {
            LocalDate date = PortfolioExample.TO.minusDays(d);
            days.put(date, DayEnergy.of(PortfolioFixture.daily(b, date.toString(),
                    Map.of(Carrier.ELECTRICITY, 100.0), 0.0, 0.5, 0, 1)));
        }
        var contribution = Contributions.of(b, PortfolioExample.TO, days, MetersSeen.NONE);

        PortfolioKpi kpi = calculator.compute("3201", PeriodWindow.endingAt(PortfolioExample.TO).get(1),
                List.of(contribution), PortfolioExample.NOW);

        assertThat(kpi.correctedKwh()).isEqualTo(700);
        assertThat(kpi.flags()).contains(QualityFlag.NOT_CORRECTED);
    }

    @Test
    void shouldLeaveBuildingsWithoutAnAreaOutOfKwhPerSquareMetreButNotOutOfTheEnergy() {
        Building noArea = new Building("d", "Lager", "3201", BuildingCategory.OTHER, 0, null, null, null, false,
                List.of(MeterSpec.of("el-D", Carrier.ELECTRICITY)));
        Map<LocalDate, DayEnergy> days = Map.of(LocalDate.parse("2026-01-02"),
                DayEnergy.of(PortfolioFixture.daily(noArea, "2026-01-02", Map.of(Carrier.ELECTRICITY, 999.0), 0)));
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
