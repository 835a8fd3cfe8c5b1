/**
 * The KPI publisher, from the KPI topics to InfluxDB (or QuestDB over its InfluxDB API): its configuration, its
 * process entry point and the service that wires the consumer loop, the store client and the dead-letter producer.
 * One package per part: {@code consume} (poll, map, batch, commit), {@code layout} (what a record becomes in the
 * store) and {@code write} (the writes and their retries).
 */
package org.straumflyt.publisher;
