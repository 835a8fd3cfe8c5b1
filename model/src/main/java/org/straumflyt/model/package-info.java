/**
 * The wire contracts of straumflyt: the records every public Kafka topic carries, the
 * {@link org.straumflyt.model.Topics} catalogue that pairs each topic name with its key and value serdes, and the
 * rules every service applies to what arrives ({@link org.straumflyt.model.ReadingRules} for readings and
 * temperature samples, {@link org.straumflyt.model.IdRules} for ids). The codecs that turn the records into bytes
 * live in {@link org.straumflyt.model.wire}.
 *
 * <p>Conventions: times are UTC {@link java.time.Instant}s written as ISO-8601 strings with
 * millisecond precision; local dates and months (for days and months in a building's time zone)
 * are ISO strings; energies are kWh, powers kW, areas m². Every record carries a
 * {@code schemaVersion}; a JSON Schema for each lives under {@code /schemas}.
 */
package org.straumflyt.model;
