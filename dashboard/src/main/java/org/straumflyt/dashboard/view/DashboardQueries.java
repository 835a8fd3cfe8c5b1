package org.straumflyt.dashboard.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.straumflyt.dashboard.registry.BuildingDirectory;
import org.straumflyt.dashboard.store.BuildingSeen;
import org.straumflyt.dashboard.store.DayRow;
import org.straumflyt.dashboard.store.HourRow;
import org.straumflyt.dashboard.store.KpiReader;
import org.straumflyt.dashboard.store.MonthRow;
import org.straumflyt.model.Building;

/**
 * The figures of the pages, computed from the KPI store's records read through a {@link KpiReader} and the
 * registry's buildings from a {@link BuildingDirectory}; nothing here knows the store or Kafka. "Today" and
 * "yesterday" are local dates of the configured zone; hours are UTC hours, as the stream processor aggregates them
 * (so a day has 23, 24 or 25).
 */
public final class DashboardQueries {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final DateTimeFormatter LOCAL_HOUR = DateTimeFormatter.ofPattern("HH:mm");
    /** Days of the energy-against-temperature view. */
    static final int DAYS = 30;
    /** Days whose highest hours make the capacity tariff's basis. */
    static final int CAPACITY_DAYS = 3;

    private final KpiReader reader;
    private final BuildingDirectory registry;
    private final ZoneId zone;
    private final Clock clock;

    public DashboardQueries(KpiReader reader, BuildingDirectory registry, ZoneId zone, Clock clock) {
        this.reader = reader;
        this.registry = registry;
        this.zone = zone;
        this.clock = clock;
    }

    /** Without a registry: the pages show building ids. */
    public DashboardQueries(KpiReader reader, ZoneId zone, Clock clock) {
        this(reader, BuildingDirectory.NONE, zone, clock);
    }

    /** Every building the store or the registry knows, by id, as a viewer not cleared for personal data sees it. */
    public Portfolio portfolio() {
        return portfolio(Viewer.RESTRICTED);
    }

    /** Every building the store or the registry knows, by id; personal buildings' figures only for the cleared. */
    public Portfolio portfolio(Viewer viewer) {
        Window window = window();
        Map<String, List<HourRow>> recent = byBuilding(reader.hours(window.yesterdayStart, window.end(), null),
                HourRow::buildingId);
        Map<String, List<HourRow>> lastWeek = byBuilding(reader.hours(window.lastWeekStart, window.lastWeekCutoff,
                null), HourRow::buildingId);
        Map<String, List<MonthRow>> months = byBuilding(reader.months(window.yearStart, window.end(), null),
                MonthRow::buildingId);
        Map<String, Building> buildings = registry.buildings();
        List<BuildingSummary> summaries = new ArrayList<>();
        for (BuildingSeen seen : known(buildings).values()) {
            String id = seen.buildingId();
            BuildingSummary summary = summary(seen, buildings.get(id), recent.getOrDefault(id, List.of()),
                    lastWeek.getOrDefault(id, List.of()), months.getOrDefault(id, List.of()), window);
            summaries.add(hidden(buildings.get(id), viewer) ? summary.withoutFigures() : summary);
        }
        return new Portfolio(window.now, zone.getId(), window.today, window.runningHour, summaries);
    }

    /** One building's page as a viewer not cleared for personal data sees it. */
    public Optional<BuildingDetail> building(String id) {
        return building(id, Viewer.RESTRICTED);
    }

    /**
     * One building's page, or empty when neither the store nor the registry knows it. A building with personal data
     * shows a viewer not cleared for it only what the registry says of it: no hour, day or month is read.
     */
    public Optional<BuildingDetail> building(String id, Viewer viewer) {
        Map<String, Building> buildings = registry.buildings();
        BuildingSeen seen = known(buildings).get(id);
        if (seen == null) {
            return Optional.empty();
        }
        Window window = window();
        if (hidden(buildings.get(id), viewer)) {
            BuildingSummary summary = summary(seen, buildings.get(id), List.of(), List.of(), List.of(), window);
            return Optional.of(new BuildingDetail(summary.withoutFigures(), zone.getId(), List.of(), List.of(),
                    List.of(), List.of(), null));
        }
        List<HourRow> rows = reader.hours(window.yesterdayStart, window.end(), id);
        List<HourRow> lastWeekRows = reader.hours(window.lastWeekStart, window.lastWeekEnd, id);
        List<MonthRow> months = reader.months(window.yearStart, window.end(), id);
        Instant daysFrom = window.daysStart.isBefore(window.monthStart) ? window.daysStart : window.monthStart;
        List<DayRow> dayRows = reader.days(daysFrom, window.end(), id);

        Map<Instant, HourRow> byHour = new HashMap<>();
        rows.forEach(r -> byHour.put(r.hourStart(), r));
        lastWeekRows.forEach(r -> byHour.put(r.hourStart(), r));
        List<HourBar> today = bars(window.todayStart, window.end(), byHour, window.runningHour);
        List<HourBar> yesterday = bars(window.yesterdayStart, window.todayStart, byHour, window.runningHour);
        List<HourBar> lastWeek = bars(window.lastWeekStart, window.lastWeekEnd, byHour, window.runningHour);
        List<HourRow> lastWeekSoFar = lastWeekRows.stream()
                .filter(r -> r.hourStart().isBefore(window.lastWeekCutoff)).toList();
        BuildingSummary summary = summary(seen, buildings.get(id), rows, lastWeekSoFar, months, window);

        Map<LocalDate, DayRow> byDate = new HashMap<>();
        dayRows.forEach(d -> byDate.put(localDate(d.dayStart(), d.timeZone()), d));
        return Optional.of(new BuildingDetail(summary, zone.getId(), today, yesterday, lastWeek,
                days(byDate, window.today), monthPeaks(byDate, months, window)));
    }

    /** The newest U4SSC record of every municipality and period. */
    public MunicipalityPage municipalities() {
        return new MunicipalityPage(zone.getId(), reader.portfolios(), CategoryBenchmarks.SSB_2011);
    }

    /** The running hour of every building that has one, as a viewer not cleared for personal data sees it. */
    public LiveHour live() {
        return live(Viewer.RESTRICTED);
    }

    /** The running hour of every building that has one; personal buildings' only for the cleared. */
    public LiveHour live(Viewer viewer) {
        Instant hour = runningHour(clock.instant());
        Map<String, Building> registered = registry.buildings();
        List<LiveHour.Building> buildings = reader.hours(hour, hour.plus(HOUR), null).stream()
                .filter(r -> !hidden(registered.get(r.buildingId()), viewer))
                .map(r -> new LiveHour.Building(r.buildingId(), r.importKwh(), liveKw(r), r.coverage()))
                .toList();
        return new LiveHour(hour, buildings);
    }

    /** Whether the registry marks {@code building} as holding personal data and the viewer is not cleared. */
    private static boolean hidden(Building building, Viewer viewer) {
        return building != null && building.personalData() && !viewer.seesPersonalData();
    }

    /** The store's buildings and the registry's, by id; a registry building without data has no newest hour. */
    private Map<String, BuildingSeen> known(Map<String, Building> buildings) {
        Map<String, BuildingSeen> known = new TreeMap<>();
        reader.buildings().forEach(b -> known.put(b.buildingId(), b));
        buildings.values().forEach(b -> known.putIfAbsent(b.buildingId(), new BuildingSeen(b.buildingId(),
                b.municipality(), b.category().wireName(), null)));
        return known;
    }

    private BuildingSummary summary(BuildingSeen seen, Building building, List<HourRow> rows,
            List<HourRow> lastWeekRows, List<MonthRow> months, Window window) {
        Double todayKwh = null;
        Double yesterdayKwh = null;
        Double todayKwhPerM2 = null;
        Double derivedArea = null;
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
                derivedArea = row.importKwh() / row.kwhPerM2();
            }
        }
        Double lastWeekKwh = lastWeekRows.isEmpty() ? null
                : lastWeekRows.stream().mapToDouble(HourRow::importKwh).sum();
        long completedHours = Duration.between(window.todayStart, window.runningHour).toHours();
        Double coverage = completedHours == 0 ? null : coverageSum / completedHours;
        HourRow newest = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        String category = building != null ? building.category().wireName() : seen.category();
        String municipality = building != null && building.municipality() != null ? building.municipality()
                : seen.municipality();
        Double area = building != null && building.heatedAreaM2() > 0 ? Double.valueOf(building.heatedAreaM2())
                : derivedArea;
        return new BuildingSummary(seen.buildingId(), building != null ? building.name() : seen.buildingId(),
                building != null, building != null && building.personalData(), false, municipality, category,
                building != null ? building.location() : null, running == null ? null : liveKw(running),
                running == null ? null : running.importKwh(), todayKwh, lastWeekKwh, yesterdayKwh, todayKwhPerM2,
                area, year(months, category, window), seen.newestHour(), coverage, List.copyOf(flags),
                newest == null ? null : newest.metersReporting(), newest == null ? null : newest.metersExpected());
    }

    /** kWh/m² over the running month and the eleven before it: the sum of the months' kWh/m². */
    private YearFigure year(List<MonthRow> months, String category, Window window) {
        Double kwhPerM2 = null;
        for (MonthRow month : months) {
            if (month.kwhPerM2() != null) {
                kwhPerM2 = (kwhPerM2 == null ? 0 : kwhPerM2) + month.kwhPerM2();
            }
        }
        YearMonth to = YearMonth.from(window.today);
        return new YearFigure(to.minusMonths(11), to, kwhPerM2, months.size(), CategoryBenchmarks.of(category));
    }

    /** The {@value #DAYS} complete days before today, oldest first; a day without a record is a gap. */
    private static List<DayFigure> days(Map<LocalDate, DayRow> byDate, LocalDate today) {
        List<DayFigure> days = new ArrayList<>();
        for (LocalDate date = today.minusDays(DAYS); date.isBefore(today); date = date.plusDays(1)) {
            DayRow row = byDate.get(date);
            days.add(row == null ? new DayFigure(date, null, null, null, null, null, null, List.of())
                    : new DayFigure(date, row.importKwh(), row.kwhPerM2(), row.meanTemperatureC(),
                            row.hoursWithData(), row.hoursInDay(), row.coverage(), row.flags()));
        }
        return days;
    }

    /**
     * The running month's peaks: the processor's monthly record for the single highest hour and the capacity basis,
     * and the days behind the basis from the daily records (each day's highest hour, the {@value #CAPACITY_DAYS}
     * highest days).
     */
    private MonthPeaks monthPeaks(Map<LocalDate, DayRow> byDate, List<MonthRow> months, Window window) {
        YearMonth month = YearMonth.from(window.today);
        List<MonthPeaks.PeakDay> top = byDate.entrySet().stream()
                .filter(e -> YearMonth.from(e.getKey()).equals(month) && e.getValue().peakHourKwh() != null)
                .map(e -> new MonthPeaks.PeakDay(e.getKey(), e.getValue().peakHourKwh(),
                        e.getValue().peakHourStart()))
                .sorted(Comparator.comparingDouble(MonthPeaks.PeakDay::kwh).reversed()
                        .thenComparing(MonthPeaks.PeakDay::date))
                .limit(CAPACITY_DAYS).toList();
        Optional<MonthRow> record = months.stream()
                .filter(m -> YearMonth.from(localDate(m.monthStart(), m.timeZone())).equals(month)).findFirst();
        if (record.isEmpty()) {
            return new MonthPeaks(month, top.isEmpty() ? null : top.get(0).kwh(),
                    top.isEmpty() ? null : top.get(0).hourStart(), null, top, null);
        }
        MonthRow m = record.get();
        return new MonthPeaks(month, m.peakHourKwh(), m.peakHourStart(), m.capacityPeakKw(), top, m.daysWithData());
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

    private LocalDate localDate(Instant start, String timeZone) {
        ZoneId in = zone;
        if (timeZone != null) {
            try {
                in = ZoneId.of(timeZone);
            } catch (RuntimeException e) {
                // the dashboard's zone
            }
        }
        return start.atZone(in).toLocalDate();
    }

    private static <R> Map<String, List<R>> byBuilding(List<R> rows, java.util.function.Function<R, String> id) {
        Map<String, List<R>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(id.apply(r), k -> new ArrayList<>()).add(r));
        return by;
    }

    private Window window() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant running = runningHour(now);
        ZonedDateTime runningEndLocal = running.plus(HOUR).atZone(zone);
        return new Window(now, today, start(today), start(today.minusDays(1)), running,
                start(today.minusDays(7)), start(today.minusDays(6)), runningEndLocal.minusDays(7).toInstant(),
                start(today.minusDays(DAYS)), start(today.withDayOfMonth(1)),
                start(today.withDayOfMonth(1).minusMonths(11)));
    }

    private Instant start(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static Instant runningHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * @param lastWeekCutoff the end of the running hour, a week earlier in local time: "the same time last week"
     */
    private record Window(Instant now, LocalDate today, Instant todayStart, Instant yesterdayStart,
            Instant runningHour, Instant lastWeekStart, Instant lastWeekEnd, Instant lastWeekCutoff,
            Instant daysStart, Instant monthStart, Instant yearStart) {
        Instant end() {
            return runningHour.plus(HOUR);
        }
    }
}
