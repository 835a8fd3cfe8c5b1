package org.straumflyt.processor.building;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;

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
        Map<Carrier, CarrierEnergy> carriers = new EnumMap<>(Carrier.class);
        long importUwh = 0;
        long exportUwh = 0;
        for (var e : agg.carriers().entrySet()) {
            importUwh += e.getValue().importUwh();
            exportUwh += e.getValue().exportUwh();
        }
        Double peak = agg.peaks().values().stream().max(Double::compare).orElse(null);
        for (var e : agg.carriers().entrySet()) {
            carriers.put(e.getKey(), new CarrierEnergy(kwh(e.getValue().importUwh()), kwh(e.getValue().exportUwh()),
                    null));
        }
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        flags.addAll(agg.flags().keySet());
        int expected = building == null ? 0 : building.meters().size();
        if (agg.importMeters() < expected) {
            flags.add(QualityFlag.MISSING_METERS);
        }
        double importKwh = kwh(importUwh);
        double meanCoverage = agg.registers() == 0 ? 0 : agg.coverage() / BuildingHourAggregate.SCALE / agg.registers();
        Double perM2 = building != null && building.heatedAreaM2() > 0 ? importKwh / building.heatedAreaM2() : null;
        return new BuildingHour(agg.buildingId(), building == null ? null : building.municipality(),
                building == null ? null : building.category(), agg.hourStart(), carriers, importKwh, kwh(exportUwh),
                perM2, peak, agg.importMeters(), expected, meanCoverage, flags, 0);
    }

    private static double kwh(long uwh) {
        return uwh / BuildingHourAggregate.SCALE;
    }

    /** The same building-hour with another revision. */
    public static BuildingHour withRevision(BuildingHour h, long revision) {
        return new BuildingHour(h.buildingId(), h.municipality(), h.category(), h.hourStart(), h.carriers(),
                h.importKwh(), h.exportKwh(), h.kwhPerM2(), h.peakKw(), h.metersReporting(), h.metersExpected(),
                h.coverage(), h.flags(), revision);
    }
}
