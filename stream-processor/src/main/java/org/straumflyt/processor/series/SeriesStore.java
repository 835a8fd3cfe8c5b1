package org.straumflyt.processor.series;

import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The state of one meter-register as the meter stage reads it: the {@link StoredSeries} in the meter store, with the
 * newest register readings and power samples (and the bookkeeping) answered from the task's {@link SampleCache}
 * where it holds them. Every write and eviction goes to the store and keeps the cache in step.
 */
public final class SeriesStore implements SampleSeries {
    private final StoredSeries stored;
    private final SampleCache cache;
    private final String cacheKey;

    public SeriesStore(KeyValueStore<Bytes, byte[]> store, String meterId, String register, SampleCache cache) {
        this.stored = new StoredSeries(store, meterId, register);
        this.cache = cache;
        this.cacheKey = SampleCache.key(meterId, register);
    }

    @Override
    public SeriesMeta meta() {
        if (cache.holdsMeta(cacheKey)) {
            return cache.meta(cacheKey);
        }
        byte[] bytes = stored.storedMeta();
        SeriesMeta meta = bytes == null ? null
                : StoredSeries.derived(bytes, newest(SeriesKeys.REGISTER), newest(SeriesKeys.POWER));
        cache.metaSeen(cacheKey, meta);
        return meta;
    }

    /** The time of the newest sample of a kind, {@code Long.MIN_VALUE} without any. */
    private long newest(byte kind) {
        RecentSamples held = recent(kind);
        return held.size() == 0 ? Long.MIN_VALUE : held.timeAt(held.size() - 1);
    }

    @Override
    public void noteMeta(SeriesMeta meta) {
        cache.metaSeen(cacheKey, meta);
    }

    @Override
    public void putMeta(SeriesMeta meta) {
        stored.putMeta(meta);
        cache.metaSeen(cacheKey, meta);
    }

    @Override
    public Sample register(long at) {
        return sampleAt(SeriesKeys.REGISTER, at);
    }

    @Override
    public Sample power(long at) {
        return sampleAt(SeriesKeys.POWER, at);
    }

    @Override
    public void putRegister(Sample s) {
        put(SeriesKeys.REGISTER, s);
    }

    @Override
    public void putPower(Sample s) {
        put(SeriesKeys.POWER, s);
    }

    private Sample sampleAt(byte kind, long at) {
        RecentSamples held = recent(kind);
        return held.covers(at) ? held.get(at) : stored.sampleAt(kind, at);
    }

    private void put(byte kind, Sample s) {
        stored.put(kind, s);
        cache.written(cacheKey, kind, s);
    }

    /** The samples of a kind held in memory, loaded on first use. */
    private RecentSamples recent(byte kind) {
        RecentSamples held = cache.get(cacheKey, kind);
        if (held == null) {
            held = stored.recent(kind, cache);
            cache.loaded(cacheKey, kind, held);
        }
        return held;
    }

    @Override
    public RegisterWindow registersAround(long from, long to, int extra, long first, long last) {
        RecentSamples held = recent(SeriesKeys.REGISTER);
        if (held.covers(from)) {
            int start = held.indexFrom(from);
            if (start >= extra || held.complete()) {
                int lo = Math.max(0, start - extra);
                int hi = Math.min(held.size(), held.indexAfter(to) + extra);
                return new RegisterWindow(held.slice(lo, hi), lo == 0 && held.complete(), hi == held.size());
            }
        }
        return stored.registersAround(from, to, extra, first, last);
    }

    @Override
    public long firstRegister() {
        RecentSamples held = recent(SeriesKeys.REGISTER);
        if (held.complete()) {
            return held.size() == 0 ? Long.MAX_VALUE : held.timeAt(0);
        }
        return stored.firstRegister();
    }

    @Override
    public List<Sample> power(long from, long to) {
        RecentSamples held = recent(SeriesKeys.POWER);
        if (held.covers(from)) {
            return held.slice(held.indexFrom(from), held.indexAfter(to));
        }
        return stored.power(from, to);
    }

    @Override
    public Sample powerBefore(long at, long within) {
        RecentSamples held = recent(SeriesKeys.POWER);
        int i = held.indexFrom(at) - 1;
        if (i >= 0) {
            return held.timeAt(i) >= at - within ? held.sample(i) : null;
        }
        if (held.covers(at - within)) {
            return null;
        }
        return stored.powerBefore(at, within);
    }

    @Override
    public Sample powerAfter(long at, long within) {
        RecentSamples held = recent(SeriesKeys.POWER);
        if (held.covers(at + 1)) {
            int i = held.indexAfter(at);
            return i < held.size() && held.timeAt(i) <= at + within ? held.sample(i) : null;
        }
        return stored.powerAfter(at, within);
    }

    public IntervalSample interval(long start) {
        return stored.interval(start);
    }

    public void putInterval(IntervalSample s) {
        stored.putInterval(s);
    }

    /** Every retained interval value, by start. */
    public List<IntervalSample> intervals() {
        return stored.intervals();
    }

    public EmittedHour emitted(long hourStart) {
        return stored.emitted(hourStart);
    }

    /** Every hour still held (not yet final) that was emitted, in time order. */
    public List<EmittedHour> emittedHours() {
        return stored.emittedHours();
    }

    public void putEmitted(EmittedHour hour) {
        stored.putEmitted(hour);
    }

    /** Whether the event was already counted; marks it as counted. */
    public boolean markEvent(RegisterEvent event) {
        return stored.markEvent(event);
    }

    @Override
    public void evictBefore(long frozenFrom) {
        stored.deleteSamplesBefore(frozenFrom);
        cache.deletedBefore(cacheKey, SeriesKeys.REGISTER, frozenFrom, 2);
        cache.deletedBefore(cacheKey, SeriesKeys.POWER, frozenFrom, 1);
        stored.deleteIntervalsBefore(frozenFrom);
    }
}
