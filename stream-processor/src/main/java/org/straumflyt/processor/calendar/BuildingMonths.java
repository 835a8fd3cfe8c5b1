package org.straumflyt.processor.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EndUseBreakdown;
import org.straumflyt.model.EndUseBreakdowns;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.processor.rollup.EnergyRollup;

/**
 * Turns a building's days of one local month into the building-month: totals, the single highest hour (demand
 * charge), and the mean of the highest hours of the three days with the highest hours (capacity charge: three
 * hours on three different days).
 */
public final class BuildingMonths {
    private static final int CAPACITY_DAYS = 3;
    private final DegreeDayRules degreeDayRules;

    public BuildingMonths(DegreeDayRules degreeDayRules) {
        this.degreeDayRules = degreeDayRules;
    }

    public BuildingMonthly of(MonthlyAggregate agg) {
        DailyView meta = agg.latest();
        EnergyRollup sums = EnergyRollup.EMPTY;
        double degreeDays = 0;
        double normalDegreeDays = 0;
        boolean allDegreeDays = true;
        List<PeakHour> dailyPeaks = new ArrayList<>();
        Map<Carrier, EndUseBreakdown> breakdown = null;
        for (DailyView view : agg.days().values()) {
            breakdown = EndUseBreakdowns.plus(breakdown, view.daily().breakdown());
            BuildingDaily d = view.daily();
            sums = sums.plus(d.carriers(), d.importKwh(), d.exportKwh(), d.coverage(), d.flags());
            if (d.peakHour() != null) {
                dailyPeaks.add(d.peakHour());
            }
            allDegreeDays &= d.degreeDays() != null;
            degreeDays += d.degreeDays() == null ? 0 : d.degreeDays();
            normalDegreeDays += d.normalDegreeDays() == null ? 0 : d.normalDegreeDays();
        }
        Set<QualityFlag> flags = sums.flagSet();
        double importKwh = sums.imported();
        Double corrected = null;
        if (allDegreeDays) {
            // corrected once, on the month's sums (never day by day)
            corrected = degreeDayRules.correctedPeriod(importKwh, degreeDays, normalDegreeDays,
                    meta.daily().category());
            if (corrected == null) {
                corrected = importKwh;
                flags.add(QualityFlag.NOT_CORRECTED);
            }
        }
        dailyPeaks.sort(Comparator.comparingDouble(PeakHour::kwh).reversed()
                .thenComparing(PeakHour::hourStart));
        List<PeakHour> capacity = dailyPeaks.subList(0, Math.min(CAPACITY_DAYS, dailyPeaks.size()));
        Double capacityKw = capacity.isEmpty() ? null
                : capacity.stream().mapToDouble(PeakHour::kwh).sum() / capacity.size();
        int daysInMonth = agg.month().lengthOfMonth();
        double area = meta.heatedAreaM2();
        return new BuildingMonthly(agg.buildingId(), meta.daily().municipality(), meta.daily().category(),
                agg.month(), meta.daily().timeZone(), agg.days().size(), sums.carriers(), importKwh, sums.exported(),
                area > 0 ? importKwh / area : null, dailyPeaks.isEmpty() ? null : dailyPeaks.get(0),
                List.copyOf(capacity), capacityKw, allDegreeDays ? degreeDays : null,
                allDegreeDays ? normalDegreeDays : null, corrected, sums.coverage() / daysInMonth, flags, 0,
                breakdown);
    }

    /** The same building-month with another revision. */
    public static BuildingMonthly withRevision(BuildingMonthly m, long revision) {
        return new BuildingMonthly(m.buildingId(), m.municipality(), m.category(), m.month(), m.timeZone(),
                m.daysWithData(), m.carriers(), m.importKwh(), m.exportKwh(), m.kwhPerM2(), m.peakHour(),
                m.capacityPeaks(), m.capacityPeakKw(), m.degreeDays(), m.normalDegreeDays(), m.correctedKwh(),
                m.coverage(), m.flags(), revision, m.breakdown());
    }
}
