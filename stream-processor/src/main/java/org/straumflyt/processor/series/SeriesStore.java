package org.straumflyt.processor.series;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.processor.metering.HourCodec;

/**
 * Typed access to the state of one meter-register in the shared meter store: its readings within the lateness
 * horizon sorted by time, the hours it has emitted, and the register events already counted.
 */
public final class SeriesStore {
    /** The first look-back (or look-ahead) of a bounded scan, ms; it grows by {@link #SPAN_GROWTH} each time. */
    private static final long FIRST_SPAN_MS = 3_600_000L;
    private static final long SPAN_GROWTH = 8;
    /** Beyond this span (4,096 h, about 170 days) a scan goes to the end of the series. */
    private static final long LAST_SPAN_MS = FIRST_SPAN_MS * 8 * 8 * 8 * 8;

    private final KeyValueStore<Bytes, byte[]> store;
    private final SeriesKeys keys;
    private final SampleCache cache;
    private final String cacheKey;

    public SeriesStore(KeyValueStore<Bytes, byte[]> store, String meterId, String register) {
        this(store, meterId, register, null);
    }

    /**
     * @param cache the newest samples held in memory, or {@code null}: register readings and power samples are then
     *              read from the cache where it holds them, and every write and eviction keeps it in step
     */
    public SeriesStore(KeyValueStore<Bytes, byte[]> store, String meterId, String register, SampleCache cache) {
        this.store = store;
        this.keys = new SeriesKeys(meterId, register);
        this.cache = cache;
        this.cacheKey = cache == null ? null : SampleCache.key(meterId, register);
    }

    public SeriesMeta meta() {
        if (cache != null && cache.holdsMeta(cacheKey)) {
            return cache.meta(cacheKey);
        }
        byte[] bytes = store.get(keys.key(SeriesKeys.META, 0));
        SeriesMeta meta = null;
        if (bytes != null) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            SeriesMeta stored = new SeriesMeta(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getInt());
            // written only when more than these two moved (see noteMeta): the newest samples give them exactly
            long newestRegister = newest(SeriesKeys.REGISTER);
            long newest = Math.max(newestRegister, newest(SeriesKeys.POWER));
            meta = new SeriesMeta(Math.max(stored.watermark(), newest), stored.frozenFrom(), stored.firstRegister(),
                    Math.max(stored.lastRegister(), newestRegister), stored.kinds());
        }
        if (cache != null) {
            cache.metaSeen(cacheKey, meta);
        }
        return meta;
    }

    /** The time of the newest sample of a kind, {@code Long.MIN_VALUE} without any. */
    private long newest(byte kind) {
        RecentSamples held = recent(kind);
        if (held != null) {
            return held.size() == 0 ? Long.MIN_VALUE : held.timeAt(held.size() - 1);
        }
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.first(kind), keys.last(kind))) {
            return it.hasNext() ? SeriesKeys.timeOf(it.next().key) : Long.MIN_VALUE;
        }
    }

    /**
     * Takes bookkeeping that differs from the stored one only in its watermark and last register reading, each
     * no later than the newest register reading or power sample in the store: {@link #meta} derives both from
     * those samples, so the store is not written, only the copy in memory follows.
     */
    public void noteMeta(SeriesMeta meta) {
        if (cache != null) {
            cache.metaSeen(cacheKey, meta);
        }
    }

    public void putMeta(SeriesMeta meta) {
        store.put(keys.key(SeriesKeys.META, 0), ByteBuffer.allocate(36).putLong(meta.watermark())
                .putLong(meta.frozenFrom()).putLong(meta.firstRegister()).putLong(meta.lastRegister())
                .putInt(meta.kinds()).array());
        if (cache != null) {
            cache.metaSeen(cacheKey, meta);
        }
    }

    public Sample register(long at) {
        return sampleAt(SeriesKeys.REGISTER, at);
    }

    public Sample power(long at) {
        return sampleAt(SeriesKeys.POWER, at);
    }

    public void putRegister(Sample s) {
        put(SeriesKeys.REGISTER, s);
    }

    public void putPower(Sample s) {
        put(SeriesKeys.POWER, s);
    }

    private Sample sampleAt(byte kind, long at) {
        RecentSamples held = recent(kind);
        if (held != null && held.covers(at)) {
            return held.get(at);
        }
        return sample(at, store.get(keys.key(kind, at)));
    }

    private void put(byte kind, Sample s) {
        store.put(keys.key(kind, s.at()), encode(s));
        if (cache != null) {
            cache.written(cacheKey, kind, s);
        }
    }

    /** The samples of a kind held in memory, loaded on first use; {@code null} without a cache. */
    private RecentSamples recent(byte kind) {
        if (cache == null) {
            return null;
        }
        RecentSamples held = cache.get(cacheKey, kind);
        if (held == null) {
            held = load(kind);
            cache.loaded(cacheKey, kind, held);
        }
        return held;
    }

    /** The newest samples of a kind as the cache keeps them, read newest first. */
    private RecentSamples load(byte kind) {
        List<Sample> newestFirst = new ArrayList<>();
        boolean complete = true;
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.first(kind), keys.last(kind))) {
            long newest = 0;
            while (it.hasNext()) {
                Sample s = next(it);
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

    /**
     * The register readings with time in {@code [from, to]} plus up to {@code extra} readings on either side, by
     * time, and whether the window reaches the first and the last reading of the series. {@code first} and
     * {@code last} are the times of the series' first and last register readings (from its {@link SeriesMeta}):
     * store range scans cost in proportion to the entries they cover (the record cache copies its keys), so each
     * side looks over a span that grows until it has enough readings or has passed the end of the series.
     */
    public RegisterWindow registersAround(long from, long to, int extra, long first, long last) {
        RecentSamples held = recent(SeriesKeys.REGISTER);
        if (held != null && held.covers(from)) {
            int start = held.indexFrom(from);
            if (start >= extra || held.complete()) {
                int lo = Math.max(0, start - extra);
                int hi = Math.min(held.size(), held.indexAfter(to) + extra);
                return new RegisterWindow(held.slice(lo, hi), lo == 0 && held.complete(), hi == held.size());
            }
        }
        List<Sample> before = List.of();
        boolean startsAtFirst = false;
        for (long span = FIRST_SPAN_MS; !startsAtFirst; span *= SPAN_GROWTH) {
            long start = from - span <= first || span > LAST_SPAN_MS ? Long.MIN_VALUE : from - span;
            before = scan(SeriesKeys.REGISTER, start, from - 1, true, extra, Long.MAX_VALUE);
            if (before.size() == extra) {
                break;
            }
            startsAtFirst = start == Long.MIN_VALUE;
        }
        List<Sample> window = new ArrayList<>(before);
        Collections.reverse(window);
        List<Sample> inside = List.of();
        boolean endsAtLast = false;
        for (long span = FIRST_SPAN_MS; !endsAtLast; span *= SPAN_GROWTH) {
            long end = to + span >= last || span > LAST_SPAN_MS ? Long.MAX_VALUE : to + span;
            inside = scan(SeriesKeys.REGISTER, from, end, false, extra, to);
            if (countAfter(inside, to) == extra) {
                break;
            }
            endsAtLast = end == Long.MAX_VALUE;
        }
        window.addAll(inside);
        return new RegisterWindow(window, startsAtFirst, endsAtLast);
    }

    /**
     * Samples of a kind with time in {@code [from, to]}, ascending (or descending), stopping once {@code limit}
     * samples later than {@code after} have been taken (descending: once {@code limit} samples have been taken).
     */
    private List<Sample> scan(byte kind, long from, long to, boolean descending, int limit, long after) {
        List<Sample> found = new ArrayList<>();
        int counted = 0;
        try (KeyValueIterator<Bytes, byte[]> it = descending
                ? store.reverseRange(keys.key(kind, from), keys.key(kind, to))
                : store.range(keys.key(kind, from), keys.key(kind, to))) {
            while (it.hasNext() && counted < limit) {
                Sample s = next(it);
                found.add(s);
                if (descending || s.at() > after) {
                    counted++;
                }
            }
        }
        return found;
    }

    private static int countAfter(List<Sample> samples, long at) {
        int n = 0;
        for (Sample s : samples) {
            if (s.at() > at) {
                n++;
            }
        }
        return n;
    }

    /** The time of the first register reading, or {@code Long.MAX_VALUE} without any. */
    public long firstRegister() {
        RecentSamples held = recent(SeriesKeys.REGISTER);
        if (held != null && held.complete()) {
            return held.size() == 0 ? Long.MAX_VALUE : held.timeAt(0);
        }
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.REGISTER),
                keys.last(SeriesKeys.REGISTER))) {
            return it.hasNext() ? SeriesKeys.timeOf(it.next().key) : Long.MAX_VALUE;
        }
    }

    /** Power samples with time in {@code [from, to]}, by time. */
    public List<Sample> power(long from, long to) {
        RecentSamples held = recent(SeriesKeys.POWER);
        if (held != null && held.covers(from)) {
            return held.slice(held.indexFrom(from), held.indexAfter(to));
        }
        return samples(SeriesKeys.POWER, from, to);
    }

    /** The last power sample in {@code [at - within, at)}, or {@code null}. */
    public Sample powerBefore(long at, long within) {
        RecentSamples held = recent(SeriesKeys.POWER);
        if (held != null) {
            int i = held.indexFrom(at) - 1;
            if (i >= 0) {
                return held.timeAt(i) >= at - within ? held.sample(i) : null;
            }
            if (held.covers(at - within)) {
                return null;
            }
        }
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(keys.key(SeriesKeys.POWER, at - within),
                keys.key(SeriesKeys.POWER, at - 1))) {
            return it.hasNext() ? next(it) : null;
        }
    }

    /** The first power sample in {@code (at, at + within]}, or {@code null}. */
    public Sample powerAfter(long at, long within) {
        RecentSamples held = recent(SeriesKeys.POWER);
        if (held != null && held.covers(at + 1)) {
            int i = held.indexAfter(at);
            return i < held.size() && held.timeAt(i) <= at + within ? held.sample(i) : null;
        }
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.key(SeriesKeys.POWER, at + 1),
                keys.key(SeriesKeys.POWER, at + within))) {
            return it.hasNext() ? next(it) : null;
        }
    }

    public IntervalSample interval(long start) {
        byte[] bytes = store.get(keys.key(SeriesKeys.INTERVAL, start));
        return bytes == null ? null : decodeInterval(start, bytes);
    }

    public void putInterval(IntervalSample s) {
        store.put(keys.key(SeriesKeys.INTERVAL, s.start()),
                ByteBuffer.allocate(17).putLong(s.end()).putDouble(s.kwh()).put((byte) (s.conflict() ? 1 : 0)).array());
    }

    /** Every retained interval value, by start. */
    public List<IntervalSample> intervals() {
        List<IntervalSample> result = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.INTERVAL),
                keys.last(SeriesKeys.INTERVAL))) {
            while (it.hasNext()) {
                var kv = it.next();
                result.add(decodeInterval(SeriesKeys.timeOf(kv.key), kv.value));
            }
        }
        return result;
    }

    public EmittedHour emitted(long hourStart) {
        byte[] bytes = store.get(keys.key(SeriesKeys.HOUR, hourStart));
        return bytes == null ? null : HourCodec.emitted(hourStart, bytes);
    }

    /** Every hour still held (not yet final) that was emitted, in time order. */
    public List<EmittedHour> emittedHours() {
        List<Long> hours = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.HOUR),
                keys.last(SeriesKeys.HOUR))) {
            it.forEachRemaining(kv -> hours.add(SeriesKeys.timeOf(kv.key)));
        }
        return hours.stream().map(this::emitted).toList();
    }

    public void putEmitted(EmittedHour hour) {
        store.put(keys.key(SeriesKeys.HOUR, hour.value().hourStart()), HourCodec.emitted(hour));
    }

    /** Whether the event was already counted; marks it as counted. */
    public boolean markEvent(RegisterEvent event) {
        Bytes key = keys.key(SeriesKeys.EVENT, event.at());
        byte[] old = store.get(key);
        int known = old == null ? 0 : ByteBuffer.wrap(old).getInt();
        int bit = 1 << event.type().ordinal();
        if ((known & bit) != 0) {
            return true;
        }
        store.put(key, ByteBuffer.allocate(4).putInt(known | bit).array());
        return false;
    }

    /**
     * Drops what is no longer needed once hours before {@code frozenFrom} are final: hours, events and intervals
     * ending before it, and readings before it except the anchors the next steps start from (two register
     * readings, one power sample).
     */
    public void evictBefore(long frozenFrom) {
        deleteBefore(SeriesKeys.HOUR, frozenFrom, 0);
        deleteBefore(SeriesKeys.EVENT, frozenFrom, 0);
        deleteBefore(SeriesKeys.REGISTER, frozenFrom, 2);
        deleteBefore(SeriesKeys.POWER, frozenFrom, 1);
        if (cache != null) {
            cache.deletedBefore(cacheKey, SeriesKeys.REGISTER, frozenFrom, 2);
            cache.deletedBefore(cacheKey, SeriesKeys.POWER, frozenFrom, 1);
        }
        List<Bytes> doomed = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.first(SeriesKeys.INTERVAL),
                keys.key(SeriesKeys.INTERVAL, frozenFrom))) {
            while (it.hasNext()) {
                var kv = it.next();
                if (ByteBuffer.wrap(kv.value).getLong() <= frozenFrom) {
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

    private List<Sample> samples(byte kind, long from, long to) {
        List<Sample> result = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(keys.key(kind, from), keys.key(kind, to))) {
            while (it.hasNext()) {
                result.add(next(it));
            }
        }
        return result;
    }

    private static Sample next(KeyValueIterator<Bytes, byte[]> it) {
        var kv = it.next();
        return sample(SeriesKeys.timeOf(kv.key), kv.value);
    }

    private static Sample sample(long at, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Sample(at, b.getDouble(), b.get() != 0);
    }

    private static byte[] encode(Sample s) {
        return ByteBuffer.allocate(9).putDouble(s.value()).put((byte) (s.conflict() ? 1 : 0)).array();
    }

    private static IntervalSample decodeInterval(long start, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new IntervalSample(start, b.getLong(), b.getDouble(), b.get() != 0);
    }
}
