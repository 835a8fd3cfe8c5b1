package org.straumflyt.dashboard.store;

import java.util.List;
import java.util.Map;

/**
 * The newest record of one municipality and period (measurement {@code portfolio}) with its categories
 * ({@code portfolio_category}); the values keyed by the store's column names, as the publisher wrote them
 * (docs/INFLUXDB.md). Kept as columns, not fields, so that the page shows every indicator the processor computes,
 * including ones added after this was written.
 *
 * @param municipality municipality number
 * @param period       {@code year_to_date} or {@code rolling_12_months}
 * @param values       column → number or text; absent when the store holds no value
 * @param categories   one map per building category, column → value
 */
public record PortfolioRow(String municipality, String period, Map<String, Object> values,
        List<Map<String, Object>> categories) {
    public PortfolioRow {
        values = Map.copyOf(values);
        categories = List.copyOf(categories);
    }
}
