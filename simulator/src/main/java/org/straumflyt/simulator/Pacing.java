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
     * How long to wait, in nanoseconds, before sending a message due at {@code sendAt}; 0 when it is due already
     * (always for {@link Max}).
     *
     * @param wallStartNanos {@link System#nanoTime()} when the run started
     * @param nowNanos       {@link System#nanoTime()} now
     */
    default long nanosToWait(Instant sendAt, Instant simulatedStart, long wallStartNanos, long nowNanos) {
        long due;
        if (this instanceof Accelerated a) {
            due = wallStartNanos
                    + (long) ((sendAt.toEpochMilli() - simulatedStart.toEpochMilli()) / a.factor() * 1_000_000);
        } else if (this instanceof Live) {
            due = nowNanos + (sendAt.toEpochMilli() - System.currentTimeMillis()) * 1_000_000;
        } else {
            return 0;
        }
        return Math.max(0, due - nowNanos);
    }
}
