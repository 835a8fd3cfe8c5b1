package org.straumflyt.processor.series;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest register readings and power samples of the meter-registers one meter stage works on, in memory, so that
 * the neighbours of a reading in time order are found without store range scans. A read-through copy of the meter
 * store: every write goes to the store and, when the span is held here, to this copy too, and so does an eviction
 * of old readings. It also holds each series' {@link SeriesMeta}, read once and then written through. It belongs to one task's processor and is emptied whenever
 * that processor is (re)initialized, so it never outlives the store contents it mirrors.
 *
 * <p>Per series it keeps at least the newest {@code keepCount} samples of each kind and everything within
 * {@code keepMs} of the newest; over {@code maxSamples} in all (a held metadata counts as one), the least recently
 * used series are dropped.
 */
public final class SampleCache {
    /** Samples of each kind kept at least per series. */
    public static final int DEFAULT_KEEP_COUNT = 64;
    /** Span before the newest sample kept per series, ms. */
    public static final long DEFAULT_KEEP_MS = Duration.ofHours(2).toMillis();

    private final int keepCount;
    private final long keepMs;
    private final long maxSamples;
    private final LinkedHashMap<String, Series> series = new LinkedHashMap<>(1024, 0.75f, true);
    private long total;

    public SampleCache(int keepCount, long keepMs, long maxSamples) {
        this.keepCount = keepCount;
        this.keepMs = keepMs;
        this.maxSamples = maxSamples;
    }

    public static SampleCache withBudget(long maxSamples) {
        return new SampleCache(DEFAULT_KEEP_COUNT, DEFAULT_KEEP_MS, maxSamples);
    }

    int keepCount() {
        return keepCount;
    }

    long keepMs() {
        return keepMs;
    }

    /** The samples held of one kind of a series, or {@code null} when they are not loaded. */
    RecentSamples get(String key, byte kind) {
        Series s = series.get(key);
        return s == null ? null : s.of(kind);
    }

    /** Takes samples just loaded from the store. */
    void loaded(String key, byte kind, RecentSamples samples) {
        Series s = series.computeIfAbsent(key, k -> new Series());
        RecentSamples old = s.of(kind);
        total += samples.size() - (old == null ? 0 : old.size());
        s.set(kind, samples);
        shrink();
    }

    /** A sample was written to the store: the copy follows if it holds that time. */
    void written(String key, byte kind, Sample sample) {
        RecentSamples held = get(key, kind);
        if (held == null || !held.covers(sample.at())) {
            return;
        }
        int before = held.size();
        held.put(sample);
        total += held.size() - before;
        total -= held.trim(keepCount, keepMs);
        shrink();
    }

    /**
     * The store deleted the samples of a kind before {@code time} except the newest {@code keepNewest}: the copy
     * does the same.
     */
    void deletedBefore(String key, byte kind, long time, int keepNewest) {
        RecentSamples held = get(key, kind);
        if (held != null) {
            total -= held.dropBefore(time, keepNewest);
        }
    }

    /** Whether the series' metadata is held (possibly as "none yet"). */
    boolean holdsMeta(String key) {
        Series s = series.get(key);
        return s != null && s.metaHeld;
    }

    /** The series' metadata as held; only meaningful when {@link #holdsMeta} says so. */
    SeriesMeta meta(String key) {
        Series s = series.get(key);
        return s == null ? null : s.meta;
    }

    /** The series' metadata as read from or written to the store ({@code null}: the store has none). */
    void metaSeen(String key, SeriesMeta meta) {
        Series s = series.computeIfAbsent(key, k -> new Series());
        if (!s.metaHeld) {
            s.metaHeld = true;
            total++;
        }
        s.meta = meta;
        shrink();
    }

    public void clear() {
        series.clear();
        total = 0;
    }

    /** Samples held in all. */
    public long size() {
        return total;
    }

    private void shrink() {
        Iterator<Map.Entry<String, Series>> eldest = series.entrySet().iterator();
        while (total > maxSamples && eldest.hasNext()) {
            total -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    /** The key of a series in this cache. */
    static String key(String meterId, String register) {
        return meterId + '\u0000' + register;
    }

    private static final class Series {
        private RecentSamples register;
        private RecentSamples power;
        private SeriesMeta meta;
        /** Counts as one sample against the budget. */
        private boolean metaHeld;

        RecentSamples of(byte kind) {
            return kind == SeriesKeys.REGISTER ? register : power;
        }

        void set(byte kind, RecentSamples samples) {
            if (kind == SeriesKeys.REGISTER) {
                register = samples;
            } else {
                power = samples;
            }
        }

        long size() {
            return (register == null ? 0 : register.size()) + (power == null ? 0 : power.size()) + (metaHeld ? 1 : 0);
        }
    }
}
