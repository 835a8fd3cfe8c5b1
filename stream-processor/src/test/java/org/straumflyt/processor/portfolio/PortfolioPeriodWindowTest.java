package org.straumflyt.processor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.PortfolioPeriod;

class PortfolioPeriodWindowTest {

    @Test
    void shouldEndBothPeriodsWithYesterdayInTheZone() {
        // 23:30 UTC on 31 December is already 1 January in Oslo
        LocalDate to = PeriodWindow.lastCompleteDay(Instant.parse("2026-12-31T23:30:00Z"),
                PortfolioRules.DEFAULT_ZONE);

        assertThat(to).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(PeriodWindow.endingAt(to)).containsExactly(
                new PeriodWindow(PortfolioPeriod.YEAR_TO_DATE, LocalDate.parse("2026-01-01"), to),
                new PeriodWindow(PortfolioPeriod.ROLLING_12_MONTHS, LocalDate.parse("2026-01-01"), to));
    }

    @Test
    void shouldStartANewYearToDateOnTheSecondOfJanuary() {
        var windows = PeriodWindow.endingAt(LocalDate.parse("2027-01-01"));

        assertThat(windows.get(0).from()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(windows.get(0).days()).isEqualTo(1);
        assertThat(windows.get(1).from()).isEqualTo(LocalDate.parse("2026-01-02"));
        assertThat(windows.get(1).days()).isEqualTo(365);
    }

    @Test
    void shouldCountTheLeapDayInTheRollingTwelveMonths() {
        var rolling = PeriodWindow.endingAt(LocalDate.parse("2028-03-15")).get(1);

        assertThat(rolling.from()).isEqualTo(LocalDate.parse("2027-03-16"));
        assertThat(rolling.days()).isEqualTo(366);
    }

    @Test
    void shouldRoundMeterDataTimesToFiveMinutesOrAQuarterOfAShortWindow() {
        var rules = PortfolioRules.defaults();
        var shortWindow = rules.withFreshWithin(java.time.Duration.ofMinutes(8));

        assertThat(rules.freshnessStep()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(shortWindow.freshnessStep()).isEqualTo(java.time.Duration.ofMinutes(2));
    }
}
