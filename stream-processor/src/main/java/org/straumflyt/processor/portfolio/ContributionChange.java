package org.straumflyt.processor.portfolio;

/**
 * A building's contribution to a municipality, or its withdrawal (internal, on the repartition topic keyed by
 * municipality).
 *
 * @param buildingId   building id
 * @param contribution the contribution, {@code null} when the building no longer counts in the municipality
 */
public record ContributionChange(String buildingId, BuildingContribution contribution) {
}
