package org.straumflyt.processor.engine;

import java.util.List;
import org.straumflyt.processor.series.RegisterEvent;

/**
 * A register series classified into steps.
 *
 * @param segments steps between consecutive kept readings, sorted by time
 * @param events   resets, rollovers, glitches and spikes found, sorted by time
 * @param first    epoch ms of the first reading, or {@code Long.MAX_VALUE} when there is none
 * @param last     epoch ms of the last reading, or {@code Long.MIN_VALUE} when there is none
 */
public record RegisterAnalysis(List<Segment> segments, List<RegisterEvent> events, long first, long last) {
    public static final RegisterAnalysis EMPTY = new RegisterAnalysis(List.of(), List.of(), Long.MAX_VALUE,
            Long.MIN_VALUE);

    public boolean present() {
        return first <= last;
    }

    /**
     * Whether the register has a reading at or after {@code bucketEnd} and one before it: it has settled the bucket
     * ending there.
     */
    public boolean settles(long bucketEnd) {
        return present() && first < bucketEnd && last >= bucketEnd;
    }
}
