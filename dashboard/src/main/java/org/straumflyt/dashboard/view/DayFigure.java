package org.straumflyt.dashboard.view;

import java.time.LocalDate;
import java.util.List;

/**
 * One complete local day of a building: its energy against the outdoor temperature (the energy signature).
 *
 * @param date             local date
 * @param kwh              energy used, or {@code null} when the store has no day (a gap)
 * @param kwhPerM2         energy per m², or {@code null}
 * @param meanTemperatureC daily mean outdoor temperature, or {@code null} when no weather is known
 * @param hoursWithData    hours with data, or {@code null}
 * @param hoursInDay       23, 24 or 25, or {@code null}
 * @param coverage         mean hourly coverage 0..1, or {@code null}
 * @param flags            quality flags of the day
 */
public record DayFigure(LocalDate date, Double kwh, Double kwhPerM2, Double meanTemperatureC, Integer hoursWithData,
        Integer hoursInDay, Double coverage, List<String> flags) {
}
