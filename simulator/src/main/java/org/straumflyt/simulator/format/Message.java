package org.straumflyt.simulator.format;

/**
 * One MQTT message to send.
 *
 * @param topic   the MQTT topic
 * @param payload the payload bytes
 */
public record Message(String topic, byte[] payload) {
}
