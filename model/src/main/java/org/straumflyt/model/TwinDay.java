package org.straumflyt.model;

import java.time.LocalDate;

/**
 * One local day of a building as the digital twin shows it.
 *
 * @param date      the local date in the building's time zone
 * @param importKwh energy used that day so far, all carriers, kWh
 * @param kwhPerM2  {@code importKwh} per m² heated area, when the area is known
 */
public record TwinDay(LocalDate date, double importKwh, Double kwhPerM2) {
}
