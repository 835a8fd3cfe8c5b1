/**
 * The one rollup of energy totals ({@link org.straumflyt.processor.rollup.EnergyRollup}): meter-hours into a
 * building-hour, building-hours into a building-day, building-days into a building-month and into a building's period
 * sums for the portfolio. Each stage keeps its own stored form and adds what is its own (peaks, base load, degree
 * days, completeness); the carriers, totals, coverage, part count and flags are summed here.
 */
package org.straumflyt.processor.rollup;
