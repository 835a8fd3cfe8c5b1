package org.straumflyt.dashboard.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.straumflyt.dashboard.store.BuildingSeen;
import org.straumflyt.dashboard.store.HourRow;
import org.straumflyt.dashboard.store.KpiReader;

/**
 * The figures of the pages, computed from building-hours read through a {@link KpiReader}; nothing here knows
 * the store. "Today" and "yesterday" are local dates of the configured zone; hours are UTC hours, as the
 * stream processor aggregates them (so a day has 23, 24 or 25).
 */
public final class DashboardQueries {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final DateTimeFormatter LOCAL_HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final KpiReader reader;
    private final ZoneId zone;
    private final Clock clock;

    public DashboardQueries(KpiReader reader, ZoneId zone, Clock clock) {
        this.reader = reader;
        this.zone = zone;
        this.clock = clock;
    }

    /** Every building the store knows, by id. */
    public Portfolio portfolio() {
        Window window = window();
        List<HourRow> rows = reader.hours(window.yesterdayStart, window.runningHour.plus(HOUR), null);
        Map<String, List<HourRow>> byBuilding = new LinkedHashMap<>();
        rows.forEach(r -> byBuilding.computeIfAbsent(r.buildingId(), k -> new ArrayList<>()).add(r));
        List<BuildingSummary> buildings = new ArrayList<>();
        for (BuildingSeen building : reader.buildings()) {
            buildings.add(summary(building, byBuilding.getOrDefault(building.buildingId(), List.of()), window));
        }
        return new Portfolio(window.now, zone.getId(), window.today, window.runningHour, buildings);
    }

    /** One building's page, or empty when the store has no hour of it. */
    public Optional<BuildingDetail> building(String id) {
        Optional<BuildingSeen> seen = reader.buildings().stream().filter(b -> b.buildingId().equals(id)).findFirst();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Window window = window();
        List<HourRow> rows = reader.hours(window.yesterdayStart, window.runningHour.plus(HOUR), id);
        Map<Instant, HourRow> byHour = new LinkedHashMap<>();
        rows.forEach(r -> byHour.put(r.hourStart(), r));
        List<HourBar> today = bars(window.todayStart, window.runningHour.plus(HOUR), byHour, window.runningHour);
        List<HourBar> yesterday = bars(window.yesterdayStart, window.todayStart, byHour, window.runningHour);
        return Optional.of(new BuildingDetail(summary(seen.get(), rows, window), zone.getId(), today, yesterday));
    }

    /** The running hour of every building that has one. */
    public LiveHour live() {
        Instant hour = runningHour(clock.instant());
        List<LiveHour.Building> buildings = reader.hours(hour, hour.plus(HOUR), null).stream()
                .map(r -> new LiveHour.Building(r.buildingId(), r.importKwh(), liveKw(r), r.coverage()))
                .toList();
        return new LiveHour(hour, buildings);
    }

    private BuildingSummary summary(BuildingSeen building, List<HourRow> rows, Window window) {
        Double todayKwh = null;
        Double yesterdayKwh = null;
        Double todayKwhPerM2 = null;
        Double areaM2 = null;
        HourRow running = null;
        double coverageSum = 0;
        Set<String> flags = new LinkedHashSet<>();
        for (HourRow row : rows) {
            boolean isToday = !row.hourStart().isBefore(window.todayStart);
            if (isToday) {
                todayKwh = (todayKwh == null ? 0 : todayKwh) + row.importKwh();
                if (row.kwhPerM2() != null) {
                    todayKwhPerM2 = (todayKwhPerM2 == null ? 0 : todayKwhPerM2) + row.kwhPerM2();
                }
                flags.addAll(row.flags());
                if (row.hourStart().equals(window.runningHour)) {
                    running = row;
                } else {
                    coverageSum += row.coverage();
                }
            } else {
                yesterdayKwh = (yesterdayKwh == null ? 0 : yesterdayKwh) + row.importKwh();
            }
            if (row.kwhPerM2() != null && row.kwhPerM2() > 0) {
                areaM2 = row.importKwh() / row.kwhPerM2();
            }
        }
        long completedHours = Duration.between(window.todayStart, window.runningHour).toHours();
        Double coverage = completedHours == 0 ? null : coverageSum / completedHours;
        HourRow newest = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new BuildingSummary(building.buildingId(), building.municipality(), building.category(),
                running == null ? null : liveKw(running), running == null ? null : running.importKwh(), todayKwh,
                yesterdayKwh, todayKwhPerM2, areaM2, building.newestHour(), coverage, List.copyOf(flags),
                newest == null ? null : newest.metersReporting(), newest == null ? null : newest.metersExpected());
    }

    /** Every hour slot from {@code from} to {@code to}; the running one is in progress, never a gap. */
    private List<HourBar> bars(Instant from, Instant to, Map<Instant, HourRow> byHour, Instant runningHour) {
        List<HourBar> bars = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(HOUR)) {
            HourRow row = byHour.get(hour);
            boolean inProgress = hour.equals(runningHour);
            String local = LOCAL_HOUR.format(hour.atZone(zone));
            if (row == null) {
                bars.add(new HourBar(hour, local, inProgress ? 0.0 : null, null, List.of(), null, null, inProgress));
            } else {
                bars.add(new HourBar(hour, local, row.importKwh(), row.coverage(), row.flags(),
                        row.metersReporting(), row.metersExpected(), inProgress));
            }
        }
        return bars;
    }

    /**
     * Mean power over the measured part of an hour: its energy ÷ (coverage × 1 h). For the running hour this is
     * the power since the hour began, as far as the meters have reported it.
     */
    static Double liveKw(HourRow row) {
        return row.coverage() > 0 ? row.importKwh() / row.coverage() : null;
    }

    private Window window() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        ZonedDateTime todayStart = today.atStartOfDay(zone);
        return new Window(now, today, todayStart.toInstant(), today.minusDays(1).atStartOfDay(zone).toInstant(),
                runningHour(now));
    }

    private static Instant runningHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    private record Window(Instant now, LocalDate today, Instant todayStart, Instant yesterdayStart,
            Instant runningHour) {
    }
}
