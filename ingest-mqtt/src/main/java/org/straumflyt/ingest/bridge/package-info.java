/**
 * The pipeline from an MQTT message to Kafka records: decoding and checking a message into readings, samples or a
 * dead letter ({@link org.straumflyt.ingest.bridge.MessageDecoder}), moving it to Kafka and acknowledging it in
 * arrival order once Kafka confirmed it ({@link org.straumflyt.ingest.bridge.Bridge},
 * {@link org.straumflyt.ingest.bridge.InFlightMessages}), and the meters that account for every message.
 */
package org.straumflyt.ingest.bridge;
