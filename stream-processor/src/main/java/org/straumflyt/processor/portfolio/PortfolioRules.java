package org.straumflyt.processor.portfolio;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.straumflyt.processor.calendar.DegreeDayRules;

/**
 * How the portfolio application computes and emits.
 *
 * @param zone            the zone whose dates the periods are in; the last complete day is yesterday there
 * @param freshWithin       a meter delivers data and a building is live (the data-freshness figures) when its
 *                          data reaches at least this far back from now
 * @param emitInterval      wall-clock interval of the portfolio emission (and of the building contributions behind it)
 * @param renewableShares   renewable share of each carrier's supplied energy (EN:E:E:1C)
 * @param degreeDays        the degree-day rules (the categories' temperature-dependent shares) of the correction
 * @param yearlyMinCoverage the completeness a whole year needs for its kWh/m² to be published as yearly, 0..1
 */
public record PortfolioRules(ZoneId zone, Duration freshWithin, Duration emitInterval,
        RenewableShares renewableShares, DegreeDayRules degreeDays, double yearlyMinCoverage) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");
    public static final int DEFAULT_FRESH_MINUTES = 120;
    public static final int DEFAULT_EMIT_SECONDS = 60;
    public static final double DEFAULT_YEARLY_MIN_COVERAGE = 0.95;
    private static final Duration MAX_FRESHNESS_STEP = Duration.ofMinutes(5);

    public PortfolioRules {
        Objects.requireNonNull(zone, "zone");
        if (freshWithin.isNegative() || freshWithin.isZero()) {
            throw new IllegalArgumentException("freshWithin must be positive, was " + freshWithin);
        }
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("emitInterval must be positive, was " + emitInterval);
        }
        Objects.requireNonNull(renewableShares, "renewableShares");
        Objects.requireNonNull(degreeDays, "degreeDays");
        if (!(yearlyMinCoverage >= 0 && yearlyMinCoverage <= 1)) {
            throw new IllegalArgumentException("yearlyMinCoverage must be within 0..1, was " + yearlyMinCoverage);
        }
    }

    /** Europe/Oslo, 120 minutes, 60 seconds, no renewable shares, default degree-day rules, 0.95. */
    public static PortfolioRules defaults() {
        return new PortfolioRules(DEFAULT_ZONE, Duration.ofMinutes(DEFAULT_FRESH_MINUTES),
                Duration.ofSeconds(DEFAULT_EMIT_SECONDS), RenewableShares.NONE, DegreeDayRules.defaults(),
                DEFAULT_YEARLY_MIN_COVERAGE);
    }

    public PortfolioRules withFreshWithin(Duration window) {
        return new PortfolioRules(zone, window, emitInterval, renewableShares, degreeDays, yearlyMinCoverage);
    }

    public PortfolioRules withEmitInterval(Duration interval) {
        return new PortfolioRules(zone, freshWithin, interval, renewableShares, degreeDays, yearlyMinCoverage);
    }

    public PortfolioRules withRenewableShares(RenewableShares shares) {
        return new PortfolioRules(zone, freshWithin, emitInterval, shares, degreeDays, yearlyMinCoverage);
    }

    public PortfolioRules withYearlyMinCoverage(double minCoverage) {
        return new PortfolioRules(zone, freshWithin, emitInterval, renewableShares, degreeDays, minCoverage);
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
}
