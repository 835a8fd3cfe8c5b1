package org.straumflyt.processor.portfolio;

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
 * building  category  area  integrated  meters (smart?)                  days: import kWh; GD actual/normal; meter coverage
 * A         school    1000  yes         el-A (smart), dh-A (heating)     2025-12-31: 100 el + 200 dh; 20/20; 1
 *                                                                        2026-01-01, 02: 100 el + 200 dh; 25/20; 1
 *                                                                        2026-01-03: 100 el + 200 dh; no temperature; 0.5
 * B         school    3000  no          el-B (smart)                     2026-01-01, 02: 1200 el, 50 export; 16/20; 1
 *                                                                        (3 January missing)
 * C         office    2000  yes         el-C1 (smart), el-C2 (not)       2026-01-01..03: 400 el; 10/20; 1
 * </pre>
 * Meters' data reaches (hour start + coverage): el-A 09:30, dh-A 07:00, el-B 07:59, el-C1 09:00, el-C2 never.
 * Temperature-dependent shares: schools 0.6, offices 0.5 (the defaults). Renewable shares: electricity 0.5, district
 * heating 0.8.
 */
final class PortfolioExample {
    static final Instant NOW = Instant.parse("2026-01-04T10:00:00Z");
    static final LocalDate TO = LocalDate.parse("2026-01-03");
    static final Map<Carrier, Double> RENEWABLE = Map.of(Carrier.ELECTRICITY, 0.5, Carrier.DISTRICT_HEATING, 0.8);
    static final PortfolioRules RULES = PortfolioRules.defaults().withRenewableShares(RenewableShares.of(RENEWABLE));

    static final Building A = new Building("a", "Skole A", "3201", BuildingCategory.SCHOOL, 1000, null,
            new GeoLocation(59.9, 10.5), null, false,
            List.of(MeterSpec.of("el-A", Carrier.ELECTRICITY).withSmartMeter(true),
                    MeterSpec.of("dh-A", Carrier.DISTRICT_HEATING)), true);
    static final Building B = new Building("b", "Skole B", "3201", BuildingCategory.SCHOOL, 3000, null, null, null,
            false, List.of(MeterSpec.of("el-B", Carrier.ELECTRICITY).withSmartMeter(true)), false);
    static final Building C = new Building("c", "Rådhus", "3201", BuildingCategory.OFFICE, 2000, null, null, null,
            true, List.of(MeterSpec.of("el-C1", Carrier.ELECTRICITY).withSmartMeter(true),
                    MeterSpec.of("el-C2", Carrier.ELECTRICITY)), true);

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
                PortfolioFixture.daily(A, "2025-12-31", aDay, 20.0, 20.0, 0, 1),
                PortfolioFixture.daily(A, "2026-01-01", aDay, 25.0, 20.0, 0, 1),
                PortfolioFixture.daily(A, "2026-01-02", aDay, 25.0, 20.0, 0, 1),
                PortfolioFixture.daily(A, "2026-01-03", aDay, null, null, 0, 0.5),
                PortfolioFixture.daily(B, "2026-01-01", bDay, 16.0, 20.0, 50, 1),
                PortfolioFixture.daily(B, "2026-01-02", bDay, 16.0, 20.0, 50, 1),
                PortfolioFixture.daily(C, "2026-01-01", cDay, 10.0, 20.0, 0, 1),
                PortfolioFixture.daily(C, "2026-01-02", cDay, 10.0, 20.0, 0, 1),
                PortfolioFixture.daily(C, "2026-01-03", cDay, 10.0, 20.0, 0, 1));
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
