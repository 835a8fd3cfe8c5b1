package org.straumflyt.processor.engine;

import java.util.Objects;
import org.straumflyt.model.Reading;
import org.straumflyt.processor.assignment.MeterAssignment;

/**
 * A reading with its meter's registry entry, if the registry knows the meter.
 *
 * @param reading    the reading
 * @param assignment the meter's building and limits, or {@code null} for an unassigned meter
 */
public record AssignedReading(Reading reading, MeterAssignment assignment) implements MeterInput {
    public AssignedReading {
        Objects.requireNonNull(reading, "reading");
    }
}
