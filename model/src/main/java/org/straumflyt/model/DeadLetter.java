package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A message or record set aside with the reason. Topic {@code readings.dlq} (and the publisher's own
 * dead-letter topic), key = the source topic.
 *
 * <p>A dead letter is bounded whatever it sets aside, so that it always fits a Kafka record: the payload keeps at
 * most its first {@link #MAX_PAYLOAD_BYTES} bytes and the detail at most {@link #MAX_DETAIL_CHARS} characters.
 * {@code payloadSize} and {@code payloadSha256} describe the whole payload, so a truncated one can still be
 * identified.
 *
 * @param component        which service set it aside: {@code ingest-mqtt}, {@code stream-processor}, {@code kpi-publisher}
 * @param reason           the reason code
 * @param detail           a human-readable explanation naming the offending value
 * @param mqttTopic        the MQTT topic the payload arrived on, when it came from MQTT
 * @param kafkaTopic       the Kafka topic the record came from, when it came from Kafka
 * @param partition        its partition, when it came from Kafka
 * @param offset           its offset, when it came from Kafka
 * @param payload          the raw payload (its first {@link #MAX_PAYLOAD_BYTES} bytes when longer), base64
 * @param receivedAt       when the component received it (UTC)
 * @param payloadSize      the size of the whole raw payload, bytes; {@code null} in dead letters written before
 *                         this field existed
 * @param payloadSha256    the SHA-256 of the whole raw payload, lower-case hex; {@code null} as above
 * @param payloadTruncated whether {@code payload} holds only a prefix of it
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
        Instant receivedAt,
        Integer payloadSize,
        String payloadSha256,
        Boolean payloadTruncated) {

    public static final int SCHEMA_VERSION = 1;
    /** Raw payload bytes a dead letter keeps: 64 KiB, about 87 kB of base64, far below Kafka's 1 MB record limit. */
    public static final int MAX_PAYLOAD_BYTES = 65_536;
    /** Characters of detail a dead letter keeps; details quote offending values, which may be long. */
    public static final int MAX_DETAIL_CHARS = 1_000;

    public DeadLetter {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payload = payload == null ? "" : payload;
        detail = bounded(detail);
        payloadTruncated = Boolean.TRUE.equals(payloadTruncated); // a Boolean so that dead letters without it parse
    }

    /** A dead letter for a payload that arrived over MQTT. */
    public static DeadLetter fromMqtt(String component, DeadLetterReason reason, String detail, String mqttTopic,
            byte[] payload, Instant receivedAt) {
        return of(component, reason, detail, mqttTopic, null, null, null, payload, receivedAt);
    }

    /** A dead letter for a record read from Kafka. */
    public static DeadLetter fromKafka(String component, DeadLetterReason reason, String detail, String kafkaTopic,
            int partition, long offset, byte[] payload, Instant receivedAt) {
        return of(component, reason, detail, null, kafkaTopic, partition, offset, payload, receivedAt);
    }

    private static DeadLetter of(String component, DeadLetterReason reason, String detail, String mqttTopic,
            String kafkaTopic, Integer partition, Long offset, byte[] payload, Instant receivedAt) {
        byte[] raw = payload == null ? new byte[0] : payload;
        boolean truncated = raw.length > MAX_PAYLOAD_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(raw, MAX_PAYLOAD_BYTES) : raw;
        return new DeadLetter(component, reason, detail, mqttTopic, kafkaTopic, partition, offset,
                Base64.getEncoder().encodeToString(kept), receivedAt, raw.length, sha256(raw), truncated);
    }

    /** The source topic, which is also the record's key: the MQTT topic if there is one, else the Kafka topic. */
    public String sourceTopic() {
        return mqttTopic != null ? mqttTopic : Objects.requireNonNullElse(kafkaTopic, "");
    }

    /** The decoded raw payload (a prefix of it when {@link #payloadTruncated}). */
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payload);
    }

    /** The decoded payload as UTF-8 text, for logs and tests. */
    public String payloadText() {
        return new String(payloadBytes(), StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String bounded(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL_CHARS) {
            return detail;
        }
        int end = MAX_DETAIL_CHARS;
        if (Character.isHighSurrogate(detail.charAt(end - 1))) {
            end--; // never split a character
        }
        return detail.substring(0, end) + "… (" + detail.length() + " characters)";
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
