package org.straumflyt.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where one carrier's energy of a building period went, from its meter tree. Each meter of the tree gets its own rest
 * (its energy minus that of the meters directly behind it) under its end use (a virtual meter's end use for the rest
 * it names; {@link EndUse#OTHER} when none is given), so the end uses sum to the carrier's total.
 *
 * @param endUses       energy by end use, kWh; sorted, immutable; sums to the carrier's import
 * @param unmeteredKwh  the main meters' unmetered rest: main − Σ the sub-meters directly behind it, kWh (negative when
 *                      the sub-meters read more); {@code null} when the total comes from sub-meters
 * @param fromSubMeters whether the building has no main meter for the carrier and its total is the sum of its
 *                      sub-meters without a parent
 */
public record EndUseBreakdown(Map<EndUse, Double> endUses, Double unmeteredKwh, boolean fromSubMeters) {
    public EndUseBreakdown {
        endUses = endUses == null || endUses.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(endUses));
    }

    /** The sum of two periods' breakdowns (a rest is known when both are; from sub-meters when either is). */
    public EndUseBreakdown plus(EndUseBreakdown other) {
        Map<EndUse, Double> sum = new EnumMap<>(EndUse.class);
        sum.putAll(endUses);
        other.endUses.forEach((use, kwh) -> sum.merge(use, kwh, Double::sum));
        Double rest = unmeteredKwh == null ? other.unmeteredKwh
                : other.unmeteredKwh == null ? unmeteredKwh : Double.valueOf(unmeteredKwh + other.unmeteredKwh);
        return new EndUseBreakdown(sum, rest, fromSubMeters || other.fromSubMeters);
    }
}
