package org.straumflyt.processor.engine;

import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;

/**
 * What the registry says about a meter's plausible values.
 *
 * @param registerMaxKwh the value its register rolls over at, or {@code null} when unknown
 * @param maxPowerKw     the highest plausible power from its registry entry, or {@code null} when unknown (then no
 *                       spike check of register steps)
 * @param sampleMaxKw    the highest plausible power sample (either sign): {@code maxPowerKw}, or the carrier's
 *                       default when the registry gives none; a sample beyond it is quarantined
 */
public record MeterLimits(Double registerMaxKwh, Double maxPowerKw, double sampleMaxKw) {
    /** No registry limits, and no bound on power samples. */
    public static final MeterLimits NONE = new MeterLimits(null, null, Double.POSITIVE_INFINITY);

    /**
     * The limits of a meter from its registry entry ({@code null} when it has none), falling back to the rules'
     * default maximum power of its carrier.
     */
    public static MeterLimits of(MeterSpec spec, Carrier carrier, MeteringRules rules) {
        Double registerMax = spec == null ? null : spec.registerMaxKwh();
        Double maxPower = spec == null ? null : spec.maxPowerKw();
        return new MeterLimits(registerMax, maxPower, maxPower != null ? maxPower : rules.carrierMaxPowerKw(carrier));
    }

    /** Whether a power sample is beyond what the meter can measure. */
    public boolean implausiblePower(double kw) {
        return Math.abs(kw) > sampleMaxKw;
    }
}
