/**
 * The Kafka side of ingest: the one idempotent producer ({@link org.straumflyt.ingest.kafka.KafkaSink}) and the
 * readiness probe that asks the cluster whether it answers.
 */
package org.straumflyt.ingest.kafka;
