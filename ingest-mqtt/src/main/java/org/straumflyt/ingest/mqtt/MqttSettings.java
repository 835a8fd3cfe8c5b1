package org.straumflyt.ingest.mqtt;

import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * How to connect and what to subscribe to.
 *
 * @param serverUri             tcp://host:port or ssl://host:port
 * @param clientId              stable client id: the persistent session lives under it
 * @param username              or {@code null}
 * @param password              or {@code null}
 * @param socketFactory         TLS socket factory, or {@code null} for the JVM default
 * @param sessionExpirySeconds  how long the broker keeps the session while we are away, s
 * @param receiveMaximum        most unacknowledged QoS 1 messages in flight
 * @param keepAliveSeconds      keep-alive, s
 * @param reconnectMaxDelaySeconds longest wait between reconnect attempts, s
 * @param replayWindow          after a connect that resumed the session, how long messages count as replayed
 * @param subscriptions         topic filters to subscribe to with QoS 1 (already prefixed by $share/ if shared)
 */
public record MqttSettings(String serverUri, String clientId, String username, String password,
        SSLSocketFactory socketFactory, long sessionExpirySeconds, int receiveMaximum, int keepAliveSeconds,
        int reconnectMaxDelaySeconds, Duration replayWindow, List<String> subscriptions) {

    public MqttSettings {
        subscriptions = List.copyOf(subscriptions);
    }
}
