package org.straumflyt.processor.series;

import java.util.List;
import org.straumflyt.processor.engine.Segment;

/**
 * A contiguous part of a register series. A classification of it is exact for every step whose ends are not the
 * window's outermost readings, unless the window starts at the series' first reading (or ends at its last).
 *
 * @param readings      the readings, by time
 * @param startsAtFirst whether the first of them is the series' first reading
 * @param endsAtLast    whether the last of them is the series' last reading
 */
public record RegisterWindow(List<Sample> readings, boolean startsAtFirst, boolean endsAtLast) {

    /** Whether the classification of this window gives the series' true step {@code s}. */
    public boolean trusts(Segment s) {
        if (readings.isEmpty()) {
            return true;
        }
        return (startsAtFirst || s.from() > readings.get(0).at())
                && (endsAtLast || s.to() < readings.get(readings.size() - 1).at());
    }
}
