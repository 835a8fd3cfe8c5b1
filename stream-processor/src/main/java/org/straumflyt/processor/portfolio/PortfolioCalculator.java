package org.straumflyt.processor.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.PortfolioCategory;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.QualityFlag;

/**
 * The U4SSC indicators of one municipality for one period, from its buildings' contributions. Pure: the same
 * contributions, period and time give the same record (revision 0). docs/PORTFOLIO.md writes the formulas out.
 */
public final class PortfolioCalculator {
    private final PortfolioRules rules;

    public PortfolioCalculator(PortfolioRules rules) {
        this.rules = rules;
    }

    /**
     * @param municipality  municipality number
     * @param window        the period
     * @param contributions the municipality's buildings, each computed for periods ending with {@code window.to()}
     * @param now           the time freshness is judged at
     */
    public PortfolioKpi compute(String municipality, PeriodWindow window, List<BuildingContribution> contributions,
            Instant now) {
        Instant freshSince = now.minus(rules.freshWithin());
        Totals all = new Totals();
        Map<BuildingCategory, Totals> byCategory = new EnumMap<>(BuildingCategory.class);
        int electricityMeters = 0;
        int freshMeters = 0;
        double liveAreaM2 = 0;
        for (BuildingContribution c : contributions) {
            EnergySums sums = c.sums(window.period());
            all.add(c, sums);
            byCategory.computeIfAbsent(c.category(), k -> new Totals()).add(c, sums);
            electricityMeters += c.electricityMeters();
            freshMeters += (int) c.electricityDataUntil().stream().filter(t -> !t.isBefore(freshSince)).count();
            if (c.dataUntil() != null && !c.dataUntil().isBefore(freshSince)) {
                liveAreaM2 += c.areaM2();
            }
        }
        long expected = (long) contributions.size() * window.days();
        double coverage = ratio(all.daysWithData, expected);
        Double renewableKwh = null;
        Double renewableShare = null;
        if (rules.knowsRenewables()) {
            double renewable = all.exportKwh;
            for (var e : all.importByCarrier.entrySet()) {
                renewable += e.getValue() * rules.renewableShare(e.getKey());
            }
            renewableKwh = renewable;
            renewableShare = share(renewable, all.importKwh + all.exportKwh);
        }
        List<PortfolioCategory> categories = new ArrayList<>();
        byCategory.forEach((category, t) -> categories.add(new PortfolioCategory(category, t.buildings, t.areaM2,
                t.importKwh, t.correctedKwh, share(t.areaImportKwh, t.areaM2), share(t.areaCorrectedKwh, t.areaM2),
                ratio(t.daysWithData, (long) t.buildings * window.days()))));
        Set<QualityFlag> flags = coverage < 1 ? EnumSet.of(QualityFlag.GAP) : EnumSet.noneOf(QualityFlag.class);
        return new PortfolioKpi(municipality, window.period(), window.from(), window.to(), rules.zone().getId(),
                window.days(), all.buildings, all.areaM2, all.importKwh, all.exportKwh, all.correctedKwh,
                share(all.areaImportKwh, all.areaM2), share(all.areaCorrectedKwh, all.areaM2),
                ratio(all.correctedDays, all.daysWithData), electricityMeters, freshMeters,
                share(freshMeters, electricityMeters), liveAreaM2, share(liveAreaM2, all.areaM2), renewableKwh,
                renewableShare, (int) rules.freshWithin().toMinutes(), expected, all.daysWithData, categories,
                coverage, flags, 0);
    }

    /** {@code a ÷ b}, or {@code null} when {@code b} is 0: the indicator is undefined, not 0. */
    private static Double share(double a, double b) {
        return b > 0 ? a / b : null;
    }

    /** {@code a ÷ b}, 0 when {@code b} is 0: a completeness of nothing expected is reported as none. */
    private static double ratio(long a, long b) {
        return b > 0 ? (double) a / b : 0;
    }

    /** Running sums over a set of buildings. */
    private static final class Totals {
        int buildings;
        double areaM2;
        double importKwh;
        double correctedKwh;
        double exportKwh;
        // energy of the buildings with a known area: the numerator of kWh/m²
        double areaImportKwh;
        double areaCorrectedKwh;
        long daysWithData;
        long correctedDays;
        final Map<Carrier, Double> importByCarrier = new EnumMap<>(Carrier.class);

        void add(BuildingContribution c, EnergySums sums) {
            buildings++;
            areaM2 += c.areaM2();
            importKwh += sums.importKwh();
            correctedKwh += sums.correctedKwh();
            exportKwh += sums.exportKwh();
            if (c.areaM2() > 0) {
                areaImportKwh += sums.importKwh();
                areaCorrectedKwh += sums.correctedKwh();
            }
            daysWithData += sums.daysWithData();
            correctedDays += sums.correctedDays();
            sums.importByCarrier().forEach((carrier, kwh) -> importByCarrier.merge(carrier, kwh, Double::sum));
        }
    }
}
