package org.straumflyt.processor.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.processor.calendar.DegreeDayRules;

/**
 * Tracking of the EU Energy Efficiency Directive's target for public bodies ((EU) 2023/1791, Art. 5(1)): total final
 * energy of the public buildings cut by at least 1.9 % a year against a baseline year (2021 in the Directive),
 * climate-corrected. For each building and year, and for all buildings together:
 * <ul>
 * <li>the year's <b>climate-corrected energy</b> K, corrected once on the year's sums as the portfolio does
 * ({@link DegreeDayRules#correctedPeriod}): K = (E − E_W) + E_W·(1 − f) + E_W·f·N/G, or E when the year had no degree
 * days;</li>
 * <li>the <b>target path</b>: the baseline's K less {@code ratePerYear} of it for every year since, linearly,
 * T_y = K_base · (1 − r·(y − base)) — the reading of "at least 1.9 % each year compared to the baseline" that makes
 * each year's cut a fixed share of the baseline (a compounding reading, K_base·(1 − r)^(y − base), is slightly
 * laxer);</li>
 * <li>the change against the baseline, % and whether the year is on the path (K ≤ T).</li>
 * </ul>
 * The total compares like with like: it sums, for each year, only the buildings that have both the baseline year and
 * that year; a building without the baseline year gets its own rows without a baseline.
 */
public final class EedTracking {
    /** The Directive's yearly cut, 1.9 %. */
    public static final double DIRECTIVE_RATE = 0.019;
    /** The Directive's baseline year. */
    public static final int DIRECTIVE_BASELINE = 2021;

    private final DegreeDayRules degreeDays;
    private final int baselineYear;
    private final double ratePerYear;

    public EedTracking(DegreeDayRules degreeDays, int baselineYear, double ratePerYear) {
        this.degreeDays = Objects.requireNonNull(degreeDays, "degreeDays");
        if (!(ratePerYear >= 0 && ratePerYear < 1)) {
            throw new IllegalArgumentException("ratePerYear must be within [0, 1), was " + ratePerYear);
        }
        this.baselineYear = baselineYear;
        this.ratePerYear = ratePerYear;
    }

    /**
     * One building's sums over one year.
     *
     * @param kwh                energy of the year's days with data, kWh
     * @param kwhWithTemperature the part of it on days with a temperature, E_W
     * @param degreeDays         Σ degree days of those days, G
     * @param normalDegreeDays   Σ normal degree days of those days, N
     */
    public record BuildingYear(String buildingId, BuildingCategory category, int year, double kwh,
            double kwhWithTemperature, double degreeDays, double normalDegreeDays) {
    }

    /**
     * One row of the tracking.
     *
     * @param buildingId    the building, or {@code null} for the total
     * @param year          the year
     * @param buildings     buildings counted (1 for a building's row)
     * @param correctedKwh  climate-corrected energy K of the year
     * @param baselineKwh   K of the baseline year, or {@code null} when the building has none
     * @param targetKwh     the path's value for the year, or {@code null} without a baseline
     * @param changePercent (K − K_base) ÷ K_base × 100, or {@code null}
     * @param onTrack       K ≤ target, or {@code null}
     */
    public record Row(String buildingId, int year, int buildings, double correctedKwh, Double baselineKwh,
            Double targetKwh, Double changePercent, Boolean onTrack) {
    }

    /** The climate-corrected energy of one building-year. */
    public double corrected(BuildingYear y) {
        Double corrected = degreeDays.correctedPeriod(y.kwhWithTemperature(), y.degreeDays(), y.normalDegreeDays(),
                y.category());
        return (y.kwh() - y.kwhWithTemperature()) + (corrected == null ? y.kwhWithTemperature() : corrected);
    }

    /** The path's value in {@code year} for a baseline of {@code baselineKwh}. */
    public double target(double baselineKwh, int year) {
        return baselineKwh * (1 - ratePerYear * (year - baselineYear));
    }

    /** Rows per building and year (by building id, then year), then the totals per year. */
    public List<Row> track(List<BuildingYear> years) {
        Map<String, Map<Integer, Double>> byBuilding = new TreeMap<>();
        for (BuildingYear y : years) {
            byBuilding.computeIfAbsent(y.buildingId(), b -> new TreeMap<>()).merge(y.year(), corrected(y),
                    Double::sum);
        }
        List<Row> rows = new ArrayList<>();
        Map<Integer, double[]> totals = new TreeMap<>();
        byBuilding.forEach((building, byYear) -> {
            Double base = byYear.get(baselineYear);
            byYear.forEach((year, k) -> {
                rows.add(row(building, year, 1, k, base));
                if (base != null) {
                    double[] t = totals.computeIfAbsent(year, y -> new double[3]);
                    t[0] += k;
                    t[1] += base;
                    t[2]++;
                }
            });
        });
        totals.forEach((year, t) -> rows.add(row(null, year, (int) t[2], t[0], t[1])));
        return rows;
    }

    private Row row(String building, int year, int buildings, double k, Double base) {
        if (base == null) {
            return new Row(building, year, buildings, k, null, null, null, null);
        }
        double target = target(base, year);
        return new Row(building, year, buildings, k, base, target, base > 0 ? (k - base) / base * 100 : null,
                k <= target);
    }
}
