package org.straumflyt.processor.weather;

import java.time.Instant;

/**
 * The samples of one location in one local clock hour.
 *
 * @param hourStart the start of the hour (local clock hour; a UTC hour in zones with whole-hour offsets)
 * @param sumC      sum of the samples' temperatures, °C
 * @param samples   how many samples
 */
public record HourMean(Instant hourStart, double sumC, long samples) {

    public HourMean add(double temperatureC) {
        return new HourMean(hourStart, sumC + temperatureC, samples + 1);
    }

    /** The hour's mean temperature, °C. */
    public double meanC() {
        return sumC / samples;
    }
}
