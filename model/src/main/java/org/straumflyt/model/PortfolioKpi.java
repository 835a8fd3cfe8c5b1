package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The U4SSC energy indicators of one municipality's public buildings over one period. Topic {@code kpi.portfolio}
 * (compacted, upserts), key = {@link PortfolioKey}. docs/PORTFOLIO.md writes every formula out, with an example.
 *
 * @param municipality              municipality number
 * @param period                    year to date or rolling 12 months
 * @param from                      first local date of the period
 * @param to                        last local date of the period (the last complete day), inclusive
 * @param timeZone                  the zone whose dates these are
 * @param days                      days in the period, {@code to − from + 1}
 * @param buildings                 buildings the registry lists for the municipality
 * @param areaM2                    their heated floor area (BRA), m²
 * @param importKwh                 energy used in the period, all carriers, all buildings, kWh
 * @param exportKwh                 energy delivered to the grid by on-site production (export registers), kWh
 * @param correctedKwh              Σ over buildings of the energy degree-day-corrected on the period's sums, kWh
 * @param kwhPerM2                  EN:E:E:4A: energy of the buildings with a known area ÷ {@code areaM2}, kWh/m² for
 *                                  the period (never annualised); {@code annualBasis} says whether it is yearly
 * @param correctedKwhPerM2         EN:E:E:4A degree-day-corrected, kWh/m² for the period
 * @param correctedCoverage         building-days with a temperature ÷ building-days with data, 0..1
 * @param annualBasis               whether {@code kwhPerM2} is a yearly figure, provisional, or part of a year
 * @param yearlyMinCoverage         the completeness ({@code coverage}) a whole year needs to be {@code yearly}, 0..1
 * @param electricityMeters         electricity meters the registry lists for the municipality
 * @param smartElectricityMeters    those the registry declares smart (AMS)
 * @param smartMeterPercent         EC:ICT:ES:1C: {@code smartElectricityMeters ÷ electricityMeters × 100}, %
 * @param integratedBuildings       buildings the registry declares with integrated building management
 * @param integratedBuildingPercent EC:I:B:2A: {@code integratedBuildings ÷ buildings × 100}, %
 * @param freshElectricityMeters    electricity meters with data within the freshness window at the time of emission
 * @param freshMeterShare           data freshness: {@code freshElectricityMeters ÷ electricityMeters}, 0..1
 * @param liveAreaM2                heated area of buildings with any meter delivering data within the window, m²
 * @param liveAreaShare             data freshness: {@code liveAreaM2 ÷ areaM2}, 0..1
 * @param freshWithinMinutes        the freshness window of the two freshness figures, minutes
 * @param renewableKwh              renewable energy consumed: each carrier's import × its configured renewable share,
 *                                  kWh; absent when no share is configured
 * @param renewablePercent          EN:E:E:1C: {@code renewableKwh ÷ importKwh × 100}, % (export counts in neither)
 * @param expectedBuildingDays      buildings × days of the period
 * @param buildingDaysWithData      building-days of the period with a daily record
 * @param completeBuildingDays      building-days on which every expected meter reported for the whole day
 * @param energyCoverage            the buildings' measured share of their expected meter-days, weighted by their
 *                                  energy in the period, 0..1; absent without energy
 * @param categories                the figures per building category, in category order
 * @param coverage                  completeness: {@code completeBuildingDays ÷ expectedBuildingDays}, 0..1
 * @param flags                     {@link QualityFlag#GAP} when the completeness is below 1,
 *                                  {@link QualityFlag#NOT_CORRECTED} when a building's period had no degree days
 * @param revision                  increases with every change
 */
public record PortfolioKpi(
        String municipality,
        PortfolioPeriod period,
        LocalDate from,
        LocalDate to,
        String timeZone,
        int days,
        int buildings,
        double areaM2,
        double importKwh,
        double exportKwh,
        double correctedKwh,
        Double kwhPerM2,
        Double correctedKwhPerM2,
        double correctedCoverage,
        AnnualBasis annualBasis,
        double yearlyMinCoverage,
        int electricityMeters,
        int smartElectricityMeters,
        Double smartMeterPercent,
        int integratedBuildings,
        Double integratedBuildingPercent,
        int freshElectricityMeters,
        Double freshMeterShare,
        double liveAreaM2,
        Double liveAreaShare,
        int freshWithinMinutes,
        Double renewableKwh,
        Double renewablePercent,
        long expectedBuildingDays,
        long buildingDaysWithData,
        long completeBuildingDays,
        Double energyCoverage,
        List<PortfolioCategory> categories,
        double coverage,
        Set<QualityFlag> flags,
        long revision) implements Kpi {

    /**
     * 2: the U4SSC indicators as U4SSC defines them, in % ({@code smartMeterPercent}, {@code integratedBuildingPercent},
     * {@code renewablePercent}); the freshness figure once called {@code smartMeterShare} is {@code freshMeterShare};
     * {@code coverage} counts complete building-days only; {@code annualBasis} joined.
     */
    public static final int SCHEMA_VERSION = 2;

    public PortfolioKpi {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(annualBasis, "annualBasis");
        categories = categories == null ? List.of() : List.copyOf(categories);
        flags = QualityFlags.copy(flags);
    }

    public PortfolioKey key() {
        return new PortfolioKey(municipality, period, from);
    }

    /** The same record with another revision number. */
    public PortfolioKpi withRevision(long newRevision) {
        return new PortfolioKpi(municipality, period, from, to, timeZone, days, buildings, areaM2, importKwh,
                exportKwh, correctedKwh, kwhPerM2, correctedKwhPerM2, correctedCoverage, annualBasis,
                yearlyMinCoverage, electricityMeters, smartElectricityMeters, smartMeterPercent, integratedBuildings,
                integratedBuildingPercent, freshElectricityMeters, freshMeterShare, liveAreaM2, liveAreaShare,
                freshWithinMinutes, renewableKwh, renewablePercent, expectedBuildingDays, buildingDaysWithData,
                completeBuildingDays, energyCoverage, categories, coverage, flags, newRevision);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
