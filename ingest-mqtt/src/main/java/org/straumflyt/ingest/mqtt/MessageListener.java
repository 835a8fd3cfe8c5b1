package org.straumflyt.ingest.mqtt;

import org.straumflyt.ingest.format.Delivery;

/** Receives what the MQTT connection delivers. Called on Paho's callback thread: must return quickly. */
public interface MessageListener {

    /**
     * A message arrived; it stays unacknowledged until {@link MqttSource#acknowledge} is called for it.
     *
     * @param delivery whether the broker may be replaying history (see {@link Delivery#REPLAYED})
     */
    void onMessage(String topic, byte[] payload, int mqttId, int qos, Delivery delivery);

    /** The connection was lost: unacknowledged messages will be redelivered on the next connection. */
    void onConnectionLost();
}
