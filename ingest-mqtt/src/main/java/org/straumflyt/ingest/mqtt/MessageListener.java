package org.straumflyt.ingest.mqtt;

/** Receives what the MQTT connection delivers. Called on Paho's callback thread: must return quickly. */
public interface MessageListener {

    /** A message arrived; it stays unacknowledged until {@link MqttSource#acknowledge} is called for it. */
    void onMessage(String topic, byte[] payload, int mqttId, int qos);

    /** The connection was lost: unacknowledged messages will be redelivered on the next connection. */
    void onConnectionLost();
}
