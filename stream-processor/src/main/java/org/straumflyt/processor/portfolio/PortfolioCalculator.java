package org.straumflyt.processor.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.AnnualBasis;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.PortfolioCategory;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.QualityFlag;

/**
 * The U4SSC indicators of one municipality for one period, from its buildings' contributions. Pure: the same
 * contributions, period and time give the same record (revision 0). docs/PORTFOLIO.md writes the formulas out.
 */
public final class PortfolioCalculator {
    private static final double PERCENT = 100;
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
        Totals all = new Totals(window.days());
        Map<BuildingCategory, Totals> byCategory = new EnumMap<>(BuildingCategory.class);
        int electricityMeters = 0;
        int smartMeters = 0;
        int integratedBuildings = 0;
        int freshMeters = 0;
        double liveAreaM2 = 0;
        for (BuildingContribution c : contributions) {
            EnergySums sums = c.sums(window.period());
            all.add(c, sums);
            byCategory.computeIfAbsent(c.category(), k -> new Totals(window.days())).add(c, sums);
            electricityMeters += c.electricityMeters();
            smartMeters += c.smartElectricityMeters();
            integratedBuildings += c.integratedBuildingManagement() ? 1 : 0;
            freshMeters += (int) c.electricityDataUntil().stream().filter(t -> !t.isBefore(freshSince)).count();
            if (c.dataUntil() != null && !c.dataUntil().isBefore(freshSince)) {
                liveAreaM2 += c.areaM2();
            }
        }
        long expected = (long) contributions.size() * window.days();
        double coverage = ratio(all.completeDays, expected);
        Double renewableKwh = null;
        Double renewablePercent = null;
        if (rules.renewableShares().knows(municipality)) {
            // renewable energy consumed ÷ energy consumed; export is delivered, not consumed, so it is in neither
            double renewable = 0;
            for (var e : all.importByCarrier.entrySet()) {
                renewable += e.getValue() * rules.renewableShares().share(municipality, e.getKey());
            }
            renewableKwh = renewable;
            renewablePercent = percent(renewable, all.importKwh);
        }
        List<PortfolioCategory> categories = new ArrayList<>();
        byCategory.forEach((category, t) -> categories.add(new PortfolioCategory(category, t.buildings, t.areaM2,
                t.importKwh, t.correctedKwh, share(t.areaImportKwh, t.areaM2), share(t.areaCorrectedKwh, t.areaM2),
                ratio(t.completeDays, (long) t.buildings * window.days()))));
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (coverage < 1) {
            flags.add(QualityFlag.GAP);
        }
        if (all.uncorrectable) {
            flags.add(QualityFlag.NOT_CORRECTED);
        }
        return new PortfolioKpi(municipality, window.period(), window.from(), window.to(), rules.zone().getId(),
                window.days(), all.buildings, all.areaM2, all.importKwh, all.exportKwh, all.correctedKwh,
                share(all.areaImportKwh, all.areaM2), share(all.areaCorrectedKwh, all.areaM2),
                ratio(all.weatherDays, all.daysWithData), annualBasis(window, coverage), rules.yearlyMinCoverage(),
                electricityMeters, smartMeters, percent(smartMeters, electricityMeters), integratedBuildings,
                percent(integratedBuildings, all.buildings), freshMeters, share(freshMeters, electricityMeters),
                liveAreaM2, share(liveAreaM2, all.areaM2), (int) rules.freshWithin().toMinutes(), renewableKwh,
                renewablePercent, expected, all.daysWithData, all.completeDays,
                share(all.energyWeightedCoverage, all.importKwh), categories, coverage, flags, 0);
    }

    /** A whole year is yearly when complete enough, else provisional; a year to date before 31 December is neither. */
    private AnnualBasis annualBasis(PeriodWindow window, double coverage) {
        boolean wholeYear = window.period() == PortfolioPeriod.ROLLING_12_MONTHS
                || window.to().getDayOfYear() == window.to().lengthOfYear();
        if (!wholeYear) {
            return AnnualBasis.PART_OF_YEAR;
        }
        return coverage >= rules.yearlyMinCoverage() ? AnnualBasis.YEARLY : AnnualBasis.PROVISIONAL;
    }

    /** {@code a ÷ b}, or {@code null} when {@code b} is 0: the indicator is undefined, not 0. */
    private static Double share(double a, double b) {
        return b > 0 ? a / b : null;
    }

    /** {@code a ÷ b × 100}, or {@code null} when {@code b} is 0. */
    private static Double percent(double a, double b) {
        return b > 0 ? a / b * PERCENT : null;
    }

    /** {@code a ÷ b}, 0 when {@code b} is 0: a completeness of nothing expected is reported as none. */
    private static double ratio(long a, long b) {
        return b > 0 ? (double) a / b : 0;
    }

    /** Running sums over a set of buildings. */
    private final class Totals {
        private final int days;
        int buildings;
        double areaM2;
        double importKwh;
        double correctedKwh;
        double exportKwh;
        // energy of the buildings with a known area: the numerator of kWh/m²
        double areaImportKwh;
        double areaCorrectedKwh;
        long daysWithData;
        long completeDays;
        long weatherDays;
        // Σ_b E_b × (the building's measured meter-days ÷ days of the period)
        double energyWeightedCoverage;
        boolean uncorrectable;
        final Map<Carrier, Double> importByCarrier = new EnumMap<>(Carrier.class);

        Totals(int days) {
            this.days = days;
        }

        void add(BuildingContribution c, EnergySums sums) {
            // each building is corrected on its own period sums, with its own category's share
            double corrected = sums.correctedKwh(rules.degreeDays(), c.category());
            buildings++;
            areaM2 += c.areaM2();
            importKwh += sums.importKwh();
            correctedKwh += corrected;
            exportKwh += sums.exportKwh();
            if (c.areaM2() > 0) {
                areaImportKwh += sums.importKwh();
                areaCorrectedKwh += corrected;
            }
            daysWithData += sums.daysWithData();
            completeDays += sums.completeDays();
            weatherDays += sums.weatherDays();
            energyWeightedCoverage += sums.importKwh() * sums.meterDays() / days;
            uncorrectable |= sums.correctionImpossible();
            sums.importByCarrier().forEach((carrier, kwh) -> importByCarrier.merge(carrier, kwh, Double::sum));
        }
    }
}
