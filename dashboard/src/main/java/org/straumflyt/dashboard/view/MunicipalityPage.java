package org.straumflyt.dashboard.view;

import java.util.List;
import java.util.Map;
import org.straumflyt.dashboard.store.PortfolioRow;

/**
 * The municipality page: the newest U4SSC record of every municipality and period, as the stream processor computed
 * it, and the category benchmarks.
 *
 * @param timeZone    the dashboard's zone (a record's time is local midnight of its first day there)
 * @param portfolios  per municipality and period, its newest record
 * @param benchmarks  kWh/m² a year by category ({@link CategoryBenchmarks})
 */
public record MunicipalityPage(String timeZone, List<PortfolioRow> portfolios, Map<String, Double> benchmarks) {
}
