package org.straumflyt.processor.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Reading;

/**
 * Applies one reading to the state of its meter-register and recomputes the hours it can change. The hours of a
 * meter-register depend only on the set of readings within the horizon: a reading is inserted in time order, only
 * the affected hours are recomputed, and an hour is emitted again (revision + 1) only when its value changed.
 */
public final class MeterEngine {
    /** Register readings on either side of an inserted one whose steps may be reclassified. */
    private static final int REGISTER_CONTEXT = 3;

    private final MeteringRules rules;
    private final RegisterClassifier classifier;
    private final HourCalculator calculator;

    public MeterEngine(MeteringRules rules) {
        this.rules = rules;
        this.classifier = new RegisterClassifier(rules);
        this.calculator = new HourCalculator(rules);
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
        long frozen = advance(meta, at, store);
        long[] range = affectedHours(reading, store);
        long from = Math.max(range[0], frozen);
        long to = range[1];
        RegisterAnalysis register = classifier.classify(store.registers(), limits);
        List<EmittedHour> changed = new ArrayList<>();
        if (from < to) {
            MeterSeriesData data = new MeterSeriesData(register,
                    store.power(from - rules.powerMaxGapMs(), to + rules.powerMaxGapMs()), store.intervals());
            for (Map.Entry<Long, HourValue> e : calculator.compute(data, from, to).entrySet()) {
                EmittedHour before = store.emitted(e.getKey());
                if (before == null || !before.value().equals(e.getValue())) {
                    EmittedHour now = new EmittedHour(e.getValue(), before == null ? 1 : before.revision() + 1);
                    store.putEmitted(now);
                    changed.add(now);
                }
            }
        }
        List<RegisterEvent> newEvents = new ArrayList<>();
        for (RegisterEvent event : register.events()) {
            if (event.at() >= frozen && !store.markEvent(event)) {
                newEvents.add(event);
            }
        }
        return new MeterUpdate.Applied(changed, newEvents, insert.conflict);
    }

    private record Insert(boolean changed, boolean conflict) {
    }

    private static Insert insert(Reading reading, SeriesStore store) {
        long at = reading.timestamp().toEpochMilli();
        switch (reading.kind()) {
            case ENERGY_REGISTER -> {
                Sample old = store.register(at);
                Sample now = old == null ? new Sample(at, reading.value(), false) : old.merge(reading.value());
                if (now.equals(old)) {
                    return new Insert(false, old.conflict());
                }
                store.putRegister(now);
                return new Insert(true, now.conflict());
            }
            case POWER -> {
                Sample old = store.power(at);
                Sample now = old == null ? new Sample(at, reading.value(), false) : old.merge(reading.value());
                if (now.equals(old)) {
                    return new Insert(false, old.conflict());
                }
                store.putPower(now);
                return new Insert(true, now.conflict());
            }
            case INTERVAL_ENERGY -> {
                long start = reading.intervalStart().toEpochMilli();
                IntervalSample old = store.interval(start);
                IntervalSample now = old == null ? new IntervalSample(start, at, reading.value(), false)
                        : old.merge(at, reading.value());
                if (now.equals(old)) {
                    return new Insert(false, old.conflict());
                }
                store.putInterval(now);
                return new Insert(true, now.conflict());
            }
            default -> throw new IllegalArgumentException("unknown reading kind " + reading.kind());
        }
    }

    /** Moves the watermark; evicts what fell out of the horizon. Returns the first hour that may still change. */
    private long advance(SeriesMeta meta, long at, SeriesStore store) {
        long watermark = meta == null ? at : Math.max(meta.watermark(), at);
        long frozen = Hours.floor(watermark - rules.horizonMs());
        if (meta != null) {
            frozen = Math.max(frozen, meta.frozenFrom());
            if (frozen > meta.frozenFrom()) {
                store.evictBefore(frozen);
            }
        }
        if (meta == null || watermark != meta.watermark() || frozen != meta.frozenFrom()) {
            store.putMeta(new SeriesMeta(watermark, frozen));
        }
        return frozen;
    }

    /** {@code [fromHour, toHour)} whose values the inserted reading can change. */
    private long[] affectedHours(Reading reading, SeriesStore store) {
        long at = reading.timestamp().toEpochMilli();
        return switch (reading.kind()) {
            case ENERGY_REGISTER -> {
                List<Sample> registers = store.registers();
                int index = indexOf(registers, at);
                long lo = registers.get(Math.max(0, index - REGISTER_CONTEXT)).at();
                long hi = registers.get(Math.min(registers.size() - 1, index + REGISTER_CONTEXT)).at();
                yield new long[] {Hours.floor(lo), Hours.floor(hi) + Hours.MS};
            }
            case POWER -> {
                long gap = rules.powerMaxGapMs();
                Sample before = store.powerBefore(at);
                Sample after = store.powerAfter(at);
                long lo = before == null ? at : Math.max(before.at(), at - gap);
                long hi = after == null ? at : Math.min(after.at(), at + gap);
                yield new long[] {Hours.floor(lo), Hours.floor(hi) + Hours.MS};
            }
            case INTERVAL_ENERGY -> new long[] {Hours.floor(reading.intervalStart().toEpochMilli()), Hours.ceil(at)};
        };
    }

    private static int indexOf(List<Sample> samples, long at) {
        int lo = 0;
        int hi = samples.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long t = samples.get(mid).at();
            if (t < at) {
                lo = mid + 1;
            } else if (t > at) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("reading at " + at + " was just stored but is not in the series");
    }
}
