package org.straumflyt.processor.series;

/**
 * Energy over {@code [start, end)}.
 *
 * @param start    epoch ms
 * @param end      epoch ms, after start
 * @param kwh      energy, kWh
 * @param conflict whether different values were received for this start (the higher energy, then the later end, is kept)
 */
public record IntervalSample(long start, long end, double kwh, boolean conflict) {

    /** This interval merged with another one of the same start: deterministic, whatever the order. */
    public IntervalSample merge(long otherEnd, double otherKwh) {
        if (otherEnd == end && Double.compare(otherKwh, kwh) == 0) {
            return this;
        }
        int byEnergy = Double.compare(otherKwh, kwh);
        boolean otherWins = byEnergy > 0 || (byEnergy == 0 && otherEnd > end);
        return otherWins ? new IntervalSample(start, otherEnd, otherKwh, true) : new IntervalSample(start, end, kwh, true);
    }
}
