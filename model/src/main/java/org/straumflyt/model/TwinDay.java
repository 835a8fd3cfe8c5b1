package org.straumflyt.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * One local day of a building as the digital twin shows it.
 *
 * @param date      the local date in the building's time zone
 * @param importKwh energy used that day so far, all carriers, kWh
 * @param kwhPerM2  {@code importKwh} per m² heated area, when the area is known
 * @param breakdown for a building with meter trees: the day's end uses and unmetered rest by carrier (as on its
 *                  building-day); absent otherwise
 */
public record TwinDay(LocalDate date, double importKwh, Double kwhPerM2, Map<Carrier, EndUseBreakdown> breakdown) {
    public TwinDay {
        breakdown = EndUseBreakdowns.copy(breakdown);
    }

    /** A day without a meter-tree breakdown. */
    public TwinDay(LocalDate date, double importKwh, Double kwhPerM2) {
        this(date, importKwh, kwhPerM2, null);
    }
}
