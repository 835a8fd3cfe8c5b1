package org.straumflyt.processor.building;

import java.util.Set;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.QualityFlags;
import org.straumflyt.model.Registers;

/**
 * One meter-register's hour as it counts in its building's hour.
 *
 * @param meterId   meter id
 * @param register  register name
 * @param carrier   energy carrier
 * @param energyKwh energy, kWh
 * @param peakKw    highest power sample, kW, or {@code null}
 * @param coverage  0..1
 * @param flags     quality flags of the meter-hour
 * @param revision  revision of the meter-hour it came from
 */
public record MeterContribution(String meterId, String register, Carrier carrier, double energyKwh, Double peakKw,
        double coverage, Set<QualityFlag> flags, long revision) {
    public MeterContribution {
        flags = QualityFlags.copy(flags);
    }

    public static MeterContribution of(MeterHour hour) {
        return new MeterContribution(hour.meterId(), hour.register(), hour.carrier(), hour.energyKwh(), hour.peakKw(),
                hour.coverage(), hour.flags(), hour.revision());
    }

    /** The key of this contribution within its building-hour. */
    public String slot() {
        return meterId + '\u0000' + register;
    }

    public boolean export() {
        return Registers.isExport(register);
    }
}
