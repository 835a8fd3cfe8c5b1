package org.straumflyt.processor.building;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Building;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.EndUseBreakdown;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.processor.building.BuildingHourAggregate.MeterSums;

/**
 * A building's energy in one period by its meter trees (the registry entry, checked by
 * {@link org.straumflyt.model.MeterTrees}), from the energy of each of its meters:
 * <ul>
 * <li>a carrier's total is the sum of its main meters, or, where the building has none for the carrier, of its
 * sub-meters without a parent (said in the breakdown); export likewise;</li>
 * <li>each meter of a counted tree books its own rest (its energy minus that of the meters directly behind it) under
 * its end use — a virtual meter's end use for the rest it names, {@link EndUse#OTHER} when none is given — so the end
 * uses sum to the total;</li>
 * <li>the unmetered rest is the main meters' energy minus that of the sub-meters directly behind them; it is negative
 * beyond {@link #REST_TOLERANCE_KWH} plus {@link #REST_TOLERANCE_SHARE} of the main when the sub-meters read more
 * (a data-quality finding);</li>
 * <li>a shared meter and the meters behind it count with the building's fraction of the top of the tree.</li>
 * </ul>
 * A meter the aggregate has but the registry entry does not list (on its way out) counts as a main meter of its
 * carrier. Pure: the same inputs give the same result.
 */
public final class MeterTreeBreakdown {
    /** The absolute part of the tolerance of a negative rest, kWh. */
    public static final double REST_TOLERANCE_KWH = 0.01;
    /** The part of the tolerance of a negative rest relative to the main meter's energy. */
    public static final double REST_TOLERANCE_SHARE = 0.02;

    private MeterTreeBreakdown() {
    }

    /**
     * The result.
     *
     * @param carriers       the totals by carrier, kWh (no peaks)
     * @param breakdown      the breakdown by carrier
     * @param subMetersExceedMain whether a main meter's rest is negative beyond the tolerance
     */
    public record Result(Map<Carrier, CarrierEnergy> carriers, Map<Carrier, EndUseBreakdown> breakdown,
            boolean subMetersExceedMain) {
    }

    /**
     * Computes the trees of a building.
     *
     * @param building its registry entry
     * @param kwh      the import energy of each meter, kWh (a meter missing has none)
     * @param export   the export energy of each meter, kWh
     * @param carrierOf the carrier of a meter the registry does not list
     */
    public static Result of(Building building, Map<String, Double> kwh, Map<String, Double> export,
            Map<String, Carrier> carrierOf) {
        Map<String, MeterSpec> specs = new HashMap<>();
        Map<String, List<MeterSpec>> children = new HashMap<>();
        for (MeterSpec m : building.meters()) {
            specs.put(m.meterId(), m);
            if (m.parentMeterId() != null) {
                children.computeIfAbsent(m.parentMeterId(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<Carrier, List<MeterSpec>> mains = new EnumMap<>(Carrier.class);
        Map<Carrier, List<MeterSpec>> tops = new EnumMap<>(Carrier.class);
        for (MeterSpec m : building.meters()) {
            if (m.meterRole() == MeterRole.MAIN) {
                mains.computeIfAbsent(m.carrier(), c -> new ArrayList<>()).add(m);
            } else if (m.meterRole() == MeterRole.SUB && m.parentMeterId() == null) {
                tops.computeIfAbsent(m.carrier(), c -> new ArrayList<>()).add(m);
            }
        }
        carrierOf.forEach((id, carrier) -> {
            if (!specs.containsKey(id)) {
                mains.computeIfAbsent(carrier, c -> new ArrayList<>()).add(MeterSpec.of(id, carrier));
            }
        });
        Map<Carrier, CarrierEnergy> carriers = new EnumMap<>(Carrier.class);
        Map<Carrier, EndUseBreakdown> breakdown = new EnumMap<>(Carrier.class);
        boolean exceeded = false;
        for (Carrier carrier : Carrier.values()) {
            boolean fromSubs = !mains.containsKey(carrier);
            List<MeterSpec> roots = fromSubs ? tops.getOrDefault(carrier, List.of()) : mains.get(carrier);
            if (roots.isEmpty()) {
                continue;
            }
            double total = 0;
            double exported = 0;
            double unmetered = 0;
            Map<EndUse, Double> endUses = new EnumMap<>(EndUse.class);
            for (MeterSpec root : roots) {
                double fraction = root.fractionOf(building.buildingId());
                double own = kwh.getOrDefault(root.meterId(), 0.0);
                total += fraction * own;
                exported += fraction * export.getOrDefault(root.meterId(), 0.0);
                double rest = book(root, fraction, kwh, children, endUses);
                if (!fromSubs) {
                    unmetered += fraction * rest;
                    exceeded |= rest < -(REST_TOLERANCE_KWH + REST_TOLERANCE_SHARE * Math.max(own, 0));
                }
            }
            carriers.put(carrier, new CarrierEnergy(total, exported, null));
            breakdown.put(carrier, new EndUseBreakdown(endUses, fromSubs ? null : unmetered, fromSubs));
        }
        return new Result(carriers, breakdown, exceeded);
    }

    /** Books the meter's own rest and those of the meters behind it; returns its own rest, kWh (before the fraction). */
    private static double book(MeterSpec meter, double fraction, Map<String, Double> kwh,
            Map<String, List<MeterSpec>> children, Map<EndUse, Double> endUses) {
        double rest = kwh.getOrDefault(meter.meterId(), 0.0);
        EndUse restUse = meter.endUse() == null ? EndUse.OTHER : meter.endUse();
        for (MeterSpec child : children.getOrDefault(meter.meterId(), List.of())) {
            if (child.meterRole() == MeterRole.VIRTUAL) {
                restUse = child.endUse() == null ? restUse : child.endUse();
                continue;
            }
            rest -= kwh.getOrDefault(child.meterId(), 0.0);
            book(child, fraction, kwh, children, endUses);
        }
        endUses.merge(restUse, fraction * rest, Double::sum);
        return rest;
    }

    /** The meters' sums of an aggregate as kWh by meter. */
    static Map<String, Double> importKwh(Map<String, MeterSums> meters) {
        Map<String, Double> out = new HashMap<>();
        meters.forEach((id, s) -> out.put(id, s.importUwh() / BuildingHourAggregate.SCALE));
        return out;
    }

    static Map<String, Double> exportKwh(Map<String, MeterSums> meters) {
        Map<String, Double> out = new HashMap<>();
        meters.forEach((id, s) -> out.put(id, s.exportUwh() / BuildingHourAggregate.SCALE));
        return out;
    }

    static Map<String, Carrier> carriers(Map<String, MeterSums> meters) {
        Map<String, Carrier> out = new HashMap<>();
        meters.forEach((id, s) -> out.put(id, s.carrier()));
        return out;
    }
}
