/**
 * The ground truth of a simulation, computed from the generated series without the pipeline's code: meter-hours,
 * building-hours and days ({@link org.straumflyt.simulator.truth.GroundTruth}), and the portfolio's indicators.
 */
package org.straumflyt.simulator.truth;
