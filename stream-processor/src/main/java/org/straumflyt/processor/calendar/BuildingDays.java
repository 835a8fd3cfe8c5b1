package org.straumflyt.processor.calendar;

import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EndUseBreakdown;
import org.straumflyt.model.EndUseBreakdowns;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.processor.building.BuildingHourView;
import org.straumflyt.processor.rollup.EnergyRollup;

/** Turns a building's hours of one local date, and the day's temperature if known, into the building-day. */
public final class BuildingDays {
    private final DegreeDayRules degreeDays;

    public BuildingDays(DegreeDayRules degreeDays) {
        this.degreeDays = degreeDays;
    }

    public DailyView of(DailyAggregate agg, WeatherDaily weather) {
        BuildingHourView meta = agg.latest();
        String zone = meta.timeZone();
        EnergyRollup sums = EnergyRollup.EMPTY;
        double meterCoverage = 0;
        double baseKwh = 0;
        int baseHours = 0;
        PeakHour peak = null;
        Map<Carrier, EndUseBreakdown> breakdown = null;
        for (BuildingHourView view : agg.hours().values()) {
            BuildingHour h = view.hour();
            breakdown = EndUseBreakdowns.plus(breakdown, h.breakdown());
            sums = sums.plus(h.carriers(), h.importKwh(), h.exportKwh(), h.coverage(), h.flags());
            meterCoverage += h.coverage() * reportingShare(h);
            if (peak == null || h.importKwh() > peak.kwh()) {
                peak = new PeakHour(h.hourStart(), h.importKwh());
            }
            if (LocalDays.inBaseLoadWindow(h.hourStart(), zone)) {
                baseKwh += h.importKwh();
                baseHours++;
            }
        }
        Set<QualityFlag> flags = sums.flagSet();
        double importKwh = sums.imported();
        int hoursInDay = LocalDays.hoursIn(agg.date(), zone);
        if (agg.hours().size() < hoursInDay) {
            flags.add(QualityFlag.GAP);
        }
        double area = meta.heatedAreaM2();
        // the day carries its degree days and their normal; a period corrects on the sums of both (DegreeDayRules)
        Double gd = weather == null ? null : DegreeDayRules.degreeDays(weather.meanTemperatureC());
        Double normal = weather == null ? null : degreeDays.normalFor(meta.weatherLocationId(), agg.date());
        BuildingDaily daily = new BuildingDaily(agg.buildingId(), meta.hour().municipality(), meta.hour().category(),
                agg.date(), zone, hoursInDay, agg.hours().size(), sums.carriers(), importKwh, sums.exported(),
                area > 0 ? importKwh / area : null, peak, baseHours == 0 ? null : baseKwh / baseHours,
                weather == null ? null : weather.meanTemperatureC(), gd, normal, sums.coverage() / hoursInDay,
                Math.min(1, meterCoverage / hoursInDay), flags, 0, breakdown);
        return new DailyView(daily, area);
    }

    /** The part of the building's expected meters that reported in the hour (1 when the registry lists none). */
    private static double reportingShare(BuildingHour h) {
        return h.metersExpected() <= 0 ? 1 : Math.min(1.0, (double) h.metersReporting() / h.metersExpected());
    }

    /** The same building-day with another revision. */
    public static BuildingDaily withRevision(BuildingDaily d, long revision) {
        return new BuildingDaily(d.buildingId(), d.municipality(), d.category(), d.date(), d.timeZone(),
                d.hoursInDay(), d.hoursWithData(), d.carriers(), d.importKwh(), d.exportKwh(), d.kwhPerM2(),
                d.peakHour(), d.baseLoadKw(), d.meanTemperatureC(), d.degreeDays(), d.normalDegreeDays(), d.coverage(),
                d.meterCoverage(), d.flags(), revision, d.breakdown());
    }
}
