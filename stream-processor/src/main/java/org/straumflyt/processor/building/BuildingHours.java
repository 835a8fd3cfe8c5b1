package org.straumflyt.processor.building;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.processor.rollup.EnergyRollup;

/** Turns a building's meter-hours and its registry entry into the building-hour (revision 0: stamped later). */
public final class BuildingHours {
    private BuildingHours() {
    }

    /** The building-hour with the registry facts days and months need. */
    public static BuildingHourView view(BuildingHourAggregate agg, Building building) {
        return new BuildingHourView(of(agg, building),
                building == null ? Building.DEFAULT_TIME_ZONE : building.timeZone(),
                building == null ? null : building.weatherLocationId(),
                building == null ? 0 : building.heatedAreaM2());
    }

    public static BuildingHour of(BuildingHourAggregate agg, Building building) {
        EnergyRollup sums = agg.rollup();
        Map<Carrier, CarrierEnergy> carriers = new EnumMap<>(Carrier.class);
        sums.carriers().forEach((c, e) -> carriers.put(c, new CarrierEnergy(kwh(e.importKwh()), kwh(e.exportKwh()),
                null)));
        Double peak = agg.peaks().values().stream().max(Double::compare).orElse(null);
        Set<QualityFlag> flags = sums.flagSet();
        int expected = building == null ? 0 : building.meters().size();
        if (agg.importMeters() < expected) {
            flags.add(QualityFlag.MISSING_METERS);
        }
        double importKwh = kwh(sums.imported());
        // the mean over the meters reporting (import registers): what the building-day's meter coverage weighs with
        // the share of the expected meters that reported
        double meanCoverage = agg.importMeters() <= 0 ? 0
                : sums.coverage() / BuildingHourAggregate.SCALE / agg.importMeters();
        Double perM2 = building != null && building.heatedAreaM2() > 0 ? importKwh / building.heatedAreaM2() : null;
        return new BuildingHour(agg.buildingId(), building == null ? null : building.municipality(),
                building == null ? null : building.category(), agg.hourStart(), carriers, importKwh,
                kwh(sums.exported()), perM2, peak, agg.importMeters(), expected, meanCoverage, flags, 0);
    }

    /** µWh as kWh. */
    private static double kwh(double uwh) {
        return uwh / BuildingHourAggregate.SCALE;
    }

    /** The same building-hour with another revision. */
    public static BuildingHour withRevision(BuildingHour h, long revision) {
        return new BuildingHour(h.buildingId(), h.municipality(), h.category(), h.hourStart(), h.carriers(),
                h.importKwh(), h.exportKwh(), h.kwhPerM2(), h.peakKw(), h.metersReporting(), h.metersExpected(),
                h.coverage(), h.flags(), revision);
    }
}
