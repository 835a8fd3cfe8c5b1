package org.straumflyt.processor.building;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Registers;

/**
 * Running sums of the meter-hours of one building in one UTC hour. The grouped table hands every revision's old
 * value to {@link #retract} and its new value to {@link #add}. Energy and coverage are kept as whole numbers of µWh
 * (10⁻⁹ kWh) and 10⁻⁹ coverage units, so adding and retracting is exact and the result does not depend on order;
 * flags are counted so a retraction can remove one. The size does not grow with the number of meters, except for
 * the per-meter peaks of a registered building (the highest sample cannot be retracted from a sum); the
 * {@code unassigned} pseudo-building keeps no peaks, since it can hold a whole fleet.
 *
 * @param buildingId   building id, or {@code unassigned}
 * @param hourStart    UTC hour
 * @param carriers     import and export by carrier, µWh
 * @param coverage     sum of the meter-register coverages, 10⁻⁹ units
 * @param registers    meter-registers contributing
 * @param importMeters import (non-export) meter-registers contributing: the meters reporting
 * @param flags        how many contributions carry each flag
 * @param peaks        peak kW by meter-register, for registered buildings
 */
public record BuildingHourAggregate(String buildingId, Instant hourStart, Map<Carrier, CarrierSums> carriers,
        long coverage, int registers, int importMeters, Map<QualityFlag, Integer> flags, Map<String, Double> peaks) {
    /** Units per kWh (1 µWh) and per unit of coverage. */
    public static final double SCALE = 1e9;

    /**
     * @param importUwh import energy, µWh
     * @param exportUwh export energy, µWh
     */
    public record CarrierSums(long importUwh, long exportUwh) {
    }

    public BuildingHourAggregate {
        carriers = copy(carriers, new EnumMap<>(Carrier.class));
        flags = copy(flags, new EnumMap<>(QualityFlag.class));
        peaks = copy(peaks, new TreeMap<>());
    }

    private static <K, V> Map<K, V> copy(Map<K, V> from, Map<K, V> into) {
        if (from != null) {
            into.putAll(from);
        }
        return into;
    }

    public static BuildingHourAggregate empty() {
        return new BuildingHourAggregate(null, null, null, 0, 0, 0, null, null);
    }

    public BuildingHourAggregate add(String building, MeterHour hour) {
        return change(building, hour, 1);
    }

    public BuildingHourAggregate retract(String building, MeterHour hour) {
        return change(building, hour, -1);
    }

    private BuildingHourAggregate change(String building, MeterHour hour, int sign) {
        boolean export = Registers.isExport(hour.register());
        long energy = sign * Math.round(hour.energyKwh() * SCALE);
        Map<Carrier, CarrierSums> nextCarriers = new EnumMap<>(Carrier.class);
        nextCarriers.putAll(carriers);
        CarrierSums c = nextCarriers.getOrDefault(hour.carrier(), new CarrierSums(0, 0));
        CarrierSums sums = export ? new CarrierSums(c.importUwh(), c.exportUwh() + energy)
                : new CarrierSums(c.importUwh() + energy, c.exportUwh());
        if (sums.importUwh() == 0 && sums.exportUwh() == 0) {
            nextCarriers.remove(hour.carrier());
        } else {
            nextCarriers.put(hour.carrier(), sums);
        }
        Map<QualityFlag, Integer> nextFlags = new EnumMap<>(QualityFlag.class);
        nextFlags.putAll(flags);
        hour.flags().forEach(f -> nextFlags.merge(f, sign, Integer::sum));
        nextFlags.values().removeIf(n -> n == 0);
        Map<String, Double> nextPeaks = new TreeMap<>(peaks);
        String slot = hour.meterId() + '\u0000' + hour.register();
        if (sign < 0) {
            nextPeaks.remove(slot);
        } else if (hour.peakKw() != null && !export && !BuildingHour.UNASSIGNED.equals(building)) {
            nextPeaks.put(slot, hour.peakKw());
        }
        return new BuildingHourAggregate(building, hour.hourStart(), nextCarriers,
                coverage + sign * Math.round(hour.coverage() * SCALE), registers + sign,
                importMeters + (export ? 0 : sign), nextFlags, nextPeaks);
    }
}
