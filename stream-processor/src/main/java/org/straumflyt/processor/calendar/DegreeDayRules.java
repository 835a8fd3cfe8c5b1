package org.straumflyt.processor.calendar;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.BuildingCategory;

/**
 * Degree-day correction (Norwegian practice, base 17 °C): {@code GD = max(0, 17 − T_mean)} and
 * {@code E_corr = E·(1 − f) + E·f·ΣGD_normal / ΣGD_actual} over a <em>period</em> (a month, a year, the rolling 12
 * months), with {@code E} and both degree-day sums taken over the same days of that period, {@code f} the
 * temperature-dependent share of the building's category, and a day's {@code GD_normal} its location's normal for the
 * month divided by the days of the month. One day is never corrected with its own degree days: they go to zero on a
 * mild day and the ratio explodes (1 000 kWh on a 16.9 °C spring day would become 76 400 kWh).
 *
 * @param shares         temperature-dependent share by category, 0..1
 * @param monthlyNormals normal degree days per month (12 values, January first) by weather location
 * @param defaultNormals the monthly normals for locations not listed
 */
public record DegreeDayRules(Map<BuildingCategory, Double> shares, Map<String, List<Double>> monthlyNormals,
        List<Double> defaultNormals) {
    public static final double BASE_C = 17.0;
    /** Illustrative monthly normals (°C·days, base 17) of an inland eastern Norwegian climate, about 4 000 a year. */
    public static final List<Double> EASTERN_NORWAY = List.of(650.0, 580.0, 530.0, 380.0, 200.0, 60.0, 20.0, 40.0,
            160.0, 340.0, 480.0, 610.0);

    public DegreeDayRules {
        shares = new EnumMap<>(shares);
        monthlyNormals = new TreeMap<>(monthlyNormals);
        for (var e : monthlyNormals.entrySet()) {
            if (e.getValue().size() != 12) {
                throw new IllegalArgumentException("location " + e.getKey() + " needs 12 monthly normals, has "
                        + e.getValue().size());
            }
        }
        if (defaultNormals.size() != 12) {
            throw new IllegalArgumentException("defaultNormals needs 12 values, has " + defaultNormals.size());
        }
    }

    /** Shares 0.6 for schools, kindergartens, sports halls and cultural buildings, 0.5 otherwise, 0.4 hospitals. */
    public static DegreeDayRules defaults() {
        Map<BuildingCategory, Double> shares = new EnumMap<>(BuildingCategory.class);
        for (BuildingCategory c : BuildingCategory.values()) {
            shares.put(c, 0.5);
        }
        shares.put(BuildingCategory.SCHOOL, 0.6);
        shares.put(BuildingCategory.KINDERGARTEN, 0.6);
        shares.put(BuildingCategory.SPORTS_HALL, 0.6);
        shares.put(BuildingCategory.CULTURAL, 0.6);
        shares.put(BuildingCategory.HOSPITAL, 0.4);
        return new DegreeDayRules(shares, Map.of(), EASTERN_NORWAY);
    }

    /** Degree days of a day with the given mean temperature. */
    public static double degreeDays(double meanTemperatureC) {
        return Math.max(0, BASE_C - meanTemperatureC);
    }

    /** Normal degree days of one date at a location. */
    public double normalFor(String location, LocalDate date) {
        List<Double> normals = location == null ? defaultNormals
                : monthlyNormals.getOrDefault(location, defaultNormals);
        return normals.get(date.getMonthValue() - 1) / date.lengthOfMonth();
    }

    /** The temperature-dependent share {@code f} of a category (0.5 for one not configured). */
    public double share(BuildingCategory category) {
        return shares.getOrDefault(category == null ? BuildingCategory.OTHER : category, 0.5);
    }

    /**
     * The energy of a period corrected on the period's sums, or {@code null} when the period had no degree days: the
     * temperature-dependent part cannot be scaled then (callers count the energy as measured and flag it).
     *
     * @param kwh              Σ E of the period's days that have a temperature, kWh
     * @param degreeDays       Σ GD_actual of the same days
     * @param normalDegreeDays Σ GD_normal of the same days
     */
    public Double correctedPeriod(double kwh, double degreeDays, double normalDegreeDays, BuildingCategory category) {
        if (!(degreeDays > 0)) {
            return null;
        }
        double f = share(category);
        return kwh * (1 - f) + kwh * f * normalDegreeDays / degreeDays;
    }
}
