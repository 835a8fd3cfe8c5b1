package org.straumflyt.processor.metering;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable parts of the metering semantics.
 *
 * @param latenessHorizon       how far behind the newest reading of a meter-register a reading may be and still
 *                              correct earlier hours; older ones are late
 * @param powerMaxGap           power samples further apart than this are not integrated across
 * @param registerInterpolation a register step longer than this is flagged {@code INTERPOLATED}
 * @param rolloverBand          fraction of the register maximum that counts as "near" it (and near 0 after it)
 * @param emitInterval          how often changed meter-hours are emitted; 0 emits every change at once
 */
public record MeteringRules(Duration latenessHorizon, Duration powerMaxGap, Duration registerInterpolation,
        double rolloverBand, Duration emitInterval) {
    public static final int DEFAULT_HORIZON_HOURS = 36;
    public static final int DEFAULT_POWER_GAP_SECONDS = 300;
    public static final int DEFAULT_INTERPOLATION_SECONDS = 7200;
    public static final double DEFAULT_ROLLOVER_BAND = 0.1;
    public static final int DEFAULT_EMIT_INTERVAL_MS = 500;

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
    }

    /** The defaults: 36 h horizon, 5 min power gap, 2 h interpolation flag, 10 % rollover band, emit every 2 s. */
    public static MeteringRules defaults() {
        return new MeteringRules(Duration.ofHours(DEFAULT_HORIZON_HOURS), Duration.ofSeconds(DEFAULT_POWER_GAP_SECONDS),
                Duration.ofSeconds(DEFAULT_INTERPOLATION_SECONDS), DEFAULT_ROLLOVER_BAND,
                Duration.ofMillis(DEFAULT_EMIT_INTERVAL_MS));
    }

    /** The same rules with another emit interval. */
    public MeteringRules withEmitInterval(Duration interval) {
        return new MeteringRules(latenessHorizon, powerMaxGap, registerInterpolation, rolloverBand, interval);
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
