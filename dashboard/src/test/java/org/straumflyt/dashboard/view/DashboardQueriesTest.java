package org.straumflyt.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.store.BuildingSeen;
import org.straumflyt.dashboard.store.DayRow;
import org.straumflyt.dashboard.store.HourRow;
import org.straumflyt.dashboard.store.KpiReader;
import org.straumflyt.dashboard.store.MonthRow;
import org.straumflyt.dashboard.store.PortfolioRow;

/** The figures' calendar arithmetic, on building-hours held in memory: local days across daylight-saving changes. */
class DashboardQueriesTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void sameTimeLastWeekCountsTheSameLocalHoursAcrossTheSpringDaylightSavingChange() {
        // Given 1 kWh in every UTC hour of March, and "now" Tuesday 31 March 10:20 UTC = 12:20 summer time; summer
        // time began on Sunday 29 March, so Tuesday 24 March was still on winter time
        List<HourRow> hours = new ArrayList<>();
        for (Instant h = Instant.parse("2026-03-01T00:00:00Z"); h.isBefore(Instant.parse("2026-04-01T00:00:00Z"));
                h = h.plus(Duration.ofHours(1))) {
            hours.add(new HourRow("b", "3201", "school", h, 1.0, null, null, 1, 1, 1.0, List.of()));
        }
        DashboardQueries queries = new DashboardQueries(new Hours(hours), OSLO,
                Clock.fixed(Instant.parse("2026-03-31T10:20:00Z"), ZoneOffset.UTC));

        BuildingSummary summary = queries.portfolio().buildings().get(0);
        BuildingDetail detail = queries.building("b").orElseThrow();

        // Then today (00:00 to the end of the 12:00 hour, local) and last week's same span both have 13 hours
        assertThat(summary.todayKwh()).isCloseTo(13.0, within(1e-9));
        assertThat(summary.lastWeekKwh()).isCloseTo(13.0, within(1e-9));
        assertThat(detail.lastWeek()).hasSize(24);
        assertThat(detail.lastWeek().get(0).hourStart()).isEqualTo(Instant.parse("2026-03-23T23:00:00Z"));
        // and the day of the change, in the 30 days, is a local date like any other
        assertThat(detail.days()).hasSize(30);
        assertThat(detail.days().get(29).date()).hasToString("2026-03-30");
    }

    @Test
    void yesterdayHas23HoursOnTheDayTheClocksGoForward() {
        List<HourRow> hours = new ArrayList<>();
        for (Instant h = Instant.parse("2026-03-28T23:00:00Z"); h.isBefore(Instant.parse("2026-03-29T22:00:00Z"));
                h = h.plus(Duration.ofHours(1))) {
            hours.add(new HourRow("b", "3201", "school", h, 2.0, null, null, 1, 1, 1.0, List.of()));
        }
        DashboardQueries queries = new DashboardQueries(new Hours(hours), OSLO,
                Clock.fixed(Instant.parse("2026-03-30T08:00:00Z"), ZoneOffset.UTC));

        BuildingDetail detail = queries.building("b").orElseThrow();

        assertThat(detail.yesterday()).hasSize(23).allSatisfy(bar -> assertThat(bar.kwh()).isEqualTo(2.0));
        assertThat(detail.summary().yesterdayKwh()).isCloseTo(46.0, within(1e-9));
    }

    /** A store holding building-hours only. */
    private record Hours(List<HourRow> rows) implements KpiReader {
        @Override
        public List<BuildingSeen> buildings() {
            return List.of(new BuildingSeen("b", "3201", "school", rows.get(rows.size() - 1).hourStart()));
        }

        @Override
        public List<HourRow> hours(Instant from, Instant to, String buildingId) {
            return rows.stream().filter(r -> !r.hourStart().isBefore(from) && r.hourStart().isBefore(to)).toList();
        }

        @Override
        public List<DayRow> days(Instant from, Instant to, String buildingId) {
            return List.of();
        }

        @Override
        public List<MonthRow> months(Instant from, Instant to, String buildingId) {
            return List.of();
        }

        @Override
        public List<PortfolioRow> portfolios() {
            return List.of();
        }

        @Override
        public boolean available() {
            return true;
        }
    }
}
