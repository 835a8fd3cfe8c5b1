package org.straumflyt.simulator.fleet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;

/**
 * Power of a meter at a moment, kW, shaped by the building's category and local time: schools, kindergartens and
 * offices busy on weekday daytime, nursing homes and hospitals nearly flat, sports halls and cultural buildings in
 * the evening; district heating driven by the outdoor temperature (heating degrees below 17 °C).
 */
public final class LoadModel {
    private final long seed;
    private final WeatherModel weather;

    public LoadModel(long seed, WeatherModel weather) {
        this.seed = seed;
        this.weather = weather;
    }

    /** Power during the step that starts at {@code stepStart}, kW, never negative. */
    public double powerKw(Building building, SimMeter meter, Instant stepStart, long stepIndex) {
        ZonedDateTime local = stepStart.atZone(building.zone());
        double noise = 0.85 + 0.3 * Noise.unit(seed, meter.meterId(), stepIndex);
        double area = Math.max(building.heatedAreaM2(), 100);
        if (meter.carrier() == Carrier.DISTRICT_HEATING) {
            double outdoor = weather.dailyMeanC(building.weatherLocationId() == null ? building.municipality()
                    : building.weatherLocationId(), local.toLocalDate());
            double heatingDegrees = Math.max(0, 17 - outdoor);
            double occupied = occupancy(building.category(), local);
            return area * (0.0012 * heatingDegrees * (0.8 + 0.3 * occupied) + 0.002) * noise;
        }
        double base = area * 0.004;
        double busy = area * 0.012 * occupancy(building.category(), local);
        return (base + busy) * noise;
    }

    /** How busy the building is, 0..1, by category and local time. */
    static double occupancy(BuildingCategory category, ZonedDateTime local) {
        int hour = local.getHour();
        boolean weekday = local.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        return switch (category) {
            case SCHOOL, KINDERGARTEN, OFFICE -> weekday && hour >= 7 && hour < 16 ? 1.0 : 0.05;
            case NURSING_HOME, HOSPITAL -> hour >= 7 && hour < 21 ? 0.6 : 0.45;
            case SPORTS_HALL -> hour >= 16 && hour < 22 ? 1.0 : hour >= 8 && hour < 16 && weekday ? 0.3 : 0.02;
            case CULTURAL -> hour >= 17 && hour < 23 ? 0.9 : !weekday && hour >= 11 ? 0.6 : 0.05;
            case OTHER -> hour >= 8 && hour < 18 ? 0.5 : 0.1;
        };
    }
}
