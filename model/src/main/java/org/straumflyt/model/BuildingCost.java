package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * What a building's electricity cost in one hour, local day or local month, split as an invoice splits it. Topics
 * {@code kpi.building-cost-hourly} (key {@link BuildingHourKey}), {@code kpi.building-cost-daily}
 * ({@link BuildingDailyKey}) and {@code kpi.building-cost-monthly} ({@link BuildingMonthlyKey}), compacted upserts.
 * Amounts are NOK excluding VAT, unrounded; the capacity component and the fixed fees belong to the month and are
 * 0 in hours and days (docs/COST.md).
 *
 * @param buildingId      the building
 * @param municipality    its municipality number
 * @param zone            the bidding zone its spot prices are from
 * @param tariffVersion   the tariff version the rates are from, {@code <id>@<validFrom>#<hash>}
 * @param timeZone        the building's zone, whose local days and months the records follow
 * @param period          {@code hour}, {@code day} or {@code month}
 * @param start           UTC start of the period
 * @param end             UTC end of the period (exclusive)
 * @param date            the local date (days only)
 * @param month           the local month (months only)
 * @param importKwh       electricity used, kWh
 * @param exportKwh       electricity delivered (solar), kWh
 * @param spotNok         import × the day-ahead price
 * @param supplierNok     the supplier's mark-up per kWh
 * @param gridEnergyNok   the grid tariff's energy component
 * @param capacityNok     the grid tariff's capacity component (months only)
 * @param fixedNok        the fixed fees of supplier and grid (months only)
 * @param taxesNok        consumption tax and other per-kWh fees
 * @param totalNok        the sum of the six parts, excluding VAT
 * @param vatNok          VAT on {@code totalNok}
 * @param exportValueNok  export × the day-ahead price, a credit not included in {@code totalNok}
 * @param capacityKw      months only: the kW the capacity component was set by
 * @param pricesComplete  whether every market time unit of the period had its price (if not, the spot part is
 *                        for the priced part only)
 * @param coverage        the energy's coverage, as in the building's hours, 0..1
 * @param flags           the energy's quality flags
 * @param revision        increases with every change of this record
 */
public record BuildingCost(
        String buildingId,
        String municipality,
        BiddingZone zone,
        String tariffVersion,
        String timeZone,
        String period,
        Instant start,
        Instant end,
        LocalDate date,
        YearMonth month,
        double importKwh,
        double exportKwh,
        double spotNok,
        double supplierNok,
        double gridEnergyNok,
        double capacityNok,
        double fixedNok,
        double taxesNok,
        double totalNok,
        double vatNok,
        double exportValueNok,
        Double capacityKw,
        boolean pricesComplete,
        double coverage,
        Set<QualityFlag> flags,
        long revision) implements Kpi {

    public static final int SCHEMA_VERSION = 1;
    public static final String HOUR = "hour";
    public static final String DAY = "day";
    public static final String MONTH = "month";

    public BuildingCost {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        timeZone = timeZone == null ? Building.DEFAULT_TIME_ZONE : timeZone;
        flags = QualityFlags.copy(flags);
    }

    /** {@code totalNok + vatNok}. */
    @JsonProperty("totalWithVatNok")
    public double totalWithVatNok() {
        return totalNok + vatNok;
    }

    /** The same record with another revision. */
    public BuildingCost withRevision(long next) {
        return new BuildingCost(buildingId, municipality, zone, tariffVersion, timeZone, period, start, end, date, month,
                importKwh, exportKwh, spotNok, supplierNok, gridEnergyNok, capacityNok, fixedNok, taxesNok, totalNok,
                vatNok, exportValueNok, capacityKw, pricesComplete, coverage, flags, next);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
