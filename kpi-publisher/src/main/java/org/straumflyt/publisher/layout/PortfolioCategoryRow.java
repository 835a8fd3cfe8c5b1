package org.straumflyt.publisher.layout;

import java.util.List;
import org.straumflyt.model.PortfolioCategory;
import org.straumflyt.model.PortfolioKpi;

/** One building category of a portfolio record: the row behind the {@code portfolio_category} measurement. */
public record PortfolioCategoryRow(PortfolioKpi kpi, PortfolioCategory category) {

    /** One row per category the record has, in category order. */
    static List<PortfolioCategoryRow> of(PortfolioKpi kpi) {
        return kpi.categories().stream().map(c -> new PortfolioCategoryRow(kpi, c)).toList();
    }
}
