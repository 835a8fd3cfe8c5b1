package org.straumflyt.bench;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Ends a persistent MQTT session, so that the broker stops queueing the next phase's messages for it. */
final class MqttSessions {
    private MqttSessions() {
    }

    /** Connects as {@code clientId} with a clean start and no session expiry, then disconnects. */
    static void discard(String mqttUri, String clientId) throws MqttException {
        MqttClient client = new MqttClient(mqttUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        client.connect(options);
        client.disconnect();
        client.close();
    }
}
