package org.straumflyt.processor.metering;

import java.util.List;

/**
 * What is known of one meter-register, as far as a recomputation needs it.
 *
 * @param register  the register analysis of the whole retained register series
 * @param power     power samples sorted by time, at least those within the power gap of the hours to compute
 * @param intervals interval values sorted by start, at least those overlapping the hours to compute
 */
public record MeterSeriesData(RegisterAnalysis register, List<Sample> power, List<IntervalSample> intervals) {
}
