package org.straumflyt.processor.input;

import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.Reading;

/** A record of the readings topic after decoding: a usable reading, or a dead letter saying why not. */
public sealed interface DecodedReading {

    record Ok(Reading reading) implements DecodedReading {
    }

    record Bad(DeadLetter letter) implements DecodedReading {
    }
}
