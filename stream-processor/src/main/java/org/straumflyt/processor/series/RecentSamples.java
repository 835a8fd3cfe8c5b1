package org.straumflyt.processor.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The newest samples of one kind of one meter-register, in memory, sorted by time: exactly the stored samples with
 * time at or after {@link #coveredFrom()} (all of them when that is {@code Long.MIN_VALUE}). Queries inside the
 * covered span are answered from here; the caller goes to the store for anything before it.
 */
final class RecentSamples {
    private long coveredFrom;
    private long[] at;
    private double[] value;
    private boolean[] conflict;
    private int size;

    /** @param newestFirst samples read from the store, newest first; {@code complete} if that was all of them */
    RecentSamples(List<Sample> newestFirst, boolean complete) {
        int n = newestFirst.size();
        at = new long[Math.max(8, n + n / 2)];
        value = new double[at.length];
        conflict = new boolean[at.length];
        for (int i = 0; i < n; i++) {
            Sample s = newestFirst.get(n - 1 - i);
            at[i] = s.at();
            value[i] = s.value();
            conflict[i] = s.conflict();
        }
        size = n;
        coveredFrom = complete || n == 0 ? Long.MIN_VALUE : at[0];
        if (!complete && n == 0) {
            throw new IllegalArgumentException("an incomplete load must hold at least one sample");
        }
    }

    long coveredFrom() {
        return coveredFrom;
    }

    /** Whether every stored sample is here. */
    boolean complete() {
        return coveredFrom == Long.MIN_VALUE;
    }

    boolean covers(long time) {
        return time >= coveredFrom;
    }

    int size() {
        return size;
    }

    /** The sample at exactly {@code time} (which must be covered), or {@code null}. */
    Sample get(long time) {
        int i = Arrays.binarySearch(at, 0, size, time);
        return i >= 0 ? sample(i) : null;
    }

    /** Inserts or replaces the sample at its time (which must be covered). */
    void put(Sample s) {
        int i = Arrays.binarySearch(at, 0, size, s.at());
        if (i < 0) {
            i = -i - 1;
            if (size == at.length) {
                int grown = at.length * 2;
                at = Arrays.copyOf(at, grown);
                value = Arrays.copyOf(value, grown);
                conflict = Arrays.copyOf(conflict, grown);
            }
            System.arraycopy(at, i, at, i + 1, size - i);
            System.arraycopy(value, i, value, i + 1, size - i);
            System.arraycopy(conflict, i, conflict, i + 1, size - i);
            size++;
        }
        at[i] = s.at();
        value[i] = s.value();
        conflict[i] = s.conflict();
    }

    /** The index of the first sample at or after {@code time}. */
    int indexFrom(long time) {
        int i = Arrays.binarySearch(at, 0, size, time);
        return i >= 0 ? i : -i - 1;
    }

    /** The index of the first sample after {@code time}. */
    int indexAfter(long time) {
        int i = Arrays.binarySearch(at, 0, size, time);
        return i >= 0 ? i + 1 : -i - 1;
    }

    Sample sample(int i) {
        return new Sample(at[i], value[i], conflict[i]);
    }

    long timeAt(int i) {
        return at[i];
    }

    /** The samples with index in {@code [from, to)}, by time. */
    List<Sample> slice(int from, int to) {
        List<Sample> result = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            result.add(sample(i));
        }
        return result;
    }

    /**
     * Forgets the oldest samples beyond the newest {@code keepCount} that are older than {@code keepMs} before the
     * newest one. Returns how many were dropped.
     */
    int trim(int keepCount, long keepMs) {
        if (size <= keepCount) {
            return 0;
        }
        long oldestKept = at[size - 1] - keepMs;
        int drop = 0;
        while (size - drop > keepCount && at[drop] < oldestKept) {
            drop++;
        }
        if (drop == 0) {
            return 0;
        }
        dropOldest(drop);
        coveredFrom = at[0];
        return drop;
    }

    /**
     * Follows the store deleting every sample before {@code time} except the newest {@code keepNewest} of them (see
     * {@link SeriesStore#evictBefore}). When this copy holds at least that many samples before {@code time}, the
     * store is left with exactly what remains here, which is then complete. Returns how many were dropped.
     */
    int dropBefore(long time, int keepNewest) {
        int before = indexFrom(time);
        if (before < keepNewest) {
            // every held sample before the time is among those the store keeps; older ones are not held
            return 0;
        }
        int drop = before - keepNewest;
        dropOldest(drop);
        coveredFrom = Long.MIN_VALUE;
        return drop;
    }

    private void dropOldest(int count) {
        System.arraycopy(at, count, at, 0, size - count);
        System.arraycopy(value, count, value, 0, size - count);
        System.arraycopy(conflict, count, conflict, 0, size - count);
        size -= count;
    }
}
