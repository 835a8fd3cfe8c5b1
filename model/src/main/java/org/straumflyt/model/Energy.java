package org.straumflyt.model;

/**
 * Physical conversions between power and energy over a time in milliseconds. Independent of any bucket width
 * ({@link Resolution}): a kilowatt for an hour is a kilowatt-hour whether the hour is one bucket or four.
 */
public final class Energy {
    /** Milliseconds in an hour: the "h" of kWh. */
    public static final long MS_PER_HOUR = 3_600_000L;

    private Energy() {
    }

    /** kWh delivered by a mean power of {@code kw} over {@code ms} milliseconds. */
    public static double kwh(double kw, long ms) {
        return kw * (ms / (double) MS_PER_HOUR);
    }

    /** The mean power, kW, of {@code kwh} delivered over {@code ms} milliseconds. */
    public static double meanKw(double kwh, long ms) {
        return kwh / (ms / (double) MS_PER_HOUR);
    }
}
