package org.straumflyt.dashboard.view;

import java.util.Map;

/**
 * Typical yearly energy use per m² heated area by building category: Statistics Norway's 2011 survey of energy use
 * in commercial and public buildings (SSB), as docs/DASHBOARD.md cites it. Categories the survey gives no figure for
 * (kindergarten, other) have none, and the page says so instead of comparing with something else.
 */
public final class CategoryBenchmarks {
    /** kWh/m² a year by category wire name. */
    public static final Map<String, Double> SSB_2011 = Map.of(
            "school", 163.0,
            "nursing_home", 256.0,
            "sports_hall", 232.0,
            "office", 229.0,
            "cultural", 270.0,
            "hospital", 375.0);

    private CategoryBenchmarks() {
    }

    /** The category's benchmark in kWh/m² a year, or {@code null} when there is none. */
    public static Double of(String category) {
        return category == null ? null : SSB_2011.get(category);
    }
}
