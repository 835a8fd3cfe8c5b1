package org.straumflyt.tools.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.QualityFlag;

/** Buildings and KPI records for the export's tests. */
final class Fixtures {
    static final String MUNICIPALITY = "3201";

    private Fixtures() {
    }

    static Building building(String id, BuildingCategory category, double areaM2, boolean personal) {
        return new Building(id, "Name of " + id, MUNICIPALITY, category, areaM2, "Europe/Oslo", null, MUNICIPALITY,
                personal, List.of());
    }

    /** A day with 100 kWh electricity and 50 kWh district heating per revision step. */
    static BuildingDaily day(String buildingId, BuildingCategory category, LocalDate date, long revision) {
        double electricity = 100 * revision;
        double heat = 50 * revision;
        Instant peak = date.atTime(8, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant();
        return new BuildingDaily(buildingId, MUNICIPALITY, category, date, "Europe/Oslo", 24, 24,
                Map.of(Carrier.ELECTRICITY, new CarrierEnergy(electricity, 0, null),
                        Carrier.DISTRICT_HEATING, new CarrierEnergy(heat, 0, null)),
                electricity + heat, 0, (electricity + heat) / 1000, new PeakHour(peak, 12.5), 3.25, -2.0, 19.0,
                20.5, 1.0, 1.0, Set.of(), revision);
    }

    /** A month with 3000 kWh electricity. */
    static BuildingMonthly month(String buildingId, BuildingCategory category, YearMonth month, long revision,
                                 double areaM2) {
        double kwh = 3000 * revision;
        return new BuildingMonthly(buildingId, MUNICIPALITY, category, month, "Europe/Oslo", month.lengthOfMonth(),
                Map.of(Carrier.ELECTRICITY, new CarrierEnergy(kwh, 10, null)), kwh, 10, kwh / areaM2,
                new PeakHour(month.atDay(3).atStartOfDay(ZoneId.of("UTC")).toInstant(), 20.0), List.of(), 18.0,
                400.0, 420.0, kwh * 0.95, 0.98, Set.of(QualityFlag.GAP), revision);
    }
}
