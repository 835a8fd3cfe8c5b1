/**
 * Stage 1, assignment: the building registry as a table and re-keyed by meter
 * ({@link org.straumflyt.processor.assignment.MeterAssignments}), so that the meter stage knows each meter's
 * building, carrier and limits.
 */
package org.straumflyt.processor.assignment;
