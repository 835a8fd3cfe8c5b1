package org.straumflyt.processor.building;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Registers;
import org.straumflyt.processor.rollup.EnergyRollup;

/**
 * Running sums of the meter-hours of one building in one UTC hour: an {@link EnergyRollup} of them, stored in this
 * form. The grouped table hands every revision's old value to {@link #retract} and its new value to {@link #add}.
 * Energy and coverage are kept as whole numbers of µWh (10⁻⁹ kWh) and 10⁻⁹ coverage units, so adding and retracting
 * is exact and the result does not depend on order; flags are counted so a retraction can remove one. The size does
 * not grow with the number of meters, except for the per-meter peaks of a registered building (the highest sample
 * cannot be retracted from a sum); the {@code unassigned} pseudo-building keeps no peaks, since it can hold a whole
 * fleet.
 *
 * @param buildingId   building id, or {@code unassigned}
 * @param hourStart    UTC hour
 * @param carriers     import and export by carrier, µWh
 * @param coverage     sum of the import meter-registers' coverages, 10⁻⁹ units: the measured part of the meters'
 *                     hour; an export register (e.g. an AMS meter's, which reports 0 kWh exported every hour) says
 *                     nothing about how much of the consumption was measured, and counting it made the mean coverage of
 *                     a building with such a meter too high whenever one of its meters missed part of the hour
 * @param registers    meter-registers contributing
 * @param importMeters import (non-export) meter-registers contributing: the meters reporting
 * @param flags        how many contributions carry each flag
 * @param peaks        peak kW by meter-register, for registered buildings
 * @param meters       the sums by meter, for registered buildings: what a meter tree is computed from
 *                     ({@link MeterTreeBreakdown}); aggregates stored before meter trees lack them (then
 *                     {@link #metersComplete()} is false until every part has come again)
 */
public record BuildingHourAggregate(String buildingId, Instant hourStart, Map<Carrier, CarrierSums> carriers,
        long coverage, int registers, int importMeters, Map<QualityFlag, Integer> flags, Map<String, Double> peaks,
        Map<String, MeterSums> meters) {
    /** Units per kWh (1 µWh) and per unit of coverage. */
    public static final double SCALE = 1e9;

    /**
     * @param importUwh import energy, µWh
     * @param exportUwh export energy, µWh
     */
    public record CarrierSums(long importUwh, long exportUwh) {
    }

    /**
     * One meter's sums in the hour.
     *
     * @param carrier   the carrier its meter-hours name
     * @param importUwh import energy, µWh
     * @param exportUwh export energy, µWh
     * @param parts     its registers contributing
     */
    public record MeterSums(Carrier carrier, long importUwh, long exportUwh, int parts) {
    }

    public BuildingHourAggregate {
        carriers = copy(carriers, new EnumMap<>(Carrier.class));
        flags = copy(flags, new EnumMap<>(QualityFlag.class));
        peaks = copy(peaks, new TreeMap<>());
        meters = copy(meters, new TreeMap<>());
    }

    /** An aggregate without sums by meter. */
    public BuildingHourAggregate(String buildingId, Instant hourStart, Map<Carrier, CarrierSums> carriers,
            long coverage, int registers, int importMeters, Map<QualityFlag, Integer> flags, Map<String, Double> peaks) {
        this(buildingId, hourStart, carriers, coverage, registers, importMeters, flags, peaks, null);
    }

    /** Whether the sums by meter account for every part (not so for an aggregate stored before they were kept). */
    public boolean metersComplete() {
        return meters.values().stream().mapToInt(MeterSums::parts).sum() == registers;
    }

    private static <K, V> Map<K, V> copy(Map<K, V> from, Map<K, V> into) {
        if (from != null) {
            into.putAll(from);
        }
        return into;
    }

    public static BuildingHourAggregate empty() {
        return new BuildingHourAggregate(null, null, null, 0, 0, 0, null, null, null);
    }

    public BuildingHourAggregate add(String building, MeterHour hour) {
        return change(building, hour, 1);
    }

    public BuildingHourAggregate retract(String building, MeterHour hour) {
        return change(building, hour, -1);
    }

    private BuildingHourAggregate change(String building, MeterHour hour, int sign) {
        boolean export = Registers.isExport(hour.register());
        // whole µWh and 10⁻⁹ coverage units: the rollup's sums are exact, so a retraction undoes an addition
        double energy = Math.round(hour.energyKwh() * SCALE);
        double imported = export ? 0 : energy;
        double exported = export ? energy : 0;
        double covered = export ? 0 : Math.round(hour.coverage() * SCALE);
        Map<Carrier, CarrierEnergy> part = Map.of(hour.carrier(), new CarrierEnergy(imported, exported, null));
        EnergyRollup next = sign > 0 ? rollup().plus(part, imported, exported, covered, hour.flags())
                : rollup().minus(part, imported, exported, covered, hour.flags());
        Map<String, Double> nextPeaks = new TreeMap<>(peaks);
        String slot = hour.meterId() + '\u0000' + hour.register();
        if (sign < 0) {
            nextPeaks.remove(slot);
        } else if (hour.peakKw() != null && !export && !BuildingHour.UNASSIGNED.equals(building)) {
            nextPeaks.put(slot, hour.peakKw());
        }
        Map<String, MeterSums> nextMeters = meters;
        if (!BuildingHour.UNASSIGNED.equals(building)) {
            nextMeters = new TreeMap<>(meters);
            MeterSums was = nextMeters.getOrDefault(hour.meterId(), new MeterSums(hour.carrier(), 0, 0, 0));
            MeterSums now = new MeterSums(hour.carrier(), was.importUwh() + sign * (long) imported,
                    was.exportUwh() + sign * (long) exported, was.parts() + sign);
            if (now.parts() == 0) {
                nextMeters.remove(hour.meterId());
            } else {
                nextMeters.put(hour.meterId(), now);
            }
        }
        return of(building, hour.hourStart(), next, importMeters + (export ? 0 : sign), nextPeaks, nextMeters);
    }

    /** The sums as a rollup, in µWh and 10⁻⁹ coverage units, its parts the meter-registers contributing. */
    public EnergyRollup rollup() {
        Map<Carrier, CarrierEnergy> energy = new EnumMap<>(Carrier.class);
        carriers.forEach((c, sums) -> energy.put(c, new CarrierEnergy(sums.importUwh(), sums.exportUwh(), null)));
        return EnergyRollup.ofCarriers(energy, coverage, registers, flags);
    }

    private static BuildingHourAggregate of(String building, Instant hourStart, EnergyRollup rollup,
            int importMeters, Map<String, Double> peaks, Map<String, MeterSums> meters) {
        Map<Carrier, CarrierSums> sums = new EnumMap<>(Carrier.class);
        rollup.withoutEmptyCarriers().carriers().forEach((c, e) ->
                sums.put(c, new CarrierSums((long) e.importKwh(), (long) e.exportKwh())));
        return new BuildingHourAggregate(building, hourStart, sums, (long) rollup.coverage(), rollup.parts(),
                importMeters, rollup.flags(), peaks, meters);
    }
}
