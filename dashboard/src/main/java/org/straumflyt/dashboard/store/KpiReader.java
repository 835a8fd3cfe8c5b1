package org.straumflyt.dashboard.store;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard reads from the KPI store; everything store-specific sits behind it. Implemented for QuestDB's
 * SQL endpoint ({@link QuestDbKpiReader}); an InfluxDB 2.x (Flux) implementation is the next step.
 */
public interface KpiReader {

    /** Every building that has at least one building-hour, with the start of its newest hour. */
    List<BuildingSeen> buildings();

    /**
     * The building-hours with {@code from <= hourStart < to}, ordered by hour then building.
     *
     * @param buildingId one building, or {@code null} for all
     */
    List<HourRow> hours(Instant from, Instant to, String buildingId);

    /** The building-days with {@code from <= dayStart < to}, ordered by day then building. */
    List<DayRow> days(Instant from, Instant to, String buildingId);

    /** The building-months with {@code from <= monthStart < to}, ordered by month then building. */
    List<MonthRow> months(Instant from, Instant to, String buildingId);

    /** The newest portfolio record of every municipality and period, with its categories. */
    List<PortfolioRow> portfolios();

    /** Whether the store answers a query now (the readiness check). */
    boolean available();
}
