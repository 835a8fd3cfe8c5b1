package org.straumflyt.processor.building;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
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
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        Set<String> reporting = new HashSet<>();
        double importKwh = 0;
        double exportKwh = 0;
        double coverage = 0;
        Double peak = null;
        for (MeterContribution c : agg.meters().values()) {
            reporting.add(c.meterId());
            flags.addAll(c.flags());
            coverage += c.coverage();
            CarrierEnergy e = c.export() ? new CarrierEnergy(0, c.energyKwh(), null)
                    : new CarrierEnergy(c.energyKwh(), 0, c.peakKw());
            carriers.merge(c.carrier(), e, CarrierEnergy::plus);
            if (c.export()) {
                exportKwh += c.energyKwh();
            } else {
                importKwh += c.energyKwh();
                if (c.peakKw() != null) {
                    peak = peak == null ? c.peakKw() : Math.max(peak, c.peakKw());
                }
            }
        }
        int expected = building == null ? 0 : building.meters().size();
        if (reporting.size() < expected) {
            flags.add(QualityFlag.MISSING_METERS);
        }
        double meanCoverage = agg.meters().isEmpty() ? 0 : coverage / agg.meters().size();
        Double perM2 = building != null && building.heatedAreaM2() > 0 ? importKwh / building.heatedAreaM2() : null;
        return new BuildingHour(agg.buildingId(), building == null ? null : building.municipality(),
                building == null ? null : building.category(), agg.hourStart(), carriers, importKwh, exportKwh, perM2,
                peak, reporting.size(), expected, meanCoverage, flags, 0);
    }

    /** The same building-hour with another revision. */
    public static BuildingHour withRevision(BuildingHour h, long revision) {
        return new BuildingHour(h.buildingId(), h.municipality(), h.category(), h.hourStart(), h.carriers(),
                h.importKwh(), h.exportKwh(), h.kwhPerM2(), h.peakKw(), h.metersReporting(), h.metersExpected(),
                h.coverage(), h.flags(), revision);
    }
}
