package org.straumflyt.tools.opendata;

import java.util.List;

/**
 * The rows an export publishes and what the privacy rule held back.
 *
 * @param daily                    daily rows, sorted by building and date
 * @param monthly                  monthly rows (buildings and aggregates), sorted by building id and month
 * @param personalBuildings        buildings of the municipality marked as personal data
 * @param aggregateRows            monthly aggregate rows published
 * @param suppressedBuildingMonths building-months of personal buildings left out because their aggregate was too small
 * @param unregisteredRecords      KPI records left out because their building is not in the registry (its privacy
 *                                 status is unknown, so it is treated as personal and never published alone)
 */
public record Selection(List<DailyRow> daily, List<MonthlyRow> monthly, int personalBuildings, int aggregateRows,
        int suppressedBuildingMonths, int unregisteredRecords) {
    public Selection {
        daily = List.copyOf(daily);
        monthly = List.copyOf(monthly);
    }
}
