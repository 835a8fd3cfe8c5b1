package org.straumflyt.processor.engine;

import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.MeterHour;

/** What the meter stage emits: hours, or dead letters for readings it could not use. */
public sealed interface MeterOutput {

    record Hour(MeterHour hour) implements MeterOutput {
    }

    record Dead(DeadLetter letter) implements MeterOutput {
    }
}
