/**
 * The stream processor: the service ({@link org.straumflyt.processor.ProcessorService}), its configuration and
 * metrics, and the KPI topology ({@link org.straumflyt.processor.KpiTopology}), whose {@code build()} lists the
 * stages in order, one package each: {@code assignment}, {@code input}, {@code engine} (with {@code series}),
 * {@code building}, {@code calendar}, {@code weather}. The portfolio application is {@code portfolio} (with
 * {@code twin}). Shared here: {@link org.straumflyt.processor.StateStores} (in-memory or RocksDB, chosen once),
 * {@link org.straumflyt.processor.DeadLetterSink} and {@link org.straumflyt.processor.RevisionStamper}.
 */
package org.straumflyt.processor;
