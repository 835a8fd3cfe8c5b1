package org.straumflyt.processor.portfolio;

/** Key of the municipality stage's contributions: its JSON sorts by municipality, then building (internal). */
public record MunicipalityBuildingKey(String municipality, String buildingId) {
}
