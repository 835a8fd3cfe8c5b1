package org.straumflyt.processor.engine;

import java.util.Objects;
import org.straumflyt.processor.assignment.MeterAssignment;

/**
 * A meter's registry entry changed: it was registered, moved to another building, got other limits, or was removed.
 *
 * @param meterId    the meter
 * @param assignment its new entry, or {@code null} when the registry no longer lists it
 */
public record AssignmentChange(String meterId, MeterAssignment assignment) implements MeterInput {
    public AssignmentChange {
        Objects.requireNonNull(meterId, "meterId");
    }
}
