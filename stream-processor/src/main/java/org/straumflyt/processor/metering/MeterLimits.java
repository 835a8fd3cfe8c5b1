package org.straumflyt.processor.metering;

import org.straumflyt.model.MeterSpec;

/**
 * What the registry says about a meter's plausible values.
 *
 * @param registerMaxKwh the value its register rolls over at, or {@code null} when unknown
 * @param maxPowerKw     the highest plausible power, or {@code null} when unknown (then no spike check)
 */
public record MeterLimits(Double registerMaxKwh, Double maxPowerKw) {
    public static final MeterLimits NONE = new MeterLimits(null, null);

    public static MeterLimits of(MeterSpec spec) {
        return spec == null ? NONE : new MeterLimits(spec.registerMaxKwh(), spec.maxPowerKw());
    }
}
