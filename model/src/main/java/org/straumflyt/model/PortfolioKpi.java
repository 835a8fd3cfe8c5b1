package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The U4SSC energy indicators of one municipality's public buildings over one period. Topic {@code kpi.portfolio}
 * (compacted, upserts), key = {@link PortfolioKey}. docs/PORTFOLIO.md writes every formula out.
 *
 * @param municipality           municipality number
 * @param period                 year to date or rolling 12 months
 * @param from                   first local date of the period
 * @param to                     last local date of the period (the last complete day), inclusive
 * @param timeZone               the zone whose dates these are
 * @param days                   days in the period, {@code to − from + 1}
 * @param buildings              buildings the registry lists for the municipality
 * @param areaM2                 their heated floor area (BRA), m²
 * @param importKwh              energy used in the period, all carriers, all buildings, kWh
 * @param exportKwh              energy delivered by on-site production (export registers), kWh
 * @param correctedKwh           {@code importKwh} with each building-day degree-day-corrected where it has a correction, kWh
 * @param kwhPerM2               EN:E:E:4A: energy of the buildings with a known area ÷ {@code areaM2}, kWh/m² for the
 *                               period (not annualised; the rolling 12 months are the kWh/m²/yr figure)
 * @param correctedKwhPerM2      EN:E:E:4A degree-day-corrected, kWh/m² for the period
 * @param correctedCoverage      building-days with a degree-day correction ÷ building-days with data, 0..1
 * @param electricityMeters      electricity meters the registry lists for the municipality
 * @param freshElectricityMeters those with data within the freshness window at the time of emission
 * @param smartMeterShare        EC:ICT:ES:1C: {@code freshElectricityMeters ÷ electricityMeters}, 0..1
 * @param liveAreaM2             heated area of buildings with any meter delivering data within the window, m²
 * @param liveAreaShare          EC:I:B:2A: {@code liveAreaM2 ÷ areaM2}, 0..1
 * @param renewableKwh           renewable part of the imported energy (by the carriers' configured shares) plus
 *                               on-site production, kWh; absent when no carrier share is configured
 * @param renewableShare         EN:E:E:1C: {@code renewableKwh ÷ (importKwh + exportKwh)}, 0..1
 * @param freshWithinMinutes     the freshness window of the two shares above, minutes
 * @param expectedBuildingDays   buildings × days of the period
 * @param buildingDaysWithData   building-days of the period with a daily record
 * @param categories             the figures per building category, in category order
 * @param coverage               completeness: {@code buildingDaysWithData ÷ expectedBuildingDays}, 0..1
 * @param flags                  {@link QualityFlag#GAP} when the completeness is below 1
 * @param revision               increases with every change
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
        int electricityMeters,
        int freshElectricityMeters,
        Double smartMeterShare,
        double liveAreaM2,
        Double liveAreaShare,
        Double renewableKwh,
        Double renewableShare,
        int freshWithinMinutes,
        long expectedBuildingDays,
        long buildingDaysWithData,
        List<PortfolioCategory> categories,
        double coverage,
        Set<QualityFlag> flags,
        long revision) implements Kpi {

    public static final int SCHEMA_VERSION = 1;

    public PortfolioKpi {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        categories = categories == null ? List.of() : List.copyOf(categories);
        flags = QualityFlags.copy(flags);
    }

    public PortfolioKey key() {
        return new PortfolioKey(municipality, period, from);
    }

    /** The same record with another revision number. */
    public PortfolioKpi withRevision(long newRevision) {
        return new PortfolioKpi(municipality, period, from, to, timeZone, days, buildings, areaM2, importKwh,
                exportKwh, correctedKwh, kwhPerM2, correctedKwhPerM2, correctedCoverage, electricityMeters,
                freshElectricityMeters, smartMeterShare, liveAreaM2, liveAreaShare, renewableKwh, renewableShare,
                freshWithinMinutes, expectedBuildingDays, buildingDaysWithData, categories, coverage, flags,
                newRevision);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
