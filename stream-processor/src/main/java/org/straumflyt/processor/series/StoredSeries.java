package org.straumflyt.processor.series;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The state of one meter-register in the shared meter store, read and written there directly, one section per kind
 * of entry ({@link SeriesKeys}): bookkeeping, register readings and power samples, interval values, emitted hours
 * and counted register events. Values are {@link SampleCodec}'s (hours: {@code HourCodec}'s).
 */
public final class StoredSeries implements SampleSeries {
    private final KeyValueStore<Bytes, byte[]> store;
    private final SeriesKeys keys;

    public StoredSeries(KeyValueStore<Bytes, byte[]> store, String meterId, String register) {
        this(store, new SeriesKeys(meterId, register));
    }

    StoredSeries(KeyValueStore<Bytes, byte[]> store, SeriesKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    // bookkeeping

    @Override
    public SeriesMeta meta() {
        byte[] bytes = storedMeta();
        return bytes == null ? null : derived(bytes, newest(SeriesKeys.REGISTER), newest(SeriesKeys.POWER));
    }

    byte[] storedMeta() {
        return store.get(keys.key(SeriesKeys.META, 0));
    }

    /**
     * The stored bookkeeping with the watermark and the last register reading it need not have been written with
     * (see {@link #noteMeta}): the newest samples give them exactly.
     */
    static SeriesMeta derived(byte[] bytes, long newestRegister, long newestPower) {
        SeriesMeta stored = SampleCodec.meta(bytes);
        long newest = Math.max(newestRegister, newestPower);
        return new SeriesMeta(Math.max(stored.watermark(), newest), stored.frozenFrom(), stored.firstRegister(),
                Math.max(stored.lastRegister(), newestRegister), stored.kinds());
    }

    /** The time of the newest sample of a kind, {@code Long.MIN_VALUE} without any. */
    long newest(byte kind) {
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.first(kind), keys.last(kind))) {
            return it.hasNext() ? SeriesKeys.timeOf(it.next().key) : Long.MIN_VALUE;
        }
    }

    @Override
    public void noteMeta(SeriesMeta meta) {
        // derived from the newest samples when read back
    }

    @Override
    public void putMeta(SeriesMeta meta) {
        store.put(keys.key(SeriesKeys.META, 0), SampleCodec.meta(meta));
    }

    // register readings and power samples

    @Override
    public Sample register(long at) {
        return sampleAt(SeriesKeys.REGISTER, at);
    }

    @Override
    public Sample power(long at) {
        return sampleAt(SeriesKeys.POWER, at);
    }

    Sample sampleAt(byte kind, long at) {
        return SampleCodec.sample(at, store.get(keys.key(kind, at)));
    }

    @Override
    public void putRegister(Sample s) {
        put(SeriesKeys.REGISTER, s);
    }

    @Override
    public void putPower(Sample s) {
        put(SeriesKeys.POWER, s);
    }

    void put(byte kind, Sample s) {
        store.put(keys.key(kind, s.at()), SampleCodec.sample(s));
    }

    /** The newest samples of a kind as {@code cache} keeps them, read newest first. */
    RecentSamples recent(byte kind, SampleCache cache) {
        List<Sample> newestFirst = new ArrayList<>();
        boolean complete = true;
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.first(kind), keys.last(kind))) {
            long newest = 0;
            while (it.hasNext()) {
                Sample s = SampleCodec.next(it);
                if (newestFirst.isEmpty()) {
                    newest = s.at();
                } else if (newestFirst.size() >= cache.keepCount() && s.at() < newest - cache.keepMs()) {
                    complete = false;
                    break;
                }
                newestFirst.add(s);
            }
        }
        return new RecentSamples(newestFirst, complete);
    }

    @Override
    public RegisterWindow registersAround(long from, long to, int extra, long first, long last) {
        return RegisterScan.around(store, keys, from, to, extra, first, last);
    }

    @Override
    public long firstRegister() {
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.REGISTER),
                keys.last(SeriesKeys.REGISTER))) {
            return it.hasNext() ? SeriesKeys.timeOf(it.next().key) : Long.MAX_VALUE;
        }
    }

    @Override
    public List<Sample> power(long from, long to) {
        List<Sample> result = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.key(SeriesKeys.POWER, from),
                keys.key(SeriesKeys.POWER, to))) {
            while (it.hasNext()) {
                result.add(SampleCodec.next(it));
            }
        }
        return result;
    }

    @Override
    public Sample powerBefore(long at, long within) {
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.key(SeriesKeys.POWER, at - within),
                keys.key(SeriesKeys.POWER, at - 1))) {
            return it.hasNext() ? SampleCodec.next(it) : null;
        }
    }

    @Override
    public Sample powerAfter(long at, long within) {
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.key(SeriesKeys.POWER, at + 1),
                keys.key(SeriesKeys.POWER, at + within))) {
            return it.hasNext() ? SampleCodec.next(it) : null;
        }
    }

    // interval values

    public IntervalSample interval(long start) {
        byte[] bytes = store.get(keys.key(SeriesKeys.INTERVAL, start));
        return bytes == null ? null : SampleCodec.interval(start, bytes);
    }

    public void putInterval(IntervalSample s) {
        store.put(keys.key(SeriesKeys.INTERVAL, s.start()), SampleCodec.interval(s));
    }

    /** Every retained interval value, by start. */
    public List<IntervalSample> intervals() {
        List<IntervalSample> result = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.INTERVAL),
                keys.last(SeriesKeys.INTERVAL))) {
            while (it.hasNext()) {
                var kv = it.next();
                result.add(SampleCodec.interval(SeriesKeys.timeOf(kv.key), kv.value));
            }
        }
        return result;
    }

    // emitted hours and quarter-hours

    public EmittedHour emitted(long hourStart) {
        return emitted(SeriesKeys.HOUR, hourStart);
    }

    /** What was emitted for a bucket of a kind ({@link SeriesKeys#HOUR} or {@link SeriesKeys#QUARTER}). */
    public EmittedHour emitted(byte kind, long start) {
        byte[] bytes = store.get(keys.key(kind, start));
        return bytes == null ? null : HourCodec.emitted(start, bytes);
    }

    /** Every hour still held (not yet final) that was emitted, in time order. */
    public List<EmittedHour> emittedHours() {
        return emittedBuckets(SeriesKeys.HOUR);
    }

    /** Every bucket of a kind still held (not yet final) that was emitted, in time order. */
    public List<EmittedHour> emittedBuckets(byte kind) {
        List<Long> starts = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(kind), keys.last(kind))) {
            it.forEachRemaining(kv -> starts.add(SeriesKeys.timeOf(kv.key)));
        }
        return starts.stream().map(t -> emitted(kind, t)).toList();
    }

    public void putEmitted(EmittedHour hour) {
        putEmitted(SeriesKeys.HOUR, hour);
    }

    public void putEmitted(byte kind, EmittedHour bucket) {
        store.put(keys.key(kind, bucket.value().hourStart()), HourCodec.emitted(bucket));
    }

    // register events

    /** Whether the event was already counted; marks it as counted. */
    public boolean markEvent(RegisterEvent event) {
        Bytes key = keys.key(SeriesKeys.EVENT, event.at());
        int known = SampleCodec.eventBits(store.get(key));
        int bit = 1 << event.type().ordinal();
        if ((known & bit) != 0) {
            return true;
        }
        store.put(key, SampleCodec.eventBits(known | bit));
        return false;
    }

    // eviction

    @Override
    public void evictBefore(long frozenFrom) {
        deleteSamplesBefore(frozenFrom);
        deleteIntervalsBefore(frozenFrom);
    }

    /** Hours and events before {@code frozenFrom}; register readings and power samples but their anchors. */
    void deleteSamplesBefore(long frozenFrom) {
        deleteBefore(SeriesKeys.HOUR, frozenFrom, 0);
        deleteBefore(SeriesKeys.QUARTER, frozenFrom, 0);
        deleteBefore(SeriesKeys.EVENT, frozenFrom, 0);
        deleteBefore(SeriesKeys.REGISTER, frozenFrom, 2);
        deleteBefore(SeriesKeys.POWER, frozenFrom, 1);
    }

    /** Interval values ending at or before {@code frozenFrom}. */
    void deleteIntervalsBefore(long frozenFrom) {
        List<Bytes> doomed = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.INTERVAL),
                keys.key(SeriesKeys.INTERVAL, frozenFrom))) {
            while (it.hasNext()) {
                var kv = it.next();
                if (SampleCodec.intervalEnd(kv.value) <= frozenFrom) {
                    doomed.add(kv.key);
                }
            }
        }
        doomed.forEach(store::delete);
    }

    private void deleteBefore(byte kind, long time, int keepNewest) {
        List<Bytes> doomed = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.first(kind), keys.key(kind, time - 1))) {
            int skipped = 0;
            while (it.hasNext()) {
                Bytes key = it.next().key;
                if (skipped++ >= keepNewest) {
                    doomed.add(key);
                }
            }
        }
        doomed.forEach(store::delete);
    }
}
