package org.straumflyt.processor.portfolio;

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
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.QualityFlag;

/** The portfolio application end to end in a test driver: public KPI records in, kpi.portfolio out. */
class PortfolioTopologyTest {
    private static final double EPS = 1e-9;
    private PortfolioFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void example() {
        fixture = new PortfolioFixture(PortfolioExample.NOW, PortfolioExample.RULES);
        PortfolioExample.buildings().forEach(fixture::register);
        PortfolioExample.days().forEach(fixture::day);
        PortfolioExample.sendMeterHours(fixture);
    }

    @Test
    void shouldEmitTheHandComputedIndicatorsOfTheMunicipalityForBothPeriods() {
        // Given the example's registry, days and meter-hours
        example();

        // When an emission interval passes
        fixture.emit();

        // Then the year to date and the rolling 12 months carry the hand-computed figures
        PortfolioKpi ytd = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        assertThat(ytd.importKwh()).isCloseTo(4500, within(EPS));
        assertThat(ytd.kwhPerM2()).isCloseTo(0.75, within(EPS));
        assertThat(ytd.correctedKwhPerM2()).isCloseTo(5388.0 / 6000, within(EPS));
        assertThat(ytd.smartMeterPercent()).isCloseTo(75, within(EPS));
        assertThat(ytd.integratedBuildingPercent()).isCloseTo(200.0 / 3, within(EPS));
        assertThat(ytd.freshMeterShare()).isCloseTo(0.5, within(EPS));
        assertThat(ytd.liveAreaShare()).isCloseTo(0.5, within(EPS));
        assertThat(ytd.renewablePercent()).isCloseTo(54, within(EPS));
        assertThat(ytd.coverage()).isCloseTo(7.0 / 9, within(EPS));
        assertThat(ytd.categories()).hasSize(2);
        assertThat(ytd.categories().get(0).kwhPerM2()).isCloseTo(0.825, within(EPS));
        assertThat(ytd.revision()).isEqualTo(1);
        PortfolioKpi rolling = fixture.portfolio("3201", PortfolioPeriod.ROLLING_12_MONTHS, "2025-01-04");
        assertThat(rolling.importKwh()).isCloseTo(4800, within(EPS));
        assertThat(rolling.kwhPerM2()).isCloseTo(0.8, within(EPS));
        assertThat(fixture.portfolioLog).hasSize(2);
    }

    @Test
    void shouldEmitNothingWhenNothingChangedAndARevisionWhenALateDayArrives() {
        example();
        fixture.emit();
        fixture.newPortfolio();

        // When an interval passes without news, nothing is emitted
        fixture.emit();
        assertThat(fixture.newPortfolio()).isEmpty();

        // When B's missing 3 January arrives late
        fixture.day(PortfolioFixture.daily(PortfolioExample.B, "2026-01-03", Map.of(Carrier.ELECTRICITY, 600.0),
                0));
        fixture.emit();

        // Then both periods are revised
        List<PortfolioKpi> revised = fixture.newPortfolio();
        assertThat(revised).extracting(PortfolioKpi::period)
                .containsExactly(PortfolioPeriod.YEAR_TO_DATE, PortfolioPeriod.ROLLING_12_MONTHS);
        assertThat(revised).allSatisfy(p -> assertThat(p.revision()).isEqualTo(2));
        assertThat(revised.get(0).importKwh()).isCloseTo(5100, within(EPS));
        assertThat(revised.get(0).completeBuildingDays()).isEqualTo(8);
        assertThat(revised.get(0).coverage()).isCloseTo(8.0 / 9, within(EPS));
        assertThat(revised.get(0).flags()).containsExactly(QualityFlag.GAP);
    }

    @Test
    void shouldCountMetersThatComeBackAndADayThatArrivesInTheSameInterval() {
        example();
        fixture.emit();
        fixture.newPortfolio();

        // When el-B delivers data again (its building's sums are kept) and then, in the same interval, B's late day
        fixture.meterHour("el-B", "b", "2026-01-04T09:00:00Z", 1.0);
        fixture.emit();
        PortfolioKpi afterMeter = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        fixture.meterHour("el-C2", "c", "2026-01-04T09:00:00Z", 0.5);
        fixture.day(PortfolioFixture.daily(PortfolioExample.B, "2026-01-03", Map.of(Carrier.ELECTRICITY, 600.0),
                0));
        fixture.emit();

        // Then the shares follow the meters, and the energy the day
        assertThat(afterMeter.freshElectricityMeters()).isEqualTo(3);
        assertThat(afterMeter.liveAreaShare()).isEqualTo(1.0);
        assertThat(afterMeter.importKwh()).isCloseTo(4500, within(EPS));
        PortfolioKpi ytd = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        assertThat(ytd.freshElectricityMeters()).isEqualTo(4);
        assertThat(ytd.freshMeterShare()).isEqualTo(1.0);
        assertThat(ytd.importKwh()).isCloseTo(5100, within(EPS));
        assertThat(ytd.revision()).isEqualTo(3);
    }

    @Test
    void shouldReviseTheSharesWhenMetersGoStaleWithoutNewData() {
        example();
        fixture.emit();
        fixture.newPortfolio();

        // When an hour passes: cut-off 09:00 + 2 min, el-C1 (09:00) is no longer fresh, el-A (09:30) still is
        fixture.advance(Duration.ofMinutes(60));
        fixture.emit();

        PortfolioKpi ytd = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        assertThat(ytd.freshElectricityMeters()).isEqualTo(1);
        assertThat(ytd.freshMeterShare()).isCloseTo(0.25, within(EPS));
        assertThat(ytd.liveAreaM2()).isEqualTo(1000);
    }

    @Test
    void shouldFollowTheRegistryWhenABuildingMovesToAnotherMunicipalityOrIsRemoved() {
        example();
        fixture.emit();

        // When C moves to 3203 and B leaves the registry
        Building moved = new Building("c", "Rådhus", "3203", BuildingCategory.OFFICE, 2000, null, null, null, true,
                PortfolioExample.C.meters());
        fixture.register(moved);
        fixture.unregister("b");
        fixture.emit();

        // Then 3201 has only A, 3203 has C
        PortfolioKpi baerum = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        assertThat(baerum.buildings()).isEqualTo(1);
        assertThat(baerum.importKwh()).isCloseTo(900, within(EPS));
        assertThat(baerum.areaM2()).isEqualTo(1000);
        PortfolioKpi asker = fixture.portfolio("3203", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        assertThat(asker.buildings()).isEqualTo(1);
        assertThat(asker.importKwh()).isCloseTo(1200, within(EPS));
        assertThat(asker.kwhPerM2()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void shouldSpreadAFullRecomputationOverTicksAndNeverMixTwoLastCompleteDays() {
        // Given the example, with at most one building recomputed per tick and the municipalities every second too
        PortfolioRules everySecond = PortfolioExample.RULES.withEmitInterval(Duration.ofSeconds(1));
        fixture = new PortfolioFixture(PortfolioExample.NOW, everySecond, 1);
        PortfolioExample.buildings().forEach(fixture::register);
        PortfolioExample.days().forEach(fixture::day);
        for (int tick = 0; tick < 5; tick++) {
            fixture.advance(Duration.ofSeconds(1));
        }
        fixture.emit();
        assertThat(fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01").buildings()).isEqualTo(3);

        // When midnight passes and the buildings are recomputed one per tick
        fixture.advance(Duration.ofHours(14));
        for (int tick = 0; tick < 10; tick++) {
            fixture.advance(Duration.ofSeconds(1));
        }

        // Then every record of the new periods counts all three buildings: none mixes old and new sums
        List<PortfolioKpi> newDay = fixture.newPortfolio().stream()
                .filter(p -> p.to().equals(java.time.LocalDate.parse("2026-01-04"))).toList();
        assertThat(newDay).extracting(PortfolioKpi::period)
                .containsExactly(PortfolioPeriod.YEAR_TO_DATE, PortfolioPeriod.ROLLING_12_MONTHS);
        assertThat(newDay).allSatisfy(p -> assertThat(p.buildings()).isEqualTo(3));
        assertThat(newDay.get(0).importKwh()).isCloseTo(4500, within(EPS));
    }

    @Test
    void shouldStartANewYearToDateAfterNewYearWhileTheRollingPeriodSpansBoth() {
        // Given one school with days on both sides of new year, at noon on 1 January 2027 (last complete day 31 Dec)
        Building school = new Building("s", "Skole", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                List.of(MeterSpec.of("el", Carrier.ELECTRICITY)));
        fixture = new PortfolioFixture(Instant.parse("2027-01-01T11:00:00Z"), PortfolioExample.RULES);
        fixture.register(school);
        fixture.day(PortfolioFixture.daily(school, "2026-12-30", Map.of(Carrier.ELECTRICITY, 100.0), 0));
        fixture.day(PortfolioFixture.daily(school, "2026-12-31", Map.of(Carrier.ELECTRICITY, 200.0), 0));
        fixture.day(PortfolioFixture.daily(school, "2027-01-01", Map.of(Carrier.ELECTRICITY, 50.0), 0));
        fixture.emit();

        PortfolioKpi year2026 = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01");
        assertThat(year2026.to()).isEqualTo(java.time.LocalDate.parse("2026-12-31"));
        assertThat(year2026.importKwh()).isCloseTo(300, within(EPS));
        assertThat(year2026.days()).isEqualTo(365);

        // When the day passes: the last complete day is 1 January 2027
        fixture.advance(Duration.ofDays(1));
        fixture.emit();

        // Then the 2027 year to date has only 1 January, the rolling 12 months all three days, and 2026 stays
        PortfolioKpi year2027 = fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2027-01-01");
        assertThat(year2027.days()).isEqualTo(1);
        assertThat(year2027.importKwh()).isCloseTo(50, within(EPS));
        assertThat(year2027.kwhPerM2()).isCloseTo(0.05, within(EPS));
        PortfolioKpi rolling = fixture.portfolio("3201", PortfolioPeriod.ROLLING_12_MONTHS, "2026-01-02");
        assertThat(rolling.importKwh()).isCloseTo(350, within(EPS));
        assertThat(rolling.days()).isEqualTo(365);
        assertThat(fixture.portfolio("3201", PortfolioPeriod.YEAR_TO_DATE, "2026-01-01").importKwh())
                .isCloseTo(300, within(EPS));
    }
}
