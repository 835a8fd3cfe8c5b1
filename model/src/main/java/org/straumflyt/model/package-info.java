/**
 * The wire contracts of straumflyt: the records every public Kafka topic carries, the one
 * JSON codec that writes and reads them, and the {@link org.straumflyt.model.Topics} catalogue
 * that pairs each topic name with its key and value serdes.
 *
 * <p>Conventions: times are UTC {@link java.time.Instant}s written as ISO-8601 strings with
 * millisecond precision; local dates and months (for days and months in a building's time zone)
 * are ISO strings; energies are kWh, powers kW, areas m². Every record carries a
 * {@code schemaVersion}; a JSON Schema for each lives under {@code /schemas}.
 */
package org.straumflyt.model;
