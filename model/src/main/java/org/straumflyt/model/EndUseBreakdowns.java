package org.straumflyt.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Breakdowns by carrier ({@link EndUseBreakdown}): copies and sums over periods. */
public final class EndUseBreakdowns {
    private EndUseBreakdowns() {
    }

    /** An immutable copy, {@code null} when there is none (absent on the wire). */
    public static Map<Carrier, EndUseBreakdown> copy(Map<Carrier, EndUseBreakdown> breakdown) {
        return breakdown == null || breakdown.isEmpty() ? null
                : Collections.unmodifiableMap(new EnumMap<>(breakdown));
    }

    /** The sum of two periods' breakdowns; {@code null} when neither has one. */
    public static Map<Carrier, EndUseBreakdown> plus(Map<Carrier, EndUseBreakdown> a,
            Map<Carrier, EndUseBreakdown> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Map<Carrier, EndUseBreakdown> sum = new EnumMap<>(Carrier.class);
        sum.putAll(a);
        b.forEach((carrier, x) -> sum.merge(carrier, x, EndUseBreakdown::plus));
        return sum;
    }
}
