package org.straumflyt.processor.engine;

import java.util.List;
import org.straumflyt.processor.series.IntervalSample;
import org.straumflyt.processor.series.Sample;

/**
 * What is known of one meter-register, as far as a recomputation needs it.
 *
 * @param register        the register analysis of the whole retained register series
 * @param power           plausible power samples sorted by time, at least those within the power gap of the hours
 *                        to compute
 * @param intervals       interval values sorted by start, at least those overlapping the hours to compute
 * @param quarantinedPower epoch ms of the power samples beyond the meter's plausible maximum among those read: left
 *                        out of energy and peak, flagged {@code SPIKE} on their hours
 */
public record MeterSeriesData(RegisterAnalysis register, List<Sample> power, List<IntervalSample> intervals,
        List<Long> quarantinedPower) {
}
