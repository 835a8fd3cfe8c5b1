package org.straumflyt.processor.engine;

import java.util.List;
import org.straumflyt.processor.series.HourValue;
import org.straumflyt.processor.series.RegisterEvent;

/** What one reading did to its meter-register. */
public sealed interface MeterUpdate {

    /** Older than the lateness horizon behind the newest reading: not applied. */
    record Late(long watermark, long horizonStart) implements MeterUpdate {
    }

    /** An exact duplicate (or a value that loses a conflict already recorded): nothing changed. */
    record Duplicate() implements MeterUpdate {
    }

    /**
     * Applied.
     *
     * @param recomputed the recomputed hours (changed or not)
     * @param quarters  the recomputed hours' finer buckets (quarter-hours) that have data, in time order
     * @param newEvents register events seen for the first time
     * @param conflict  whether the reading disagreed with another value for the same instant
     */
    record Applied(List<HourValue> recomputed, List<HourValue> quarters, List<RegisterEvent> newEvents, boolean conflict)
            implements MeterUpdate {
    }
}
