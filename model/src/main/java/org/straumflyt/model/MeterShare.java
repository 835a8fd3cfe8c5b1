package org.straumflyt.model;

import java.util.Objects;

/**
 * The fixed fraction of a meter's energy that one building gets, for a meter that serves several buildings.
 *
 * @param buildingId the building
 * @param fraction   its share, 0 < fraction ≤ 1; a meter's shares sum to 1
 */
public record MeterShare(String buildingId, double fraction) {
    public MeterShare {
        Objects.requireNonNull(buildingId, "buildingId");
    }
}
