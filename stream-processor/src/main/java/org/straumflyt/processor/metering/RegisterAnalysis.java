package org.straumflyt.processor.metering;

import java.util.List;

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

    /** Whether the register has a reading at or after {@code hourEnd} and one before it: it has settled that hour. */
    public boolean settles(long hourStart) {
        long hourEnd = hourStart + Hours.MS;
        return present() && first < hourEnd && last >= hourEnd;
    }
}
