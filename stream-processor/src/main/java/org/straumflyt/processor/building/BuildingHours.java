package org.straumflyt.processor.building;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EndUseBreakdown;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterTrees;
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
                building == null ? 0 : building.heatedAreaM2(), building == null ? null : building.biddingZone(),
                building == null ? null : building.tariffId());
    }

    public static BuildingHour of(BuildingHourAggregate agg, Building building) {
        EnergyRollup sums = agg.rollup();
        Map<Carrier, CarrierEnergy> carriers = new EnumMap<>(Carrier.class);
        sums.carriers().forEach((c, e) -> carriers.put(c, new CarrierEnergy(kwh(e.importKwh()), kwh(e.exportKwh()),
                null)));
        Double peak = agg.peaks().values().stream().max(Double::compare).orElse(null);
        Set<QualityFlag> flags = sums.flagSet();
        // a virtual meter is no device: it never reports
        int expected = building == null ? 0 : (int) building.meters().stream()
                .filter(m -> m.meterRole() != MeterRole.VIRTUAL).count();
        if (agg.importMeters() < expected) {
            flags.add(QualityFlag.MISSING_METERS);
        }
        double importKwh = kwh(sums.imported());
        double exportKwh = kwh(sums.exported());
        Map<Carrier, EndUseBreakdown> breakdown = null;
        if (building != null && MeterTrees.hasTree(building) && agg.metersComplete()) {
            // totals from main meters only; the sub-meters explain them (an aggregate stored before meter trees has
            // no sums by meter: it keeps the plain sum until its meters have come again)
            MeterTreeBreakdown.Result tree = MeterTreeBreakdown.of(building,
                    MeterTreeBreakdown.importKwh(agg.meters()), MeterTreeBreakdown.exportKwh(agg.meters()),
                    MeterTreeBreakdown.carriers(agg.meters()));
            carriers.clear();
            carriers.putAll(tree.carriers());
            importKwh = tree.carriers().values().stream().mapToDouble(CarrierEnergy::importKwh).sum();
            exportKwh = tree.carriers().values().stream().mapToDouble(CarrierEnergy::exportKwh).sum();
            breakdown = tree.breakdown();
            if (tree.subMetersExceedMain()) {
                flags.add(QualityFlag.SUB_METERS_EXCEED_MAIN);
            }
        }
        // the mean over the meters reporting (import registers): what the building-day's meter coverage weighs with
        // the share of the expected meters that reported
        double meanCoverage = agg.importMeters() <= 0 ? 0
                : sums.coverage() / BuildingHourAggregate.SCALE / agg.importMeters();
        Double perM2 = building != null && building.heatedAreaM2() > 0 ? importKwh / building.heatedAreaM2() : null;
        return new BuildingHour(agg.buildingId(), building == null ? null : building.municipality(),
                building == null ? null : building.category(), agg.hourStart(), carriers, importKwh,
                exportKwh, perM2, peak, agg.importMeters(), expected, meanCoverage, flags, 0, breakdown);
    }

    /** µWh as kWh. */
    private static double kwh(double uwh) {
        return uwh / BuildingHourAggregate.SCALE;
    }

    /** The same building-hour with another revision. */
    public static BuildingHour withRevision(BuildingHour h, long revision) {
        return new BuildingHour(h.buildingId(), h.municipality(), h.category(), h.hourStart(), h.carriers(),
                h.importKwh(), h.exportKwh(), h.kwhPerM2(), h.peakKw(), h.metersReporting(), h.metersExpected(),
                h.coverage(), h.flags(), revision, h.breakdown());
    }
}
