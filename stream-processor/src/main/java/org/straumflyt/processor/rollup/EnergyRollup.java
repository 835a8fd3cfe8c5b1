package org.straumflyt.processor.rollup;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;

/**
 * Energy totals of a set of parts: meter-hours into a building-hour, building-hours into a building-day, building-days
 * into a building-month or into a building's period sums. Each part brings its energy by carrier, its import and
 * export totals, its coverage and its quality flags; the rollup keeps, by carrier, the sums of import and export, the
 * sums of the totals and of the coverage, how many parts count, and how many of them carry each flag (so that
 * retracting a part removes its flags again).
 *
 * <p>Every sum is a plain {@code double} addition, done in the order the parts come, so that a rollup gives exactly
 * what a loop over the parts gives. The sums are exact, and then independent of the order of the parts and undone
 * exactly by {@link #minus}, when every amount is a whole number below 2<sup>53</sup>: the building-hour adds whole
 * µWh (10⁻⁹ kWh) for that reason (9 GWh a carrier an hour fit). Sums of kWh fractions (days, months, periods) are
 * independent of order only up to rounding, as any floating-point sum.
 *
 * <p>A carrier stays listed once a part named it, even when its sums come back to zero; {@link #withoutEmptyCarriers}
 * leaves those out, for a rollup that retracts. A carrier's peak is the highest of its parts' peaks (a retraction
 * keeps it: a maximum cannot be retracted).
 *
 * @param carriers import and export by carrier, in the unit of the parts; sorted, immutable
 * @param imported the sum of the parts' import
 * @param exported the sum of the parts' export
 * @param coverage the sum of the parts' coverage (a part says which coverage it counts)
 * @param parts    how many parts count: added minus retracted
 * @param flags    how many counting parts carry each flag, none with a count of 0; sorted, immutable
 */
public record EnergyRollup(Map<Carrier, CarrierEnergy> carriers, double imported, double exported, double coverage,
        int parts, Map<QualityFlag, Integer> flags) {
    public static final EnergyRollup EMPTY = new EnergyRollup(Map.of(), 0, 0, 0, 0, Map.of());

    public EnergyRollup {
        carriers = carriers == null || carriers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(carriers));
        flags = flags == null || flags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(flags));
    }

    /**
     * A rollup given by its carriers alone: the totals are the carriers' sums, in carrier order. For whole-number
     * amounts (see the class comment) this is the rollup that added the parts one by one.
     */
    public static EnergyRollup ofCarriers(Map<Carrier, CarrierEnergy> carriers, double coverage, int parts,
            Map<QualityFlag, Integer> flags) {
        double imported = 0;
        double exported = 0;
        for (Carrier c : Carrier.values()) {
            CarrierEnergy e = carriers.get(c);
            if (e != null) {
                imported += e.importKwh();
                exported += e.exportKwh();
            }
        }
        return new EnergyRollup(carriers, imported, exported, coverage, parts, flags);
    }

    /** The parts of this one and then those of {@code other}. */
    public EnergyRollup plus(EnergyRollup other) {
        Map<Carrier, CarrierEnergy> nextCarriers = new EnumMap<>(Carrier.class);
        nextCarriers.putAll(carriers);
        other.carriers.forEach((c, e) -> nextCarriers.merge(c, e, CarrierEnergy::plus));
        Map<QualityFlag, Integer> nextFlags = new EnumMap<>(QualityFlag.class);
        nextFlags.putAll(flags);
        other.flags.forEach((f, n) -> nextFlags.merge(f, n, Integer::sum));
        nextFlags.values().removeIf(n -> n == 0);
        return new EnergyRollup(nextCarriers, imported + other.imported, exported + other.exported,
                coverage + other.coverage, parts + other.parts, nextFlags);
    }

    /**
     * With one more part.
     *
     * @param partCarriers its energy by carrier
     * @param partImport   its import total
     * @param partExport   its export total
     * @param partCoverage its coverage
     * @param partFlags    its flags
     */
    public EnergyRollup plus(Map<Carrier, CarrierEnergy> partCarriers, double partImport, double partExport,
            double partCoverage, Collection<QualityFlag> partFlags) {
        Map<Carrier, CarrierEnergy> nextCarriers = new EnumMap<>(Carrier.class);
        nextCarriers.putAll(carriers);
        partCarriers.forEach((c, e) -> nextCarriers.merge(c, e, CarrierEnergy::plus));
        return new EnergyRollup(nextCarriers, imported + partImport, exported + partExport, coverage + partCoverage,
                parts + 1, countFlags(partFlags, 1));
    }

    /** Without a part added before (its arguments as they were given to {@link #plus}). */
    public EnergyRollup minus(Map<Carrier, CarrierEnergy> partCarriers, double partImport, double partExport,
            double partCoverage, Collection<QualityFlag> partFlags) {
        Map<Carrier, CarrierEnergy> nextCarriers = new EnumMap<>(Carrier.class);
        nextCarriers.putAll(carriers);
        partCarriers.forEach((c, e) -> {
            CarrierEnergy was = nextCarriers.getOrDefault(c, CarrierEnergy.ZERO);
            nextCarriers.put(c, new CarrierEnergy(was.importKwh() - e.importKwh(), was.exportKwh() - e.exportKwh(),
                    was.peakKw()));
        });
        return new EnergyRollup(nextCarriers, imported - partImport, exported - partExport, coverage - partCoverage,
                parts - 1, countFlags(partFlags, -1));
    }

    private Map<QualityFlag, Integer> countFlags(Collection<QualityFlag> partFlags, int sign) {
        if (partFlags.isEmpty()) {
            return flags;
        }
        Map<QualityFlag, Integer> next = new EnumMap<>(QualityFlag.class);
        next.putAll(flags);
        partFlags.forEach(f -> next.merge(f, sign, Integer::sum));
        next.values().removeIf(n -> n == 0);
        return next;
    }

    /** The same rollup without the carriers whose import and export are both zero. */
    public EnergyRollup withoutEmptyCarriers() {
        Map<Carrier, CarrierEnergy> kept = new EnumMap<>(Carrier.class);
        carriers.forEach((c, e) -> {
            if (e.importKwh() != 0 || e.exportKwh() != 0) {
                kept.put(c, e);
            }
        });
        return kept.size() == carriers.size() ? this
                : new EnergyRollup(kept, imported, exported, coverage, parts, flags);
    }

    /** The flags at least one counting part carries. */
    public Set<QualityFlag> flagSet() {
        return flags.isEmpty() ? EnumSet.noneOf(QualityFlag.class) : EnumSet.copyOf(flags.keySet());
    }
}
