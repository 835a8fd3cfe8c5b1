package org.straumflyt.processor.portfolio;

import org.straumflyt.model.BuildingTwin;

/** What the building stage emits (internal). */
public sealed interface StageOutput {

    /**
     * The building's twin record.
     *
     * @param buildingId building id
     * @param twin       the record, {@code null} for a tombstone (the building left the registry)
     */
    record Twin(String buildingId, BuildingTwin twin) implements StageOutput {
    }

    /**
     * A change of what a building adds to a municipality.
     *
     * @param municipality the municipality
     * @param buildingId   building id
     * @param contribution the new contribution, {@code null} when the building no longer counts there
     */
    record Contribution(String municipality, String buildingId, BuildingContribution contribution)
            implements StageOutput {
    }
}
