package org.straumflyt.simulator.fleet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;

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

    /**
     * The part of a building's electricity that each simulated sub-meter takes, by end use; the main meter in front of
     * them measures the rest plus all of theirs.
     */
    public static final Map<EndUse, Double> SUB_METER_SHARES;

    static {
        Map<EndUse, Double> shares = new LinkedHashMap<>();
        shares.put(EndUse.FANS, 0.25);
        shares.put(EndUse.EV_CHARGING, 0.15);
        shares.put(EndUse.TECHNICAL_EQUIPMENT, 0.1);
        SUB_METER_SHARES = java.util.Collections.unmodifiableMap(shares);
    }

    /**
     * Power during the step of a meter in its building's meter tree, kW: a sub-meter takes its end use's share of
     * the building's load; a main meter with sub-meters behind it measures the rest plus what each of them measures
     * during the step (their steps contain the main meter's: {@link FleetGenerator}); any other meter as
     * {@link #powerKw(Building, SimMeter, Instant, long)}.
     */
    public double powerKw(SimBuilding sim, SimMeter meter, Instant stepStart, long stepIndex) {
        Building building = sim.building();
        double own = powerKw(building, meter, stepStart, stepIndex);
        MeterSpec spec = building.meter(meter.meterId()).orElse(null);
        if (spec == null || spec.role() == null) {
            return own;
        }
        if (spec.meterRole() == MeterRole.SUB) {
            return own * SUB_METER_SHARES.getOrDefault(spec.endUse(), 0.1);
        }
        double power = own;
        for (SimMeter sub : sim.meters()) {
            MeterSpec subSpec = building.meter(sub.meterId()).orElse(null);
            if (subSpec != null && meter.meterId().equals(subSpec.parentMeterId())) {
                long k = Math.floorDiv(stepStart.getEpochSecond() - sub.phaseSeconds(), sub.stepSeconds());
                Instant subStart = Instant.ofEpochSecond(k * sub.stepSeconds() + sub.phaseSeconds());
                double share = SUB_METER_SHARES.getOrDefault(subSpec.endUse(), 0.1);
                power += powerKw(building, sub, subStart, k) * share - own * share;
            }
        }
        return Math.max(0, power);
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
