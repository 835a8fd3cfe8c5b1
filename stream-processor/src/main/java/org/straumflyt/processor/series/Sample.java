package org.straumflyt.processor.series;

/**
 * A register reading (kWh) or a power sample (kW) at one instant.
 *
 * @param at       epoch ms, UTC
 * @param value    kWh or kW
 * @param conflict whether different values were received for this instant (the higher one is kept)
 */
public record Sample(long at, double value, boolean conflict) {

    /** This sample merged with another value for the same instant: the higher value wins, whatever the order. */
    public Sample merge(double other) {
        if (Double.compare(other, value) == 0) {
            return this;
        }
        return new Sample(at, Math.max(value, other), true);
    }
}
