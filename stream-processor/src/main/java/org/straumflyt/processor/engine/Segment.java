package org.straumflyt.processor.engine;

import java.util.Set;
import org.straumflyt.model.QualityFlag;

/**
 * The step between two consecutive kept register readings.
 *
 * @param from   epoch ms of the earlier reading
 * @param to     epoch ms of the later reading, after {@code from}
 * @param kwh    energy of the step, kWh; spread over {@code [from, to)} in proportion to time
 * @param booked whether the energy counts; a reset, a spike or an undecided drop is not booked and leaves a gap
 * @param flags  what happened on this step
 */
public record Segment(long from, long to, double kwh, boolean booked, Set<QualityFlag> flags) {
    public Segment {
        flags = Set.copyOf(flags);
    }
}
