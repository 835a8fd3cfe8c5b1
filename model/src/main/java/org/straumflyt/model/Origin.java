package org.straumflyt.model;

import java.time.Instant;

/**
 * Where a reading came from.
 *
 * @param mqttTopic  the MQTT topic the message arrived on
 * @param format     the payload format that decoded it, e.g. {@code canonical}, {@code ams}, {@code shelly}
 * @param receivedAt when ingest received the message (UTC)
 */
public record Origin(String mqttTopic, String format, Instant receivedAt) {
}
