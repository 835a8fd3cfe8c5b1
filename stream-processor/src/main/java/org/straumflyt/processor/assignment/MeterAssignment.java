package org.straumflyt.processor.assignment;

import java.util.Objects;
import org.straumflyt.model.MeterSpec;

/**
 * Which building a meter belongs to, per the registry, and what the registry says about it.
 *
 * @param buildingId the building
 * @param spec       the meter as the registry lists it
 */
public record MeterAssignment(String buildingId, MeterSpec spec) {
    public MeterAssignment {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(spec, "spec");
    }
}
