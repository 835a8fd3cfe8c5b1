package org.straumflyt.processor.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.series.HourValue;
import org.straumflyt.processor.series.IntervalSample;
import org.straumflyt.processor.series.RegisterEvent;
import org.straumflyt.processor.series.RegisterWindow;
import org.straumflyt.processor.series.Sample;
import org.straumflyt.processor.series.SeriesMeta;
import org.straumflyt.processor.series.SeriesStore;

/**
 * Applies one reading to the state of its meter-register and recomputes the buckets (hours, at
 * {@link Resolution#HOURLY}) it can change. The hours of a
 * meter-register depend only on the set of readings within the horizon: a reading is inserted in time order, only
 * the affected hours are recomputed; {@link MeterHourEmitter} emits those whose value changed.
 */
public final class MeterEngine {
    /** Register readings on either side first looked at; doubled while that is not enough. */
    private static final int INITIAL_CONTEXT = 4;

    private final MeteringRules rules;
    private final Resolution resolution;
    private final RegisterClassifier classifier;
    private final HourCalculator calculator;

    /** Hours as sums of quarter-hours, other resolutions unsplit. */
    public MeterEngine(MeteringRules rules, Resolution resolution) {
        this(rules, resolution, resolution.equals(Resolution.HOURLY) ? Resolution.QUARTER_HOURLY : resolution);
    }

    /**
     * @param resolution the buckets recomputed (hours)
     * @param split      the finer buckets each is the exact sum of (quarter-hours), see {@link HourCalculator}
     */
    public MeterEngine(MeteringRules rules, Resolution resolution, Resolution split) {
        this.rules = rules;
        this.resolution = resolution;
        this.classifier = new RegisterClassifier(rules);
        this.calculator = new HourCalculator(rules, resolution, split);
    }

    public MeterUpdate apply(Reading reading, MeterLimits limits, SeriesStore store) {
        long at = reading.timestamp().toEpochMilli();
        SeriesMeta meta = store.meta();
        if (meta != null && at < meta.watermark() - rules.horizonMs()) {
            return new MeterUpdate.Late(meta.watermark(), meta.watermark() - rules.horizonMs());
        }
        Insert insert = insert(reading, store);
        if (!insert.changed) {
            return new MeterUpdate.Duplicate();
        }
        SeriesMeta now = advance(meta, reading.kind(), at, store);
        long frozen = now.frozenFrom();
        long[] range = reading.kind() == ReadingKind.ENERGY_REGISTER
                ? registerChange(store, at, insert.replaced(), limits, now)
                : affectedHours(reading, insert.intervalEnd(), store);
        long from = Math.max(range[0], frozen);
        long to = range[1];
        List<HourValue> recomputed = new ArrayList<>();
        List<HourValue> quarters = new ArrayList<>();
        List<RegisterEvent> newEvents = new ArrayList<>();
        compute(store, from, to, limits, now, recomputed, quarters, newEvents);
        if (reading.kind() == ReadingKind.POWER && limits.implausiblePower(reading.value()) && at >= frozen) {
            RegisterEvent spike = new RegisterEvent(at, QualityFlag.SPIKE);
            if (!store.markEvent(spike)) {
                newEvents.add(spike);
            }
        }
        return new MeterUpdate.Applied(recomputed, quarters, newEvents, insert.conflict);
    }

    /**
     * Recomputes every hour the series still holds (from its first hour that may change to the hour of its newest
     * reading) with other limits: the meter's registry entry changed, e.g. it arrived after the first readings, so
     * a drop that was a reset without the register maximum is now a rollover, or a step is now beyond the meter's
     * maximum power. No reading is applied; the watermark stays.
     */
    public MeterUpdate.Applied recompute(MeterLimits limits, SeriesStore store) {
        SeriesMeta meta = store.meta();
        List<HourValue> recomputed = new ArrayList<>();
        List<HourValue> quarters = new ArrayList<>();
        List<RegisterEvent> newEvents = new ArrayList<>();
        if (meta != null) {
            compute(store, meta.frozenFrom(), resolution.end(resolution.floor(meta.watermark())), limits, meta,
                    recomputed, quarters, newEvents);
        }
        return new MeterUpdate.Applied(recomputed, quarters, newEvents, false);
    }

    /**
     * Computes the hours {@code [from, to)} into {@code recomputed}, their quarters into {@code quarters}, and the
     * register events not seen before.
     */
    private void compute(SeriesStore store, long from, long to, MeterLimits limits, SeriesMeta meta,
            List<HourValue> recomputed, List<HourValue> quarters, List<RegisterEvent> newEvents) {
        if (from >= to) {
            return;
        }
        long frozen = meta.frozenFrom();
        RegisterAnalysis register = meta.has(ReadingKind.ENERGY_REGISTER)
                ? analyse(store, from, to, limits, meta) : RegisterAnalysis.EMPTY;
        List<Sample> power = meta.has(ReadingKind.POWER)
                ? store.power(from - rules.powerMaxGapMs(), to + rules.powerMaxGapMs()) : List.of();
        List<Sample> plausible = new ArrayList<>(power.size());
        List<Long> quarantined = new ArrayList<>();
        for (Sample s : power) {
            if (limits.implausiblePower(s.value())) {
                quarantined.add(s.at());
            } else {
                plausible.add(s);
            }
        }
        MeterSeriesData data = new MeterSeriesData(register, plausible,
                meta.has(ReadingKind.INTERVAL_ENERGY) ? store.intervals() : List.of(), quarantined);
        HourCalculator.Buckets buckets = calculator.computeWithSplits(data, from, to);
        recomputed.addAll(buckets.buckets());
        quarters.addAll(buckets.splits());
        for (RegisterEvent event : register.events()) {
            if (event.at() >= frozen && !store.markEvent(event)) {
                newEvents.add(event);
            }
        }
    }

    /**
     * The register steps of the hours {@code [from, to)}, classified from a window of the series around them that
     * is widened until every step those hours use is exact. Costs O(readings near the hours), not O(series).
     */
    private RegisterAnalysis analyse(SeriesStore store, long from, long to, MeterLimits limits, SeriesMeta meta) {
        for (int extra = INITIAL_CONTEXT; ; extra *= 2) {
            RegisterWindow window = store.registersAround(from, to - 1, extra, meta.firstRegister(),
                    meta.lastRegister());
            RegisterAnalysis analysis = classifier.classify(window.readings(), limits);
            boolean exact = analysis.segments().stream().filter(s -> s.to() > from && s.from() < to)
                    .allMatch(window::trusts);
            if (exact || (window.startsAtFirst() && window.endsAtLast())) {
                List<RegisterEvent> events = analysis.events().stream()
                        .filter(e -> insideTrusted(window, e.at())).toList();
                return new RegisterAnalysis(analysis.segments(), events, meta.firstRegister(), meta.lastRegister());
            }
        }
    }

    private static boolean insideTrusted(RegisterWindow window, long at) {
        List<Sample> r = window.readings();
        return (window.startsAtFirst() || at > r.get(0).at()) && (window.endsAtLast() || at < r.get(r.size() - 1).at());
    }

    /**
     * Whether the store changed, whether there is a conflict, the register sample replaced (if any), and the latest
     * end of an interval value before and after (a conflict can change which end wins).
     */
    private record Insert(boolean changed, boolean conflict, Sample replaced, long intervalEnd) {
        Insert(boolean changed, boolean conflict, Sample replaced) {
            this(changed, conflict, replaced, Long.MIN_VALUE);
        }
    }

    private static Insert insert(Reading reading, SeriesStore store) {
        long at = reading.timestamp().toEpochMilli();
        switch (reading.kind()) {
            case ENERGY_REGISTER -> {
                Sample old = store.register(at);
                Sample now = old == null ? new Sample(at, reading.value(), false) : old.merge(reading.value());
                if (now.equals(old)) {
                    return new Insert(false, old.conflict(), old);
                }
                store.putRegister(now);
                return new Insert(true, now.conflict(), old);
            }
            case POWER -> {
                Sample old = store.power(at);
                Sample now = old == null ? new Sample(at, reading.value(), false) : old.merge(reading.value());
                if (now.equals(old)) {
                    return new Insert(false, old.conflict(), old);
                }
                store.putPower(now);
                return new Insert(true, now.conflict(), old);
            }
            case INTERVAL_ENERGY -> {
                long start = reading.intervalStart().toEpochMilli();
                IntervalSample old = store.interval(start);
                IntervalSample now = old == null ? new IntervalSample(start, at, reading.value(), false)
                        : old.merge(at, reading.value());
                if (now.equals(old)) {
                    return new Insert(false, old.conflict(), null);
                }
                store.putInterval(now);
                return new Insert(true, now.conflict(), null, old == null ? at : Math.max(old.end(), at));
            }
            default -> throw new IllegalArgumentException("unknown reading kind " + reading.kind());
        }
    }

    /**
     * Moves the watermark and notes the reading's kind and time; evicts what fell out of the horizon. Returns the
     * new bookkeeping, whose {@code frozenFrom} is the first hour that may still change.
     */
    private SeriesMeta advance(SeriesMeta meta, ReadingKind kind, long at, SeriesStore store) {
        SeriesMeta base = meta == null
                ? new SeriesMeta(at, resolution.floor(at - rules.horizonMs()), Long.MAX_VALUE, Long.MIN_VALUE, 0) : meta;
        long watermark = Math.max(base.watermark(), at);
        long frozen = Math.max(base.frozenFrom(), resolution.floor(watermark - rules.horizonMs()));
        long first = base.firstRegister();
        if (frozen > base.frozenFrom()) {
            store.evictBefore(frozen);
            first = store.firstRegister();
        }
        SeriesMeta next = new SeriesMeta(watermark, frozen, first, base.lastRegister(), base.kinds()).with(kind, at);
        if (next.equals(meta)) {
            return next;
        }
        // The newest register reading and power sample stay in the store (evictions keep them), and the store
        // derives the watermark and the last register reading from them when it reads the bookkeeping back. A
        // register or power reading that moves only those two need not write the bookkeeping again: most readings.
        boolean derivable = meta != null && kind != ReadingKind.INTERVAL_ENERGY
                && next.frozenFrom() == meta.frozenFrom() && next.firstRegister() == meta.firstRegister()
                && next.kinds() == meta.kinds();
        if (derivable) {
            store.noteMeta(next);
        } else {
            store.putMeta(next);
        }
        return next;
    }

    /**
     * The hours a register reading can change: those of every step that differs between the series without it
     * and with it (a reading can reclassify steps beyond its neighbours, e.g. across a run of outliers), found in
     * a window around it that is widened until the differences stay clear of its edges. The first register reading
     * of a series also turns the power hours after it into estimates.
     */
    private long[] registerChange(SeriesStore store, long at, Sample replaced, MeterLimits limits, SeriesMeta meta) {
        long watermark = meta.watermark();
        for (int context = INITIAL_CONTEXT; ; context *= 2) {
            RegisterWindow window = store.registersAround(at, at, context, meta.firstRegister(),
                    meta.lastRegister());
            List<Sample> now = window.readings();
            List<Sample> before = new ArrayList<>(now.size());
            for (Sample s : now) {
                if (s.at() != at) {
                    before.add(s);
                } else if (replaced != null) {
                    before.add(replaced);
                }
            }
            long[] changed = differingSpan(classifier.classify(before, limits).segments(),
                    classifier.classify(now, limits).segments(), at);
            boolean whole = window.startsAtFirst() && window.endsAtLast();
            int n = now.size();
            boolean clear = n >= 3 && (window.startsAtFirst() || changed[0] > now.get(1).at())
                    && (window.endsAtLast() || changed[1] < now.get(n - 2).at());
            if (whole || clear) {
                long lo = changed[0];
                long hi = changed[1];
                if (n == 1) {
                    hi = Math.max(hi, watermark);
                }
                return new long[] {resolution.floor(lo), resolution.end(resolution.floor(hi))};
            }
        }
    }

    /** {@code [lo, hi]}: the time span of the steps in one list and not the other (at least {@code at}). */
    private static long[] differingSpan(List<Segment> was, List<Segment> now, long at) {
        long lo = at;
        long hi = at;
        Set<Segment> old = new HashSet<>(was);
        Set<Segment> fresh = new HashSet<>(now);
        for (Segment s : now) {
            if (!old.contains(s)) {
                lo = Math.min(lo, s.from());
                hi = Math.max(hi, s.to());
            }
        }
        for (Segment s : was) {
            if (!fresh.contains(s)) {
                lo = Math.min(lo, s.from());
                hi = Math.max(hi, s.to());
            }
        }
        return new long[] {lo, hi};
    }

    /** {@code [fromHour, toHour)} whose values an inserted power sample or interval value can change. */
    private long[] affectedHours(Reading reading, long intervalEnd, SeriesStore store) {
        long at = reading.timestamp().toEpochMilli();
        if (reading.kind() == ReadingKind.INTERVAL_ENERGY) {
            return new long[] {resolution.floor(reading.intervalStart().toEpochMilli()), resolution.ceil(intervalEnd)};
        }
        long gap = rules.powerMaxGapMs();
        // Neighbours further away than the gap are never integrated with this sample, so they change nothing.
        Sample before = store.powerBefore(at, gap);
        Sample after = store.powerAfter(at, gap);
        long lo = before == null ? at : before.at();
        long hi = after == null ? at : after.at();
        return new long[] {resolution.floor(lo), resolution.end(resolution.floor(hi))};
    }
}
