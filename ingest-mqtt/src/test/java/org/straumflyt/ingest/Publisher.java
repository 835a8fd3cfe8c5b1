package org.straumflyt.ingest;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import java.util.ArrayDeque;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A real QoS 1 publisher for tests (mosquitto_pub -l loses messages at QoS 1). */
final class Publisher implements AutoCloseable {
    private static final long TIMEOUT_MS = 30_000;
    private final MqttAsyncClient client;

    Publisher(String uri) {
        this(uri, new MqttConnectionOptions());
    }

    Publisher(String uri, MqttConnectionOptions options) {
        try {
            client = new MqttAsyncClient(uri, "test-publisher-" + UUID.randomUUID(), new MemoryPersistence());
            options.setCleanStart(true);
            options.setReceiveMaximum(65_535);
            client.connect(options).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect the test publisher to " + uri, e);
        }
    }

    /** Publishes with QoS 1 and waits for the broker's PUBACK. */
    void publish(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    void publish(String topic, byte[] payload) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            client.publish(topic, message).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Publishes with QoS 1 and waits for the broker's answer, whether it took the message or refused it. */
    void publishIgnoringRefusal(String topic, byte[] payload) {
        try {
            publish(topic, payload);
        } catch (IllegalStateException e) {
            // refused: what the caller wants to see the effect of
        }
    }

    /** Publishes many messages with QoS 1, keeping up to {@code window} unacknowledged, and waits for all. */
    void publishAll(String topic, Iterable<String> payloads, int window) {
        ArrayDeque<IMqttToken> pending = new ArrayDeque<>();
        try {
            for (String payload : payloads) {
                MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                pending.add(client.publish(topic, message));
                while (pending.size() >= window) {
                    pending.poll().waitForCompletion(TIMEOUT_MS);
                }
            }
            while (!pending.isEmpty()) {
                pending.poll().waitForCompletion(TIMEOUT_MS);
            }
        } catch (MqttException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(TIMEOUT_MS);
            client.close();
        } catch (MqttException e) {
            // the test is over; nothing to save
        }
    }
}
