package org.straumflyt.processor.calendar;

import org.straumflyt.model.BuildingDaily;

/**
 * A building-day with what its month needs (internal, never published).
 *
 * @param daily        the building-day (revision 0)
 * @param heatedAreaM2 heated area, m², 0 when unknown
 */
public record DailyView(BuildingDaily daily, double heatedAreaM2) {
}
