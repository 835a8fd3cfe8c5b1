package org.straumflyt.processor.cost;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.BuildingCost;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.building.BuildingHourView;

/**
 * Builds the cost records of hours, days and months from building-hours, prices and the tariffs (revision 0:
 * stamped later). Deterministic: a period's record depends only on the set of its hours, summed in time order, so
 * the order in which energy and prices arrive does not change the final figures.
 */
public final class CostRecords {
    private final Tariffs tariffs;

    public CostRecords(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    /**
     * The cost of one building-hour, or {@code null} when it has no electricity, no zone or no tariff valid on its
     * date.
     */
    public BuildingCost hour(CostInput input) {
        if (input == null || input.view() == null) {
            return null;
        }
        BuildingHourView view = input.view();
        BuildingHour hour = view.hour();
        CarrierEnergy electricity = hour.carriers().get(Carrier.ELECTRICITY);
        BiddingZone zone = zoneOf(view);
        String tariffId = view.tariffId() != null ? view.tariffId() : tariffs.defaultTariff();
        if (electricity == null || zone == null || BuildingHour.UNASSIGNED.equals(hour.buildingId())) {
            return null;
        }
        ZoneId timeZone = ZoneId.of(view.timeZone());
        Tariffs.Versioned tariff = tariffs.versionAt(tariffId, hour.hourStart().atZone(timeZone).toLocalDate());
        if (tariff == null) {
            return null;
        }
        CostParts parts = CostCalculator.bucket(tariff.version(), timeZone, Resolution.HOURLY, hour.hourStart(),
                electricity.importKwh(), electricity.exportKwh(),
                input.prices() == null ? List.of() : input.prices().prices());
        return record(hour.buildingId(), hour.municipality(), zone, tariff.label(), view.timeZone(),
                BuildingCost.HOUR, hour.hourStart(), hour.hourStart().plus(Duration.ofHours(1)), null, null, parts,
                CostCalculator.vat(tariff.version(), parts.totalNok()), null, hour.coverage(), hour.flags());
    }

    /** The zone of a building-hour: the registry's, else the tariff file's default. */
    public BiddingZone zoneOf(BuildingHourView view) {
        return view.biddingZone() != null ? view.biddingZone() : tariffs.defaultBiddingZone();
    }

    /** A local day: the sum of its hours (at least one). */
    public static BuildingCost day(LocalDate date, Collection<BuildingCost> hours) {
        BuildingCost first = hours.iterator().next();
        ZoneId zone = ZoneId.of(first.timeZone());
        Sum sum = Sum.of(hours);
        return record(first.buildingId(), first.municipality(), first.zone(), first.tariffVersion(),
                first.timeZone(), BuildingCost.DAY, date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant(), date, null, sum.parts, sum.vat, null, sum.coverage,
                sum.flags);
    }

    /**
     * A local month: the sum of its hours (at least one), plus the capacity component of the hours so far and the
     * fixed fees, from the tariff version of the month's first day (that of the first hour when the tariff starts
     * later in the month).
     */
    public BuildingCost month(YearMonth month, String tariffId, Collection<BuildingCost> hours) {
        BuildingCost first = hours.iterator().next();
        ZoneId zone = ZoneId.of(first.timeZone());
        Tariffs.Versioned tariff = tariffs.versionAt(tariffId, month.atDay(1));
        if (tariff == null) {
            tariff = tariffs.versionAt(tariffId, first.start().atZone(zone).toLocalDate());
        }
        Sum sum = Sum.of(hours);
        List<CostCalculator.BucketEnergy> energies = new ArrayList<>();
        hours.forEach(h -> energies.add(new CostCalculator.BucketEnergy(h.start(), h.importKwh())));
        CostCalculator.Capacity capacity = CostCalculator.capacity(tariff.version(), zone, Resolution.HOURLY,
                month.atDay(1), energies);
        double fixed = CostCalculator.fixed(tariff.version());
        CostParts parts = sum.parts.withMonthly(capacity.nok(), fixed);
        double vat = sum.vat + CostCalculator.vat(tariff.version(), capacity.nok() + fixed);
        return record(first.buildingId(), first.municipality(), first.zone(), tariff.label(), first.timeZone(),
                BuildingCost.MONTH, month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), null, month, parts, vat, capacity.kw(),
                sum.coverage, sum.flags);
    }

    /** The tariff id of a version label {@code <id>@<validFrom>#<hash>}. */
    public static String tariffIdOf(String tariffVersion) {
        return tariffVersion.substring(0, tariffVersion.lastIndexOf('@'));
    }

    private static BuildingCost record(String buildingId, String municipality, BiddingZone zone, String version,
            String timeZone, String period, Instant start, Instant end, LocalDate date, YearMonth month,
            CostParts parts, double vat, Double capacityKw, double coverage, Set<QualityFlag> flags) {
        return new BuildingCost(buildingId, municipality, zone, version, timeZone, period, start, end, date, month,
                parts.importKwh(), parts.exportKwh(), parts.spotNok(), parts.supplierNok(), parts.gridEnergyNok(),
                parts.capacityNok(), parts.fixedNok(), parts.taxesNok(), parts.totalNok(), vat,
                parts.exportValueNok(), capacityKw, parts.pricesComplete(), coverage, flags, 0);
    }

    /** The sum of hours, in the order given (the aggregates give them in time order). */
    private record Sum(CostParts parts, double vat, double coverage, Set<QualityFlag> flags) {
        static Sum of(Collection<BuildingCost> hours) {
            CostParts parts = CostParts.NONE;
            double vat = 0;
            double coverage = 0;
            Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
            for (BuildingCost h : hours) {
                parts = parts.plus(new CostParts(h.importKwh(), h.exportKwh(), h.spotNok(), h.supplierNok(),
                        h.gridEnergyNok(), 0, 0, h.taxesNok(), h.exportValueNok(), h.pricesComplete()));
                vat += h.vatNok();
                coverage += h.coverage();
                flags.addAll(h.flags());
            }
            return new Sum(parts, vat, coverage / hours.size(), flags);
        }
    }
}
