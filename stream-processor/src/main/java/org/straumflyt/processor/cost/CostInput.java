package org.straumflyt.processor.cost;

import org.straumflyt.processor.building.BuildingHourView;

/**
 * A building-hour with the prices of its zone in that hour (internal value of the cost stage).
 *
 * @param view   the building-hour and its registry facts
 * @param prices its zone's prices in the hour, or {@code null} when none have arrived
 */
public record CostInput(BuildingHourView view, HourPrices prices) {
}
