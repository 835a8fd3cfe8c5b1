package org.straumflyt.processor.engine;

import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.MeterHour;

/** What the meter stage emits: hours, quarter-hours, or dead letters for readings it could not use. */
public sealed interface MeterOutput {

    record Hour(MeterHour hour) implements MeterOutput {
    }

    /** A quarter-hour of a meter-register: the same record as an hour, its {@code hourStart} the quarter's start. */
    record Quarter(MeterHour quarter) implements MeterOutput {
    }

    record Dead(DeadLetter letter) implements MeterOutput {
    }
}
