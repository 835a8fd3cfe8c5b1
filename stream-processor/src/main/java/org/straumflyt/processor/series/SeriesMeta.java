package org.straumflyt.processor.series;

import org.straumflyt.model.ReadingKind;

/**
 * Bookkeeping of one meter-register, kept so that a reading needs no scans to know it.
 *
 * @param watermark     epoch ms of the newest reading of any kind
 * @param frozenFrom    hour start (epoch ms) before which hours are final and their readings evicted
 * @param firstRegister epoch ms of the first retained register reading, {@code Long.MAX_VALUE} without any
 * @param lastRegister  epoch ms of the last register reading, {@code Long.MIN_VALUE} without any
 * @param kinds         bit set of the {@link ReadingKind} ordinals the series has received
 */
public record SeriesMeta(long watermark, long frozenFrom, long firstRegister, long lastRegister, int kinds) {

    public boolean has(ReadingKind kind) {
        return (kinds & (1 << kind.ordinal())) != 0;
    }

    /** With a reading of this kind at this time taken into account (not the watermark). */
    public SeriesMeta with(ReadingKind kind, long at) {
        boolean register = kind == ReadingKind.ENERGY_REGISTER;
        return new SeriesMeta(watermark, frozenFrom, register ? Math.min(firstRegister, at) : firstRegister,
                register ? Math.max(lastRegister, at) : lastRegister, kinds | (1 << kind.ordinal()));
    }
}
