package org.straumflyt.simulator.fleet;

import java.time.LocalDate;

/**
 * Outdoor temperature of a Norwegian coastal town: a seasonal curve (about −3 °C in late January, 16 °C in late
 * July) with a daily deviation drawn from the seed. Heating load follows it.
 */
public final class WeatherModel {
    private final long seed;

    public WeatherModel(long seed) {
        this.seed = seed;
    }

    /** The daily mean temperature, °C. */
    public double dailyMeanC(String locationId, LocalDate date) {
        double season = 6.5 - 9.5 * Math.cos(2 * Math.PI * (date.getDayOfYear() - 25) / 365.0);
        double deviation = (Noise.unit(seed, "weather:" + locationId, date.toEpochDay()) - 0.5) * 8;
        return Math.round((season + deviation) * 10) / 10.0;
    }
}
