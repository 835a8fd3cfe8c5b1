package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A message or record set aside with the reason. Topic {@code readings.dlq} (and the publisher's own
 * dead-letter topic), key = the source topic.
 *
 * @param component  which service set it aside: {@code ingest-mqtt}, {@code stream-processor}, {@code kpi-publisher}
 * @param reason     the reason code
 * @param detail     a human-readable explanation naming the offending value
 * @param mqttTopic  the MQTT topic the payload arrived on, when it came from MQTT
 * @param kafkaTopic the Kafka topic the record came from, when it came from Kafka
 * @param partition  its partition, when it came from Kafka
 * @param offset     its offset, when it came from Kafka
 * @param payload    the raw payload, base64
 * @param receivedAt when the component received it (UTC)
 */
public record DeadLetter(
        String component,
        DeadLetterReason reason,
        String detail,
        String mqttTopic,
        String kafkaTopic,
        Integer partition,
        Long offset,
        String payload,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;

    public DeadLetter {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payload = payload == null ? "" : payload;
    }

    /** A dead letter for a payload that arrived over MQTT. */
    public static DeadLetter fromMqtt(String component, DeadLetterReason reason, String detail, String mqttTopic,
            byte[] payload, Instant receivedAt) {
        return new DeadLetter(component, reason, detail, mqttTopic, null, null, null, encode(payload), receivedAt);
    }

    /** A dead letter for a record read from Kafka. */
    public static DeadLetter fromKafka(String component, DeadLetterReason reason, String detail, String kafkaTopic,
            int partition, long offset, byte[] payload, Instant receivedAt) {
        return new DeadLetter(component, reason, detail, null, kafkaTopic, partition, offset, encode(payload),
                receivedAt);
    }

    /** The source topic, which is also the record's key: the MQTT topic if there is one, else the Kafka topic. */
    public String sourceTopic() {
        return mqttTopic != null ? mqttTopic : Objects.requireNonNullElse(kafkaTopic, "");
    }

    /** The decoded raw payload. */
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payload);
    }

    /** The decoded payload as UTF-8 text, for logs and tests. */
    public String payloadText() {
        return new String(payloadBytes(), StandardCharsets.UTF_8);
    }

    private static String encode(byte[] payload) {
        return payload == null ? "" : Base64.getEncoder().encodeToString(payload);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
