/**
 * Stage 3, the meter stage ({@link org.straumflyt.processor.engine.MeterStage}): applies each reading to its
 * meter-register's series and computes the buckets of a {@link org.straumflyt.model.Resolution} it changed (the
 * register classification, the hour calculation, the emission with revisions). Its state is in {@code series}.
 */
package org.straumflyt.processor.engine;
