/**
 * ingest-mqtt, the bridge from MQTT to Kafka: its configuration ({@link org.straumflyt.ingest.IngestConfig}), its
 * process entry point and the service that wires the MQTT connection, the pipeline and the Kafka producer. One
 * package per part: {@code route} (which topics in which format), {@code mqtt} (the connection), {@code format} (the
 * payload formats), {@code bridge} (the pipeline from a message to records) and {@code kafka} (the producer).
 */
package org.straumflyt.ingest;
