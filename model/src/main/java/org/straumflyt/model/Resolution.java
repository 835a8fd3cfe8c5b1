package org.straumflyt.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The width of the time buckets a meter series is summed into, aligned to the epoch: bucket {@code N} is
 * {@code [N * size, N * size + size)} in epoch milliseconds (UTC), for every whole {@code N}, negative ones too.
 * Immutable; equal when the sizes are equal.
 *
 * <p>The size divides a day, so every UTC midnight (and every whole hour, for sizes up to an hour) starts a bucket.
 * A local day or month can have another length than its nominal one (a daylight-saving change makes a day of 23 or
 * 25 hours): {@link #bucketsIn(LocalDate, ZoneId)} counts what the day really has.
 *
 * <p>This is only the time grid. Physical conversions (kW over milliseconds to kWh) are {@link Energy}'s, whatever
 * the bucket width.
 */
public final class Resolution {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    /** Hours: the resolution of {@code kpi.meter-hourly} and everything built on it. */
    public static final Resolution HOURLY = new Resolution(Duration.ofHours(1).toMillis());

    /**
     * Quarter-hours (PT15M, Elhub's settlement resolution): the resolution of {@code kpi.meter-quarter-hourly} and
     * {@code kpi.building-quarter-hourly}. Four start in every hour; a local day has 92, 96 or 100.
     */
    public static final Resolution QUARTER_HOURLY = new Resolution(Duration.ofMinutes(15).toMillis());

    private final long sizeMs;

    private Resolution(long sizeMs) {
        this.sizeMs = sizeMs;
    }

    /**
     * Buckets of {@code size}.
     *
     * @throws IllegalArgumentException unless {@code size} is a whole number of milliseconds from 1 ms to 1 day that
     *                                  divides a day
     */
    public static Resolution of(Duration size) {
        Objects.requireNonNull(size, "size");
        if (size.isNegative() || size.isZero() || size.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("size must be from 1 ms to 1 day (PT24H), was " + size);
        }
        if (size.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("size must be a whole number of milliseconds, was " + size);
        }
        long ms = size.toMillis();
        if (DAY_MS % ms != 0) {
            throw new IllegalArgumentException("size must divide a day (86 400 000 ms) evenly, was " + size + " ("
                    + ms + " ms)");
        }
        if (ms == HOURLY.sizeMs) {
            return HOURLY;
        }
        return ms == QUARTER_HOURLY.sizeMs ? QUARTER_HOURLY : new Resolution(ms);
    }

    /**
     * How many buckets of {@code finer} make one of this resolution.
     *
     * @throws IllegalArgumentException unless {@code finer} divides this resolution's buckets evenly
     */
    public int split(Resolution finer) {
        if (sizeMs % finer.sizeMs != 0) {
            throw new IllegalArgumentException(finer + " does not divide " + this);
        }
        return Math.toIntExact(sizeMs / finer.sizeMs);
    }

    /** The bucket width in milliseconds. */
    public long sizeMs() {
        return sizeMs;
    }

    public Duration size() {
        return Duration.ofMillis(sizeMs);
    }

    /** The start of the bucket containing {@code ms}: the greatest {@code N * size <= ms}. */
    public long floor(long ms) {
        return Math.floorDiv(ms, sizeMs) * sizeMs;
    }

    /** The first bucket start at or after {@code ms}: the least {@code N * size >= ms}. */
    public long ceil(long ms) {
        return -Math.floorDiv(-ms, sizeMs) * sizeMs;
    }

    /** The end (exclusive) of the bucket starting at {@code bucketStart}. */
    public long end(long bucketStart) {
        return bucketStart + sizeMs;
    }

    /** Whether {@code ms} lies in the bucket starting at {@code bucketStart}. */
    public boolean contains(long bucketStart, long ms) {
        return ms >= bucketStart && ms < bucketStart + sizeMs;
    }

    /** {@code ms} as a fraction of one bucket (1 for a whole bucket). */
    public double fraction(long ms) {
        return ms / (double) sizeMs;
    }

    /**
     * How many buckets overlap {@code [fromMs, toMs)}: from the one containing {@code fromMs} to the one containing
     * the last millisecond before {@code toMs}; 0 for an empty range.
     */
    public long bucketsIn(long fromMs, long toMs) {
        if (toMs <= fromMs) {
            return 0;
        }
        return (ceil(toMs) - floor(fromMs)) / sizeMs;
    }

    /**
     * How many buckets start in the local day {@code date} of {@code zone}: 24 hours (96 quarters) on an ordinary
     * day, 23 or 25 hours on a day a daylight-saving change shortens or lengthens.
     */
    public long bucketsIn(LocalDate date, ZoneId zone) {
        long from = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return startsIn(from, to);
    }

    /** How many buckets start in the local month {@code month} of {@code zone}, daylight-saving changes included. */
    public long bucketsIn(YearMonth month, ZoneId zone) {
        long from = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return startsIn(from, to);
    }

    /** Buckets whose start lies in {@code [fromMs, toMs)}. */
    private long startsIn(long fromMs, long toMs) {
        return (ceil(toMs) - ceil(fromMs)) / sizeMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resolution r && r.sizeMs == sizeMs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sizeMs);
    }

    @Override
    public String toString() {
        return "Resolution[" + size() + "]";
    }
}
