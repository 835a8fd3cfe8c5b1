package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.Kpi;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.publisher.write.InfluxPointStore;
import org.straumflyt.publisher.write.WriteResult;
import org.straumflyt.servers.QuestDbServer;

/**
 * Known building-hours, written to QuestDB by the publisher's own writer and layout, at a fixed "now":
 * 2026-03-10 10:20 UTC = 11:20 in Oslo (CET), so today (local) began at 2026-03-09 23:00 UTC, 10:00 UTC is the
 * running hour and 11 hours of today are complete.
 * <ul>
 *   <li>{@code skole-a} (school, 500 m², 3 meters): yesterday 24 × 8 kWh = 192 kWh; today 11 × 10 kWh plus 4 kWh
 *       so far in the running hour at coverage 0.25 (so 16 kW) = 114 kWh; 0.228 kWh/m².</li>
 *   <li>{@code sykehjem-b} (nursing home, area unknown, 1 of 2 meters): today's first 6 hours 5 kWh each at
 *       coverage 0.5, gap and missing_meters = 30 kWh; coverage 6 × 0.5 / 11 = 27 %; nothing yesterday.</li>
 *   <li>{@code hall-c} (sports hall): one hour two days ago, 7 kWh; nothing today or yesterday.</li>
 * </ul>
 * Beside the hours ({@link #history()}): skole-a's same weekday last week (Tuesday 3 March, 24 × 9 kWh, so 12 × 9 =
 * 108 kWh up to the end of the running hour's local hour), its daily records of the last 30 days ({@link #day}),
 * its monthly records of January to March 2026 (12.0 + 10.5 + 3.0 = 25.5 kWh/m²) and two portfolio records of
 * municipality 3201 (docs/TOPICS.md's example, and a rolling 12 months).
 */
final class KpiFixture {
    static final Instant NOW = Instant.parse("2026-03-10T10:20:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    static final Instant YESTERDAY = Instant.parse("2026-03-08T23:00:00Z");
    static final Instant TODAY = Instant.parse("2026-03-09T23:00:00Z");
    static final Instant RUNNING = Instant.parse("2026-03-10T10:00:00Z");
    static final Instant HALL_C_HOUR = Instant.parse("2026-03-08T12:00:00Z");
    private static final double AREA_A = 500;
    private static final String TABLE = KpiLayouts.BUILDING_HOURLY.name();
    static final Instant LAST_WEEK = Instant.parse("2026-03-02T23:00:00Z");
    static final LocalDate TODAY_DATE = LocalDate.parse("2026-03-10");
    /** The day without a daily record (a gap), the day without a temperature, the day with flags. */
    static final LocalDate GAP_DAY = LocalDate.parse("2026-02-20");
    static final LocalDate NO_WEATHER_DAY = LocalDate.parse("2026-02-21");
    static final LocalDate FLAGGED_DAY = LocalDate.parse("2026-03-01");
    /** The highest March hour: 4 March 07:00 Oslo time, 35 kWh. */
    static final LocalDate PEAK_DAY = LocalDate.parse("2026-03-04");
    static final double PEAK_KWH = 35.0;
    /** The mean of the highest hours of the three highest days: 4, 9 and 8 March. */
    static final double CAPACITY_KW = (35.0 + 29.0 + 28.0) / 3;

    private KpiFixture() {
    }

    static List<BuildingHour> rows() {
        List<BuildingHour> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            rows.add(schoolHour(YESTERDAY.plus(Duration.ofHours(i)), 8.0, 1.0, Set.of(), 1));
        }
        for (int i = 0; i < 11; i++) {
            rows.add(schoolHour(TODAY.plus(Duration.ofHours(i)), 10.0, 1.0, Set.of(), 1));
        }
        rows.add(schoolHour(RUNNING, 4.0, 0.25, Set.of(QualityFlag.ESTIMATED), 1));
        for (int i = 0; i < 6; i++) {
            rows.add(new BuildingHour("sykehjem-b", "3201", BuildingCategory.NURSING_HOME,
                    TODAY.plus(Duration.ofHours(i)), electricity(5.0), 5.0, 0.0, null, null, 1, 2, 0.5,
                    Set.of(QualityFlag.GAP, QualityFlag.MISSING_METERS), 1));
        }
        rows.add(new BuildingHour("hall-c", "3201", BuildingCategory.SPORTS_HALL, HALL_C_HOUR, electricity(7.0), 7.0,
                0.0, null, null, 1, 1, 1.0, Set.of(), 1));
        return rows;
    }

    /** The running hour of skole-a, later: 6 kWh at coverage 0.5 (12 kW), a higher revision. */
    static BuildingHour liveUpdate() {
        return schoolHour(RUNNING, 6.0, 0.5, Set.of(QualityFlag.ESTIMATED), 2);
    }

    static BuildingHour schoolHour(Instant hour, double kwh, double coverage, Set<QualityFlag> flags,
            long revision) {
        return new BuildingHour("skole-a", "3201", BuildingCategory.SCHOOL, hour, electricity(kwh), kwh, 0.0,
                kwh / AREA_A, null, 3, 3, coverage, flags, revision);
    }

    /** The records beside the building-hours of today and yesterday: last week, days, months, portfolio. */
    static List<Kpi> history() {
        List<Kpi> records = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            records.add(schoolHour(LAST_WEEK.plus(Duration.ofHours(i)), 9.0, 1.0, Set.of(), 1));
        }
        for (LocalDate date = TODAY_DATE.minusDays(30); !date.isAfter(TODAY_DATE); date = date.plusDays(1)) {
            if (!date.equals(GAP_DAY)) {
                records.add(day(date));
            }
        }
        records.add(month(YearMonth.of(2026, 1), 6000, null, null, 31));
        records.add(month(YearMonth.of(2026, 2), 5250, null, null, 27));
        records.add(month(YearMonth.of(2026, 3), 1500,
                new PeakHour(PEAK_DAY.atTime(7, 0).atZone(ZONE).toInstant(), PEAK_KWH), CAPACITY_KW, 10));
        records.add(portfolio(PORTFOLIO_EXAMPLE));
        records.add(portfolio(PORTFOLIO_EXAMPLE.replace("year_to_date", "rolling_12_months")
                .replace("2026-01-01", "2025-01-04")));
        return records;
    }

    /** The daily mean temperature of a day: −12 °C on 8 February, half a degree warmer each day. */
    static double temperature(LocalDate date) {
        return -12 + 0.5 * (date.toEpochDay() - LocalDate.parse("2026-02-08").toEpochDay());
    }

    /** A day's energy: 400 kWh less 10 kWh per degree; today so far 114 kWh. */
    static double dayKwh(LocalDate date) {
        return date.equals(TODAY_DATE) ? 114.0 : 400 - 10 * temperature(date);
    }

    /** A March day's highest hour: 20 + the day of the month, 35 kWh on the 4th; 18 kWh in February. */
    static double peakKwh(LocalDate date) {
        if (date.equals(PEAK_DAY)) {
            return PEAK_KWH;
        }
        if (date.equals(TODAY_DATE)) {
            return 10.0;
        }
        return date.getMonthValue() == 3 ? 20 + date.getDayOfMonth() : 18.0;
    }

    static BuildingDaily day(LocalDate date) {
        double kwh = dayKwh(date);
        boolean flagged = date.equals(FLAGGED_DAY);
        Double temperature = date.equals(NO_WEATHER_DAY) ? null : temperature(date);
        return new BuildingDaily("skole-a", "3201", BuildingCategory.SCHOOL, date, ZONE.getId(), 24,
                flagged ? 20 : 24, electricity(kwh), kwh, 0.0, kwh / AREA_A,
                new PeakHour(date.atTime(LocalTime.of(7, 0)).atZone(ZONE).toInstant(), peakKwh(date)), 12.0,
                temperature, temperature == null ? null : Math.max(0, 17 - temperature), null,
                flagged ? 20.0 / 24 : 1.0, flagged ? 20.0 / 24 : 1.0,
                flagged ? Set.of(QualityFlag.ESTIMATED, QualityFlag.GAP) : Set.of(), 1);
    }

    private static BuildingMonthly month(YearMonth month, double kwh, PeakHour peak, Double capacityKw, int days) {
        return new BuildingMonthly("skole-a", "3201", BuildingCategory.SCHOOL, month, ZONE.getId(), days,
                electricity(kwh), kwh, 0.0, kwh / AREA_A, peak, List.of(), capacityKw, null, null, null, 1.0, Set.of(),
                1);
    }

    /** docs/TOPICS.md's portfolio record: municipality 3201, the year to date up to 3 January 2026. */
    static final String PORTFOLIO_EXAMPLE = """
            {"municipality":"3201","period":"year_to_date","from":"2026-01-01","to":"2026-01-03",
             "timeZone":"Europe/Oslo","days":3,"buildings":3,"areaM2":6000.0,"importKwh":4500.0,"exportKwh":100.0,
             "correctedKwh":5388.0,"kwhPerM2":0.75,"correctedKwhPerM2":0.898,"correctedCoverage":0.875,
             "annualBasis":"part_of_year","yearlyMinCoverage":0.95,"electricityMeters":4,
             "smartElectricityMeters":3,"smartMeterPercent":75.0,"integratedBuildings":2,
             "integratedBuildingPercent":66.66666666666666,"freshElectricityMeters":2,"freshMeterShare":0.5,
             "liveAreaM2":3000.0,"liveAreaShare":0.5,"freshWithinMinutes":120,"renewableKwh":2430.0,
             "renewablePercent":54.0,"expectedBuildingDays":9,"buildingDaysWithData":8,"completeBuildingDays":7,
             "energyCoverage":0.7888888888888889,
             "categories":[{"category":"school","buildings":2,"areaM2":4000.0,"importKwh":3300.0,
               "correctedKwh":3588.0,"kwhPerM2":0.825,"correctedKwhPerM2":0.897,"coverage":0.6666666666666666},
              {"category":"office","buildings":1,"areaM2":2000.0,"importKwh":1200.0,"correctedKwh":1800.0,
               "kwhPerM2":0.6,"correctedKwhPerM2":0.9,"coverage":1.0}],
             "coverage":0.7777777777777778,"flags":["GAP"],"revision":1,"schemaVersion":2}""";

    private static PortfolioKpi portfolio(String json) {
        var topic = Topics.defaults().portfolio();
        return topic.valueSerde().deserializer().deserialize(topic.name(), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The registry: skole-a and sykehjem-b with names, a kindergarten with no data yet; hall-c is not in it (the
     * page shows its id).
     */
    static Map<String, Building> registry() {
        return Map.of(
                "skole-a", new Building("skole-a", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, AREA_A,
                        "Europe/Oslo", new GeoLocation(59.918, 10.589), "baerum", false,
                        List.of(MeterSpec.of("m-a1", Carrier.ELECTRICITY), MeterSpec.of("m-a2", Carrier.ELECTRICITY),
                                MeterSpec.of("m-a3", Carrier.DISTRICT_HEATING))),
                "sykehjem-b", new Building("sykehjem-b", "Tanum sykehjem", "3201", BuildingCategory.NURSING_HOME, 0,
                        "Europe/Oslo", null, null, false, List.of(MeterSpec.of("m-b1", Carrier.ELECTRICITY),
                                MeterSpec.of("m-b2", Carrier.ELECTRICITY))),
                "barnehage-d", new Building("barnehage-d", "Hosle barnehage", "3201", BuildingCategory.KINDERGARTEN,
                        300, "Europe/Oslo", null, null, false, List.of(MeterSpec.of("m-d1", Carrier.ELECTRICITY))));
    }

    /** Creates the publisher's tables (with their upsert keys) and writes the records through its writer. */
    static void write(QuestDbServer store, List<? extends Kpi> records) {
        QuestDbTables.createStatements().forEach(store::exec);
        try (InfluxPointStore writer = new InfluxPointStore(store.httpUrl(), "unused".toCharArray(), "straumflyt",
                "kpi", Duration.ofSeconds(10), false)) {
            WriteResult result = writer.write(records.stream().flatMap(r -> KpiLayouts.points(r).stream()).toList());
            assertThat(result).isInstanceOf(WriteResult.Accepted.class);
        }
        for (String table : List.of(TABLE, KpiLayouts.BUILDING_DAILY.name(), KpiLayouts.BUILDING_MONTHLY.name(),
                KpiLayouts.PORTFOLIO.name(), KpiLayouts.PORTFOLIO_CATEGORY.name())) {
            store.awaitWalApplied(table, Duration.ofSeconds(60));
        }
    }

    private static Map<Carrier, CarrierEnergy> electricity(double kwh) {
        return Map.of(Carrier.ELECTRICITY, new CarrierEnergy(kwh, 0.0, null));
    }
}
