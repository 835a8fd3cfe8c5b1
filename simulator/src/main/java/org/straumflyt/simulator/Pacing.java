package org.straumflyt.simulator;

import java.time.Instant;
import java.util.Locale;

/** How fast simulated time runs. */
public sealed interface Pacing {
    /** As fast as the broker takes it. */
    record Max() implements Pacing {
    }

    /** Simulated time {@code factor} times faster than the clock (1 = real time), from the run's start. */
    record Accelerated(double factor) implements Pacing {
        public Accelerated {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("--speed must be a positive number, max or live, got " + factor);
            }
        }
    }

    /** Every message at its own time on the clock: the past as fast as possible, then real time. */
    record Live() implements Pacing {
    }

    /** Parses {@code max}, {@code live} or a positive factor such as {@code 1}, {@code 60}. */
    static Pacing parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return new Max();
        }
        if (value.equals("live")) {
            return new Live();
        }
        try {
            return new Accelerated(Double.parseDouble(value.endsWith("x") ? value.substring(0, value.length() - 1) : value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be max, live or a positive number, got '" + text + "'");
        }
    }

    /**
     * Wall-clock nanos ({@link System#nanoTime()} scale) at which a message due at {@code sendAt} is sent;
     * {@link Long#MIN_VALUE} (at once) for {@link Max} — callers must not subtract from it.
     */
    default long dueNanos(Instant sendAt, Instant simulatedStart, long wallStartNanos) {
        if (this instanceof Accelerated a) {
            return wallStartNanos
                    + (long) ((sendAt.toEpochMilli() - simulatedStart.toEpochMilli()) / a.factor() * 1_000_000);
        }
        if (this instanceof Live) {
            return System.nanoTime() + (sendAt.toEpochMilli() - System.currentTimeMillis()) * 1_000_000;
        }
        return Long.MIN_VALUE;
    }
}
