package org.straumflyt.processor.series;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The register readings around a time, found with bounded store scans: store range scans cost in proportion to the
 * entries they cover (the record cache copies its keys), so each side looks over a span that grows until it has
 * enough readings or has passed the end of the series.
 */
final class RegisterScan {
    /** The first look-back (or look-ahead) of a bounded scan, ms; it grows by {@link #SPAN_GROWTH} each time. */
    private static final long FIRST_SPAN_MS = 3_600_000L;
    private static final long SPAN_GROWTH = 8;
    /** Beyond this span (4,096 h, about 170 days) a scan goes to the end of the series. */
    private static final long LAST_SPAN_MS = FIRST_SPAN_MS * 8 * 8 * 8 * 8;

    private RegisterScan() {
    }

    /**
     * The register readings with time in {@code [from, to]} plus up to {@code extra} readings on either side, by
     * time, and whether the window reaches the first and the last reading of the series. {@code first} and
     * {@code last} are the times of the series' first and last register readings (from its {@link SeriesMeta}).
     */
    static RegisterWindow around(KeyValueStore<Bytes, byte[]> store, SeriesKeys keys, long from, long to, int extra,
            long first, long last) {
        List<Sample> before = List.of();
        boolean startsAtFirst = false;
        for (long span = FIRST_SPAN_MS; !startsAtFirst; span *= SPAN_GROWTH) {
            long start = from - span <= first || span > LAST_SPAN_MS ? Long.MIN_VALUE : from - span;
            before = scan(store, keys, start, from - 1, true, extra, Long.MAX_VALUE);
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
            inside = scan(store, keys, from, end, false, extra, to);
            if (countAfter(inside, to) == extra) {
                break;
            }
            endsAtLast = end == Long.MAX_VALUE;
        }
        window.addAll(inside);
        return new RegisterWindow(window, startsAtFirst, endsAtLast);
    }

    /**
     * Register readings with time in {@code [from, to]}, ascending (or descending), stopping once {@code limit}
     * readings later than {@code after} have been taken (descending: once {@code limit} readings have been taken).
     */
    private static List<Sample> scan(KeyValueStore<Bytes, byte[]> store, SeriesKeys keys, long from, long to,
            boolean descending, int limit, long after) {
        List<Sample> found = new ArrayList<>();
        int counted = 0;
        try (KeyValueIterator<Bytes, byte[]> it = descending
                ? store.reverseRange(keys.key(SeriesKeys.REGISTER, from), keys.key(SeriesKeys.REGISTER, to))
                : store.range(keys.key(SeriesKeys.REGISTER, from), keys.key(SeriesKeys.REGISTER, to))) {
            while (it.hasNext() && counted < limit) {
                Sample s = SampleCodec.next(it);
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
}
