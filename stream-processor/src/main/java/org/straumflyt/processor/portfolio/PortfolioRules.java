package org.straumflyt.processor.portfolio;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.straumflyt.model.Carrier;

/**
 * How the portfolio application computes and emits.
 *
 * @param zone            the zone whose dates the periods are in; the last complete day is yesterday there
 * @param freshWithin     a meter delivers data (EC:ICT:ES:1C) and a building is live (EC:I:B:2A) when its data
 *                        reaches at least this far back from now
 * @param emitInterval    wall-clock interval of the portfolio emission (and of the building contributions behind it)
 * @param renewableShares renewable share of each carrier's imported energy, 0..1; carriers not listed count as 0,
 *                        and without any entry the renewable indicator is left out
 */
public record PortfolioRules(ZoneId zone, Duration freshWithin, Duration emitInterval,
        Map<Carrier, Double> renewableShares) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");
    public static final int DEFAULT_FRESH_MINUTES = 120;
    public static final int DEFAULT_EMIT_SECONDS = 60;
    private static final Duration MAX_FRESHNESS_STEP = Duration.ofMinutes(5);

    public PortfolioRules {
        Objects.requireNonNull(zone, "zone");
        if (freshWithin.isNegative() || freshWithin.isZero()) {
            throw new IllegalArgumentException("freshWithin must be positive, was " + freshWithin);
        }
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("emitInterval must be positive, was " + emitInterval);
        }
        renewableShares = renewableShares.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(renewableShares));
        renewableShares.forEach((carrier, share) -> {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("renewable share of " + carrier + " must be within 0..1, was "
                        + share);
            }
        });
    }

    /** Europe/Oslo, 120 minutes, 60 seconds, no renewable shares. */
    public static PortfolioRules defaults() {
        return new PortfolioRules(DEFAULT_ZONE, Duration.ofMinutes(DEFAULT_FRESH_MINUTES),
                Duration.ofSeconds(DEFAULT_EMIT_SECONDS), Map.of());
    }

    /**
     * The step to which a meter's data time is rounded down before it travels to the building stage: 5 minutes, or a
     * quarter of the freshness window if that is shorter. A live meter's data moves on with every power sample; the
     * indicators need it only to the scale of the window, and the step keeps the building stage from recomputing every
     * live building at every interval. Freshness is judged at most one step early, never late.
     */
    public Duration freshnessStep() {
        Duration quarter = freshWithin.dividedBy(4);
        Duration step = quarter.compareTo(MAX_FRESHNESS_STEP) < 0 ? quarter : MAX_FRESHNESS_STEP;
        return step.isZero() ? Duration.ofMillis(1) : step;
    }

    /** The renewable share of a carrier, 0 when not listed. */
    public double renewableShare(Carrier carrier) {
        return renewableShares.getOrDefault(carrier, 0.0);
    }

    public boolean knowsRenewables() {
        return !renewableShares.isEmpty();
    }
}
