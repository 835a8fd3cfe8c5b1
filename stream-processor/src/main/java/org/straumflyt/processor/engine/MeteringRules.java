package org.straumflyt.processor.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.ReadingRules;

/**
 * The tunable parts of the metering semantics.
 *
 * @param latenessHorizon       how far behind the newest reading of a meter-register a reading may be and still
 *                              correct earlier hours; older ones are late
 * @param powerMaxGap           power samples further apart than this are not integrated across
 * @param registerInterpolation a register step longer than this is flagged {@code INTERPOLATED}
 * @param rolloverBand          fraction of the register maximum that counts as "near" it (and near 0 after it)
 * @param emitInterval          how often changed meter-hours are emitted; 0 emits every change at once
 * @param readingRules          what a reading can be at all; a reading that breaks them is a dead letter
 * @param carrierMaxPowerKw     the plausible maximum power of a meter whose registry entry gives none, by carrier:
 *                              a power sample above it is quarantined like one above the meter's own maximum
 */
public record MeteringRules(Duration latenessHorizon, Duration powerMaxGap, Duration registerInterpolation,
        double rolloverBand, Duration emitInterval, ReadingRules readingRules, Map<Carrier, Double> carrierMaxPowerKw) {
    public static final int DEFAULT_HORIZON_HOURS = 36;
    public static final int DEFAULT_POWER_GAP_SECONDS = 300;
    public static final int DEFAULT_INTERPOLATION_SECONDS = 7200;
    public static final double DEFAULT_ROLLOVER_BAND = 0.1;
    public static final int DEFAULT_EMIT_INTERVAL_MS = 500;
    /**
     * 10 MW: more than any one meter of a municipal building draws (a large hospital's whole supply), far less
     * than the nonsense a broken device or a unit mistake (W sent as kW) produces.
     */
    public static final double DEFAULT_CARRIER_MAX_POWER_KW = 10_000;

    public MeteringRules {
        Objects.requireNonNull(latenessHorizon, "latenessHorizon");
        Objects.requireNonNull(powerMaxGap, "powerMaxGap");
        Objects.requireNonNull(registerInterpolation, "registerInterpolation");
        if (latenessHorizon.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("latenessHorizon must be at least 1 h, was " + latenessHorizon);
        }
        if (powerMaxGap.isNegative() || powerMaxGap.isZero()) {
            throw new IllegalArgumentException("powerMaxGap must be positive, was " + powerMaxGap);
        }
        Objects.requireNonNull(emitInterval, "emitInterval");
        if (emitInterval.isNegative()) {
            throw new IllegalArgumentException("emitInterval must not be negative, was " + emitInterval);
        }
        if (!(rolloverBand >= 0 && rolloverBand <= 0.5)) {
            throw new IllegalArgumentException("rolloverBand must be in [0, 0.5], was " + rolloverBand);
        }
        Objects.requireNonNull(readingRules, "readingRules");
        Map<Carrier, Double> complete = new EnumMap<>(Carrier.class);
        for (Carrier carrier : Carrier.values()) {
            double kw = carrierMaxPowerKw.getOrDefault(carrier, DEFAULT_CARRIER_MAX_POWER_KW);
            if (!(kw > 0) || Double.isInfinite(kw)) {
                throw new IllegalArgumentException("the maximum power of " + carrier + " meters must be positive "
                        + "and finite, was " + kw);
            }
            complete.put(carrier, kw);
        }
        carrierMaxPowerKw = Map.copyOf(complete);
    }

    /**
     * The defaults: 36 h horizon, 5 min power gap, 2 h interpolation flag, 10 % rollover band, emit every 0.5 s,
     * the default reading rules, 10 MW for meters without a maximum power.
     */
    public static MeteringRules defaults() {
        return new MeteringRules(Duration.ofHours(DEFAULT_HORIZON_HOURS), Duration.ofSeconds(DEFAULT_POWER_GAP_SECONDS),
                Duration.ofSeconds(DEFAULT_INTERPOLATION_SECONDS), DEFAULT_ROLLOVER_BAND,
                Duration.ofMillis(DEFAULT_EMIT_INTERVAL_MS), ReadingRules.defaults(), Map.of());
    }

    /** The same rules with another emit interval. */
    public MeteringRules withEmitInterval(Duration interval) {
        return new MeteringRules(latenessHorizon, powerMaxGap, registerInterpolation, rolloverBand, interval,
                readingRules, carrierMaxPowerKw);
    }

    /** The plausible maximum power of a meter of this carrier whose registry entry gives none, kW. */
    public double carrierMaxPowerKw(Carrier carrier) {
        return carrierMaxPowerKw.get(carrier);
    }

    public long horizonMs() {
        return latenessHorizon.toMillis();
    }

    public long powerMaxGapMs() {
        return powerMaxGap.toMillis();
    }

    public long interpolationMs() {
        return registerInterpolation.toMillis();
    }
}
