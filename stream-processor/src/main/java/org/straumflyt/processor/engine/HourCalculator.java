package org.straumflyt.processor.engine;

import java.util.ArrayList;
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
 * Computes the buckets (hours, at {@link Resolution#HOURLY}) of one meter-register from its readings, and the finer
 * buckets each is made of (quarter-hours), one source of truth per hour:
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
 *
 * <p>Every source is allocated to the hour and, in the same pass, to its finer buckets (quarter-hours; in proportion
 * to time, by overlap). The hour chooses its source, its quarters take the same one (and the hour's
 * {@code ESTIMATED}); the hour's energy is its own allocation, summed as it always was, and each quarter's is its
 * allocation rounded to a whole µWh (10⁻⁹ kWh, the unit building aggregates count in), the rounding residual (a few
 * µWh at most) going to the quarter with the most energy, so that in whole µWh the hour is exactly the sum of its
 * quarters. The hour's covered time is the sum of its quarters' (each at most a quarter), its flags the union of theirs
 * (and {@code GAP} when it is not fully covered), its peak their highest. A quarter that no reading touches has no
 * value (it counts 0). Whatever the readings, then, an hour is exactly the sum of its quarters (docs/METERING.md).
 */
public final class HourCalculator {
    /** Energy units per kWh in which bucket values are exact: whole µWh. */
    static final double UNITS_PER_KWH = 1e9;

    private final long maxGapMs;
    private final long size;
    private final long subSize;
    private final int n;

    /**
     * @param resolution the buckets computed (hours)
     * @param split      the finer buckets they are the sum of (quarter-hours); {@code resolution} itself for none
     */
    public HourCalculator(MeteringRules rules, Resolution resolution, Resolution split) {
        this.maxGapMs = rules.powerMaxGapMs();
        this.size = resolution.sizeMs();
        this.n = resolution.split(split);
        this.subSize = split.sizeMs();
    }

    /** The buckets of an hour range and their finer buckets, each by start, in time order. */
    public record Buckets(List<HourValue> buckets, List<HourValue> splits) {
    }

    /** The buckets in {@code [fromHour, toHour)} that have any data, by bucket start (epoch ms). */
    public Map<Long, HourValue> compute(MeterSeriesData data, long fromHour, long toHour) {
        Map<Long, HourValue> hours = new LinkedHashMap<>();
        for (HourValue v : computeWithSplits(data, fromHour, toHour).buckets()) {
            hours.put(v.hourStart(), v);
        }
        return hours;
    }

    /** The buckets in {@code [fromHour, toHour)} that have any data, and their finer buckets that have any. */
    public Buckets computeWithSplits(MeterSeriesData data, long fromHour, long toHour) {
        List<HourValue> hours = new ArrayList<>();
        List<HourValue> splits = new ArrayList<>();
        for (long h = fromHour; h < toHour; h += size) {
            HourValue value = hour(data, h, splits);
            if (value != null) {
                hours.add(value);
            }
        }
        return new Buckets(hours, splits);
    }

    /** One hour, or {@code null} when no reading touches it. */
    public HourValue hour(MeterSeriesData data, long h) {
        return hour(data, h, new ArrayList<>());
    }

    /** One hour, or {@code null} when no reading touches it; its finer buckets that have data go to {@code splits}. */
    private HourValue hour(MeterSeriesData data, long h, List<HourValue> splits) {
        long end = h + size;
        Part[] register = registerParts(data.register().segments(), h, end);
        Part[] interval = intervalParts(data.intervals(), h, end);
        Part[] power = powerParts(data.power(), h, end);
        quarantined(data.quarantinedPower(), h, power);
        boolean estimated = false;
        Part[] chosen;
        EnergySource source;
        if (data.register().settles(end)) {
            chosen = register;
            source = EnergySource.REGISTER;
        } else if (touched(interval)) {
            chosen = interval;
            source = EnergySource.INTERVAL;
        } else if (touched(power)) {
            chosen = power;
            source = EnergySource.POWER;
            estimated = data.register().present() && data.register().last() < end;
        } else if (touched(register)) {
            chosen = register;
            source = EnergySource.REGISTER;
        } else {
            return null;
        }
        // REGISTER chosen for a later part of the register: no conflict or spike flags of power (as the hour before)
        boolean powerFlags = !(source == EnergySource.REGISTER && !data.register().settles(end));
        long covered = 0;
        Double peak = null;
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        List<HourValue> quarters = new ArrayList<>(n);
        long quarterUnits = 0;
        int largest = -1;
        for (int i = 0; i < n; i++) {
            if (!register[i].touched && !interval[i].touched && !power[i].touched) {
                continue;
            }
            Set<QualityFlag> extra = powerFlags ? power[i].conflictFlag() : EnumSet.noneOf(QualityFlag.class);
            if (estimated) {
                extra.add(QualityFlag.ESTIMATED);
            }
            HourValue q = chosen[i].toHour(h + i * subSize, subSize, power[i].peak, source, extra);
            long units = Math.round(chosen[i].kwh * UNITS_PER_KWH);
            quarterUnits += units;
            if (largest < 0 || Math.abs(units) > Math.abs(Math.round(chosen[largest].kwh * UNITS_PER_KWH))) {
                largest = i;
            }
            quarters.add(q);
            covered += q.coveredMs();
            flags.addAll(q.flags());
            Double p = power[i].peak;
            if (p != null && (peak == null || p > peak)) {
                peak = p;
            }
        }
        // The hour's energy is its own allocation, summed as ever; in whole µWh the quarters add up to it exactly:
        // what their rounding left over (a few µWh at most) goes to the largest of them.
        double kwh = chosen[n].kwh;
        long residual = Math.round(kwh * UNITS_PER_KWH) - quarterUnits;
        for (HourValue q : quarters) {
            if (residual != 0 && q.hourStart() == h + largest * subSize) {
                long units = Math.round(chosen[largest].kwh * UNITS_PER_KWH) + residual;
                q = new HourValue(q.hourStart(), units / UNITS_PER_KWH, q.peakKw(), q.coveredMs(), q.source(),
                        q.flags());
            }
            splits.add(q);
        }
        flags.remove(QualityFlag.GAP);
        if (covered < size) {
            flags.add(QualityFlag.GAP);
        }
        return new HourValue(h, kwh, peak, covered, source, flags);
    }

    /** Whether the source touched any finer bucket of the hour. */
    private boolean touched(Part[] parts) {
        for (int i = 0; i < n; i++) {
            if (parts[i].touched) {
                return true;
            }
        }
        return false;
    }

    /** One part per finer bucket of the hour, and the whole hour's last ({@code [n]}). */
    private Part[] parts() {
        Part[] parts = new Part[n + 1];
        for (int i = 0; i <= n; i++) {
            parts[i] = new Part();
        }
        return parts;
    }

    /** The index of the finer bucket of {@code [h, h + size)} that holds {@code t} (clamped to the hour). */
    private int sub(long h, long t) {
        return (int) Math.min(n - 1, Math.max(0, (t - h) / subSize));
    }

    private Part[] registerParts(List<Segment> segments, long h, long end) {
        Part[] parts = parts();
        for (int i = firstEndingAfter(segments, h); i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.from() >= end) {
                break;
            }
            long x = Math.max(s.from(), h);
            long y = Math.min(s.to(), end);
            if (y <= x) {
                continue;
            }
            if (s.booked()) {
                parts[n].kwh += s.kwh() * (y - x) / (double) (s.to() - s.from());
            }
            for (int q = sub(h, x); q <= sub(h, y - 1); q++) {
                long qs = h + q * subSize;
                long overlap = Math.min(y, qs + subSize) - Math.max(x, qs);
                Part part = parts[q];
                part.touched = true;
                part.flags.addAll(s.flags());
                if (s.booked()) {
                    part.kwh += s.kwh() * overlap / (double) (s.to() - s.from());
                    part.coveredMs += overlap;
                }
            }
        }
        return parts;
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

    private Part[] intervalParts(List<IntervalSample> intervals, long h, long end) {
        Part[] parts = parts();
        for (IntervalSample iv : intervals) {
            long x = Math.max(iv.start(), h);
            long y = Math.min(iv.end(), end);
            if (y <= x) {
                continue;
            }
            parts[n].kwh += iv.kwh() * (y - x) / (double) (iv.end() - iv.start());
            for (int q = sub(h, x); q <= sub(h, y - 1); q++) {
                long qs = h + q * subSize;
                long overlap = Math.min(y, qs + subSize) - Math.max(x, qs);
                Part part = parts[q];
                part.touched = true;
                part.kwh += iv.kwh() * overlap / (double) (iv.end() - iv.start());
                part.coveredMs += overlap;
                if (iv.conflict()) {
                    part.flags.add(QualityFlag.CONFLICT);
                }
            }
        }
        return parts;
    }

    private Part[] powerParts(List<Sample> samples, long h, long end) {
        Part[] parts = parts();
        Sample previous = null;
        for (Sample s : samples) {
            if (s.at() >= h && s.at() < end) {
                Part part = parts[sub(h, s.at())];
                part.touched = true;
                part.peak = part.peak == null ? s.value() : Math.max(part.peak, s.value());
                part.powerConflict |= s.conflict();
            }
            if (previous != null) {
                integrate(previous, s, h, end, parts);
            }
            previous = s;
        }
        return parts;
    }

    /** Marks the finer bucket of each quarantined power sample: touched by power, flagged {@code SPIKE}. */
    private void quarantined(List<Long> at, long h, Part[] power) {
        for (long t : at) {
            if (t >= h && t < h + size) {
                Part part = power[sub(h, t)];
                part.touched = true;
                part.powerSpike = true;
            }
        }
    }

    /** Trapezoid integral of the straight line between two samples over their overlap with each finer bucket. */
    private void integrate(Sample a, Sample b, long h, long end, Part[] parts) {
        long length = b.at() - a.at();
        if (length <= 0 || length > maxGapMs) {
            return;
        }
        long from = Math.max(a.at(), h);
        long to = Math.min(b.at(), end);
        if (to <= from) {
            return;
        }
        double pFrom = a.value() + (b.value() - a.value()) * (from - a.at()) / (double) length;
        double pTo = a.value() + (b.value() - a.value()) * (to - a.at()) / (double) length;
        parts[n].kwh += Energy.kwh((pFrom + pTo) / 2, to - from);
        for (int q = sub(h, from); q <= sub(h, to - 1); q++) {
            long qs = h + q * subSize;
            long x = Math.max(from, qs);
            long y = Math.min(to, qs + subSize);
            double px = a.value() + (b.value() - a.value()) * (x - a.at()) / (double) length;
            double py = a.value() + (b.value() - a.value()) * (y - a.at()) / (double) length;
            Part part = parts[q];
            part.touched = true;
            part.kwh += Energy.kwh((px + py) / 2, y - x);
            part.coveredMs += y - x;
            if (a.conflict() || b.conflict()) {
                part.flags.add(QualityFlag.CONFLICT);
            }
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
            return new HourValue(h, Math.round(kwh * UNITS_PER_KWH) / UNITS_PER_KWH, peak, Math.min(size, coveredMs),
                    source, all);
        }
    }
}
