package org.straumflyt.processor.oracle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

/**
 * A deliberately simple batch computation of one meter-register's hours, written apart from the production code:
 * the register is a piecewise-linear curve E(t) and an hour's energy is E(end) − E(start); power is integrated with
 * the closed-form antiderivative of each straight piece. It covers well-behaved meters (registers that never go
 * down, no known limits): that is where an independent formula exists.
 */
public final class MeterOracle {
    private static final long HOUR = 3_600_000L;

    /** The expected value of one hour. */
    public record Expected(double energyKwh, Double peakKw, double coverage, EnergySource source,
            Set<QualityFlag> flags) {
    }

    private final long maxGapMs;
    private final long interpolationMs;

    public MeterOracle(long maxGapMs, long interpolationMs) {
        this.maxGapMs = maxGapMs;
        this.interpolationMs = interpolationMs;
    }

    /** Expected hours by hour start (epoch ms), from the set of readings (duplicates allowed, any order). */
    public Map<Long, Expected> hours(List<Reading> readings) {
        TreeMap<Long, Double> register = new TreeMap<>();
        TreeMap<Long, Double> power = new TreeMap<>();
        for (Reading r : readings) {
            TreeMap<Long, Double> series = r.kind() == ReadingKind.ENERGY_REGISTER ? register : power;
            series.merge(r.timestamp().toEpochMilli(), r.value(), Math::max);
        }
        TreeMap<Long, Expected> result = new TreeMap<>();
        for (long h : candidateHours(register, power)) {
            Expected e = hour(h, register, power);
            if (e != null) {
                result.put(h, e);
            }
        }
        return result;
    }

    private static List<Long> candidateHours(TreeMap<Long, Double> register, TreeMap<Long, Double> power) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (TreeMap<Long, Double> s : List.of(register, power)) {
            if (!s.isEmpty()) {
                min = Math.min(min, s.firstKey());
                max = Math.max(max, s.lastKey());
            }
        }
        List<Long> hours = new ArrayList<>();
        for (long h = Math.floorDiv(min, HOUR) * HOUR; h <= max; h += HOUR) {
            hours.add(h);
        }
        return hours;
    }

    private Expected hour(long h, TreeMap<Long, Double> register, TreeMap<Long, Double> power) {
        long end = h + HOUR;
        Double peak = power.subMap(h, true, end, false).values().stream().max(Double::compare).orElse(null);
        boolean hasRegister = register.size() > 0;
        if (hasRegister && register.firstKey() < end && register.lastKey() >= end) {
            return registerHour(h, register, peak);
        }
        double[] p = powerIntegral(h, power);
        if (peak != null || p[1] > 0) {
            Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
            if (hasRegister && register.lastKey() < end) {
                flags.add(QualityFlag.ESTIMATED);
            }
            if (p[1] < HOUR) {
                flags.add(QualityFlag.GAP);
            }
            return new Expected(p[0], peak, p[1] / HOUR, EnergySource.POWER, flags);
        }
        if (register.size() > 1 && register.firstKey() < end && register.lastKey() > h) {
            return registerHour(h, register, peak);
        }
        return null;
    }

    private Expected registerHour(long h, TreeMap<Long, Double> register, Double peak) {
        long a = Math.max(h, register.firstKey());
        long b = Math.min(h + HOUR, register.lastKey());
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (b - a < HOUR) {
            flags.add(QualityFlag.GAP);
        }
        Long previous = null;
        for (long t : register.keySet()) {
            if (previous != null && t > h && previous < h + HOUR && t - previous > interpolationMs) {
                flags.add(QualityFlag.INTERPOLATED);
            }
            previous = t;
        }
        return new Expected(curve(register, b) - curve(register, a), peak, (b - a) / (double) HOUR,
                EnergySource.REGISTER, flags);
    }

    /** The register curve: straight lines between readings. */
    private static double curve(TreeMap<Long, Double> register, long t) {
        var below = register.floorEntry(t);
        var above = register.ceilingEntry(t);
        if (below.getKey() == t) {
            return below.getValue();
        }
        double fraction = (t - below.getKey()) / (double) (above.getKey() - below.getKey());
        return below.getValue() + fraction * (above.getValue() - below.getValue());
    }

    /** {kWh, covered ms} of the power samples in the hour. */
    private double[] powerIntegral(long h, TreeMap<Long, Double> power) {
        long end = h + HOUR;
        double kwh = 0;
        long covered = 0;
        Map.Entry<Long, Double> previous = null;
        for (var e : power.entrySet()) {
            if (previous != null) {
                long length = e.getKey() - previous.getKey();
                long x = Math.max(h, previous.getKey());
                long y = Math.min(end, e.getKey());
                if (length <= maxGapMs && y > x) {
                    double slope = (e.getValue() - previous.getValue()) / length; // kW per ms
                    double dx = x - previous.getKey();
                    double dy = y - previous.getKey();
                    double kwMs = previous.getValue() * (y - x) + slope / 2 * (dy * dy - dx * dx);
                    kwh += kwMs / HOUR;
                    covered += y - x;
                }
            }
            previous = e;
        }
        return new double[] {kwh, covered};
    }
}
