/**
 * Stage 4, building-hours ({@link org.straumflyt.processor.building.BuildingHourStage}): meter-hours grouped by
 * building and hour, retracting old values, joined with the registry.
 */
package org.straumflyt.processor.building;
