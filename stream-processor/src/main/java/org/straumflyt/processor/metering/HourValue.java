package org.straumflyt.processor.metering;

import java.util.Set;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.QualityFlags;

/**
 * The computed value of one meter-register in one UTC hour, before it becomes a {@code MeterHour}.
 *
 * @param hourStart epoch ms
 * @param energyKwh energy in the hour, kWh
 * @param peakKw    highest power sample in the hour, kW, or {@code null} without power samples
 * @param coveredMs ms of the hour covered by measurements, 0..3 600 000
 * @param source    where the energy comes from
 * @param flags     quality flags
 */
public record HourValue(long hourStart, double energyKwh, Double peakKw, long coveredMs, EnergySource source,
        Set<QualityFlag> flags) {
    public HourValue {
        coveredMs = Math.max(0, Math.min(Hours.MS, coveredMs));
        flags = QualityFlags.copy(flags);
    }

    /** Coverage as a fraction of the hour, 0..1. */
    public double coverage() {
        return coveredMs / (double) Hours.MS;
    }
}
