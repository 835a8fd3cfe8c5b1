package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.publisher.write.InfluxPointStore;
import org.straumflyt.publisher.write.WriteResult;
import org.straumflyt.testsupport.QuestDbServer;

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

    /** Creates the publisher's tables (with their upsert keys) and writes the rows through its writer. */
    static void write(QuestDbServer store, List<BuildingHour> rows) {
        QuestDbTables.createStatements().forEach(store::exec);
        try (InfluxPointStore writer = new InfluxPointStore(store.httpUrl(), "unused".toCharArray(), "straumflyt",
                "kpi", Duration.ofSeconds(10), false)) {
            WriteResult result = writer.write(rows.stream().flatMap(r -> KpiLayouts.points(r).stream()).toList());
            assertThat(result).isInstanceOf(WriteResult.Accepted.class);
        }
        store.awaitWalApplied(TABLE, Duration.ofSeconds(60));
    }

    private static Map<Carrier, CarrierEnergy> electricity(double kwh) {
        return Map.of(Carrier.ELECTRICITY, new CarrierEnergy(kwh, 0.0, null));
    }
}
