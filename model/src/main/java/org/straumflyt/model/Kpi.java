package org.straumflyt.model;

import java.util.Set;

/**
 * A KPI record: an upsert carrying the full current value for its key. A higher {@link #revision()} for the
 * same key replaces the earlier record; records are never to be added up.
 */
public sealed interface Kpi permits MeterHour, BuildingHour, BuildingDaily, BuildingMonthly, PortfolioKpi,
        BuildingCost {
    /** Increases by at least one each time the value for this key is recomputed and changed. */
    long revision();

    /** Quality flags, sorted. */
    Set<QualityFlag> flags();

    /** The fraction of the period covered by measurements, 0..1. */
    double coverage();
}
