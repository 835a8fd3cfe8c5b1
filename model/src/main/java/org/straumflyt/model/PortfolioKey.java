package org.straumflyt.model;

import java.time.LocalDate;

/**
 * Key of {@code kpi.portfolio}: one municipality in one period. The period is named by its kind and first date, so a
 * year-to-date record is revised all year (one key per year) and each day's rolling 12 months is a key of its own.
 */
public record PortfolioKey(String municipality, PortfolioPeriod period, LocalDate from) {
}
