package org.straumflyt.processor.series;

import java.util.List;

/**
 * The register readings, power samples and bookkeeping of one meter-register: what {@link StoredSeries} reads from
 * the meter store alone, and {@link SeriesStore} through the sample cache in front of it. Both give the same answers
 * (a window may only know better that it reaches an end of the series); {@code SampleCachePropertyTest} checks it.
 */
public interface SampleSeries {
    /** The bookkeeping, or {@code null} for a series without state. */
    SeriesMeta meta();

    /**
     * Takes bookkeeping that differs from the stored one only in its watermark and last register reading, each no
     * later than the newest register reading or power sample in the store: {@link #meta} derives both from those
     * samples, so the store is not written.
     */
    void noteMeta(SeriesMeta meta);

    void putMeta(SeriesMeta meta);

    Sample register(long at);

    Sample power(long at);

    void putRegister(Sample s);

    void putPower(Sample s);

    /**
     * The register readings with time in {@code [from, to]} plus up to {@code extra} readings on either side, by
     * time, and whether the window reaches the first and the last reading of the series. {@code first} and
     * {@code last} are the times of the series' first and last register readings (from its {@link SeriesMeta}).
     */
    RegisterWindow registersAround(long from, long to, int extra, long first, long last);

    /** The time of the first register reading, or {@code Long.MAX_VALUE} without any. */
    long firstRegister();

    /** Power samples with time in {@code [from, to]}, by time. */
    List<Sample> power(long from, long to);

    /** The last power sample in {@code [at - within, at)}, or {@code null}. */
    Sample powerBefore(long at, long within);

    /** The first power sample in {@code (at, at + within]}, or {@code null}. */
    Sample powerAfter(long at, long within);

    /**
     * Drops what is no longer needed once buckets before {@code frozenFrom} are final: bucket values, events and
     * intervals ending before it, and readings before it except the anchors the next steps start from (two register
     * readings, one power sample).
     */
    void evictBefore(long frozenFrom);
}
