package org.straumflyt.dashboard.view;

import java.time.YearMonth;

/**
 * kWh/m² over the last twelve months (the running month and the eleven before it) against the category's yearly
 * benchmark.
 *
 * @param from            first month
 * @param to              last month (the running one)
 * @param kwhPerM2        sum of the months' kWh/m², or {@code null} without any month with an area
 * @param monthsWithData  months with a record (12 for a whole year)
 * @param benchmarkKwhPerM2 the category's benchmark a year ({@link CategoryBenchmarks}), or {@code null}
 */
public record YearFigure(YearMonth from, YearMonth to, Double kwhPerM2, int monthsWithData,
        Double benchmarkKwhPerM2) {
}
