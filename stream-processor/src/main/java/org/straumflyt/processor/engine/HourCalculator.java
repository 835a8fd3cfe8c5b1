package org.straumflyt.processor.engine;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Energy;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.series.HourValue;
import org.straumflyt.processor.series.IntervalSample;
import org.straumflyt.processor.series.Sample;

/**
 * Computes the buckets (hours, at {@link Resolution#HOURLY}) of one meter-register from its readings, one source of truth per hour:
 * <ol>
 *   <li>{@code REGISTER} when the register has settled the hour (a reading before its end and one at or after);</li>
 *   <li>else {@code INTERVAL} when interval values overlap it;</li>
 *   <li>else {@code POWER} (trapezoid integral) when power samples touch it — flagged {@code ESTIMATED} when the
 *       meter has a register that has not reached the hour yet;</li>
 *   <li>else {@code REGISTER} with the part of the hour its steps cover so far.</li>
 * </ol>
 * The peak is the highest power sample in {@code [h, h + 1 h)} whatever the energy source. A power sample beyond the
 * meter's plausible maximum is quarantined: it counts for neither energy nor peak (its neighbours are integrated
 * with each other, as across a lone register outlier), and its hour carries {@code SPIKE} whatever its source.
 */
public final class HourCalculator {
    private final long maxGapMs;
    private final Resolution resolution;
    private final long size;

    public HourCalculator(MeteringRules rules, Resolution resolution) {
        this.maxGapMs = rules.powerMaxGapMs();
        this.resolution = resolution;
        this.size = resolution.sizeMs();
    }

    /** The buckets in {@code [fromHour, toHour)} that have any data, by bucket start (epoch ms). */
    public Map<Long, HourValue> compute(MeterSeriesData data, long fromHour, long toHour) {
        Map<Long, HourValue> hours = new LinkedHashMap<>();
        for (long h = fromHour; h < toHour; h += size) {
            HourValue value = hour(data, h);
            if (value != null) {
                hours.put(h, value);
            }
        }
        return hours;
    }

    /** One hour, or {@code null} when no reading touches it. */
    public HourValue hour(MeterSeriesData data, long h) {
        long end = h + size;
        Part register = registerPart(data.register().segments(), h, end);
        Part interval = intervalPart(data.intervals(), h, end);
        Part power = powerPart(data.power(), h, end);
        quarantined(data.quarantinedPower(), h, end, power);
        Double peak = power.peak;
        if (data.register().settles(end)) {
            return register.toHour(h, size, peak, EnergySource.REGISTER, power.conflictFlag());
        }
        if (interval.touched) {
            return interval.toHour(h, size, peak, EnergySource.INTERVAL, power.conflictFlag());
        }
        if (power.touched) {
            Set<QualityFlag> extra = power.conflictFlag();
            if (data.register().present() && data.register().last() < end) {
                extra.add(QualityFlag.ESTIMATED);
            }
            return power.toHour(h, size, peak, EnergySource.POWER, extra);
        }
        if (register.touched) {
            return register.toHour(h, size, peak, EnergySource.REGISTER, EnumSet.noneOf(QualityFlag.class));
        }
        return null;
    }

    private static Part registerPart(List<Segment> segments, long h, long end) {
        Part part = new Part();
        for (int i = firstEndingAfter(segments, h); i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.from() >= end) {
                break;
            }
            long overlap = Math.min(s.to(), end) - Math.max(s.from(), h);
            if (overlap <= 0) {
                continue;
            }
            part.touched = true;
            part.flags.addAll(s.flags());
            if (s.booked()) {
                part.kwh += s.kwh() * overlap / (double) (s.to() - s.from());
                part.coveredMs += overlap;
            }
        }
        return part;
    }

    /** Index of the first segment that ends after {@code h} (segments are sorted and do not overlap). */
    private static int firstEndingAfter(List<Segment> segments, long h) {
        int lo = 0;
        int hi = segments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).to() <= h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Part intervalPart(List<IntervalSample> intervals, long h, long end) {
        Part part = new Part();
        for (IntervalSample iv : intervals) {
            long overlap = Math.min(iv.end(), end) - Math.max(iv.start(), h);
            if (overlap <= 0) {
                continue;
            }
            part.touched = true;
            part.kwh += iv.kwh() * overlap / (double) (iv.end() - iv.start());
            part.coveredMs += overlap;
            if (iv.conflict()) {
                part.flags.add(QualityFlag.CONFLICT);
            }
        }
        return part;
    }

    private Part powerPart(List<Sample> samples, long h, long end) {
        Part part = new Part();
        Sample previous = null;
        for (Sample s : samples) {
            if (s.at() >= h && s.at() < end) {
                part.touched = true;
                part.peak = part.peak == null ? s.value() : Math.max(part.peak, s.value());
                part.powerConflict |= s.conflict();
            }
            if (previous != null) {
                integrate(previous, s, h, end, part);
            }
            previous = s;
        }
        return part;
    }

    /** Marks the hour of each quarantined power sample: touched by power, flagged {@code SPIKE}. */
    private static void quarantined(List<Long> at, long h, long end, Part power) {
        for (long t : at) {
            if (t >= h && t < end) {
                power.touched = true;
                power.powerSpike = true;
                return;
            }
        }
    }

    /** Trapezoid integral of the straight line between two samples over their overlap with the hour. */
    private void integrate(Sample a, Sample b, long h, long end, Part part) {
        long length = b.at() - a.at();
        if (length <= 0 || length > maxGapMs) {
            return;
        }
        long x = Math.max(a.at(), h);
        long y = Math.min(b.at(), end);
        if (y <= x) {
            return;
        }
        double px = a.value() + (b.value() - a.value()) * (x - a.at()) / (double) length;
        double py = a.value() + (b.value() - a.value()) * (y - a.at()) / (double) length;
        part.touched = true;
        part.kwh += Energy.kwh((px + py) / 2, y - x);
        part.coveredMs += y - x;
        if (a.conflict() || b.conflict()) {
            part.flags.add(QualityFlag.CONFLICT);
        }
    }

    /** Accumulates one source's contribution to an hour. */
    private static final class Part {
        boolean touched;
        double kwh;
        long coveredMs;
        Double peak;
        boolean powerConflict;
        boolean powerSpike;
        final Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);

        /** The flags power samples give an hour whatever its source: a conflict, a quarantined sample. */
        Set<QualityFlag> conflictFlag() {
            Set<QualityFlag> extra = EnumSet.noneOf(QualityFlag.class);
            if (powerConflict) {
                extra.add(QualityFlag.CONFLICT);
            }
            if (powerSpike) {
                extra.add(QualityFlag.SPIKE);
            }
            return extra;
        }

        /** The bucket's value; coverage is at most the bucket ({@code size} ms) even where sources overlap. */
        HourValue toHour(long h, long size, Double peak, EnergySource source, Set<QualityFlag> extra) {
            Set<QualityFlag> all = EnumSet.noneOf(QualityFlag.class);
            all.addAll(flags);
            all.addAll(extra);
            if (coveredMs < size) {
                all.add(QualityFlag.GAP);
            }
            return new HourValue(h, kwh, peak, Math.min(size, coveredMs), source, all);
        }
    }
}
