package org.straumflyt.processor.portfolio;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.MeterSpec;

/**
 * The hand-computed example of docs/PORTFOLIO.md: municipality 3201 with two schools and an office on 4 January 2026
 * at 10:00 UTC (the last complete day in Oslo is 3 January).
 *
 * <pre>
 * building  category  area   meters                 days (import kWh; corrected kWh)
 * A         school    1000   el-A, dh-A (heating)   2025-12-31: 100 el + 200 dh; 330
 *                                                   2026-01-01, 02: 100 el + 200 dh; 360 each
 *                                                   2026-01-03: 100 el + 200 dh; no correction
 * B         school    3000   el-B                   2026-01-01, 02: 1200 el, 50 export; 1000 each (03 missing)
 * C         office    2000   el-C1, el-C2           2026-01-01..03: 400 el; 440 each
 * </pre>
 * Meters' data reaches (hour start + coverage): el-A 09:30, dh-A 07:00, el-B 07:59, el-C1 09:00, el-C2 never.
 */
final class PortfolioExample {
    static final Instant NOW = Instant.parse("2026-01-04T10:00:00Z");
    static final LocalDate TO = LocalDate.parse("2026-01-03");
    static final Map<Carrier, Double> RENEWABLE = Map.of(Carrier.ELECTRICITY, 0.5, Carrier.DISTRICT_HEATING, 0.8);
    static final PortfolioRules RULES = new PortfolioRules(PortfolioRules.DEFAULT_ZONE, Duration.ofMinutes(120),
            Duration.ofSeconds(60), RENEWABLE);

    static final Building A = new Building("a", "Skole A", "3201", BuildingCategory.SCHOOL, 1000, null,
            new GeoLocation(59.9, 10.5), null, false,
            List.of(MeterSpec.of("el-A", Carrier.ELECTRICITY), MeterSpec.of("dh-A", Carrier.DISTRICT_HEATING)));
    static final Building B = new Building("b", "Skole B", "3201", BuildingCategory.SCHOOL, 3000, null, null, null,
            false, List.of(MeterSpec.of("el-B", Carrier.ELECTRICITY)));
    static final Building C = new Building("c", "Rådhus", "3201", BuildingCategory.OFFICE, 2000, null, null, null,
            true, List.of(MeterSpec.of("el-C1", Carrier.ELECTRICITY), MeterSpec.of("el-C2", Carrier.ELECTRICITY)));

    private PortfolioExample() {
    }

    static List<Building> buildings() {
        return List.of(A, B, C);
    }

    static List<BuildingDaily> days() {
        Map<Carrier, Double> aDay = Map.of(Carrier.ELECTRICITY, 100.0, Carrier.DISTRICT_HEATING, 200.0);
        Map<Carrier, Double> bDay = Map.of(Carrier.ELECTRICITY, 1200.0);
        Map<Carrier, Double> cDay = Map.of(Carrier.ELECTRICITY, 400.0);
        return List.of(
                PortfolioFixture.daily(A, "2025-12-31", aDay, 330.0, 0),
                PortfolioFixture.daily(A, "2026-01-01", aDay, 360.0, 0),
                PortfolioFixture.daily(A, "2026-01-02", aDay, 360.0, 0),
                PortfolioFixture.daily(A, "2026-01-03", aDay, null, 0),
                PortfolioFixture.daily(B, "2026-01-01", bDay, 1000.0, 50),
                PortfolioFixture.daily(B, "2026-01-02", bDay, 1000.0, 50),
                PortfolioFixture.daily(C, "2026-01-01", cDay, 440.0, 0),
                PortfolioFixture.daily(C, "2026-01-02", cDay, 440.0, 0),
                PortfolioFixture.daily(C, "2026-01-03", cDay, 440.0, 0));
    }

    /** The meter-hours behind the freshness above: meter, building, hour start, coverage. */
    static void sendMeterHours(PortfolioFixture fixture) {
        fixture.meterHour("el-A", "a", "2026-01-04T09:00:00Z", 0.5);
        fixture.meterHour("dh-A", "a", "2026-01-04T06:00:00Z", 1.0);
        fixture.meterHour("el-B", "b", "2026-01-04T07:00:00Z", 59.0 / 60);
        fixture.meterHour("el-C1", "c", "2026-01-04T08:00:00Z", 1.0);
    }

    static MetersSeen seen(Building building) {
        return switch (building.buildingId()) {
            case "a" -> new MetersSeen(Map.of("el-A", Instant.parse("2026-01-04T09:30:00Z"),
                    "dh-A", Instant.parse("2026-01-04T07:00:00Z")));
            case "b" -> new MetersSeen(Map.of("el-B", Instant.parse("2026-01-04T07:59:00Z")));
            default -> new MetersSeen(Map.of("el-C1", Instant.parse("2026-01-04T09:00:00Z")));
        };
    }
}
