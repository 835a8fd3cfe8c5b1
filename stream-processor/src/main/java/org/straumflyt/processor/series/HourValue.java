package org.straumflyt.processor.series;

import java.util.Set;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.QualityFlags;
import org.straumflyt.model.Resolution;

/**
 * The computed value of one meter-register in one bucket of its {@link Resolution} (a UTC hour, for
 * {@code kpi.meter-hourly}), before it becomes a {@code MeterHour}.
 *
 * @param hourStart the bucket start, epoch ms
 * @param energyKwh energy in the hour, kWh
 * @param peakKw    highest power sample in the hour, kW, or {@code null} without power samples
 * @param coveredMs ms of the bucket covered by measurements, from 0 to the bucket size (the calculator bounds it)
 * @param source    where the energy comes from
 * @param flags     quality flags
 */
public record HourValue(long hourStart, double energyKwh, Double peakKw, long coveredMs, EnergySource source,
        Set<QualityFlag> flags) {
    public HourValue {
        coveredMs = Math.max(0, coveredMs);
        flags = QualityFlags.copy(flags);
    }

    /** Coverage as a fraction of the bucket, 0..1. */
    public double coverage(Resolution resolution) {
        return resolution.fraction(coveredMs);
    }
}
