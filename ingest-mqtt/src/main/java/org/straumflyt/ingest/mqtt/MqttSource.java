package org.straumflyt.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.straumflyt.ingest.format.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.runtime.Health;

/**
 * The MQTT v5 connection: a persistent session (clean start off) with manual acknowledgements, QoS 1
 * subscriptions renewed on every (re)connect, and reconnects with backoff, including when the very first connect
 * fails (Paho's own automatic reconnect only covers connections that were once up).
 */
public final class MqttSource implements MqttCallback, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSource.class);
    private static final int QOS = 1;
    /** MQTT 5 retain handling 1: retained messages only for a new subscription, not on every re-subscribe. */
    private static final int RETAIN_ONLY_IF_NEW = 1;

    private final MqttSettings settings;
    private final MessageListener listener;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService connector;
    private volatile boolean subscribed;
    private volatile boolean receiving = true;
    private volatile boolean closed;
    private volatile String lastError;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    /** {@link System#nanoTime()} until which messages count as replayed: set when a connect resumed a session. */
    private volatile long replayUntilNanos = Long.MIN_VALUE;
    private volatile boolean replaying;

    public MqttSource(MqttSettings settings, MessageListener listener) {
        this.settings = settings;
        this.listener = listener;
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + settings.serverUri() + ": " + e, e);
        }
        client.setCallback(this);
        client.setManualAcks(true);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting; returns at once. {@link #connected()} tells when messages flow. */
    public void start() {
        connector.execute(this::connect);
    }

    /** Connected and subscribed. */
    public boolean connected() {
        return subscribed && client.isConnected();
    }

    /** Up while connected and subscribed; down saying why, with the last error from the broker or the network. */
    public Health.Status status() {
        String broker = "MQTT broker " + settings.serverUri() + " as " + settings.clientId();
        if (connected()) {
            return Health.Status.up("connected to " + broker + ", subscribed to " + settings.subscriptions());
        }
        String error = lastError == null ? "" : "; last error: " + lastError;
        if (client.isConnected()) {
            return Health.Status.down("connected to " + broker + " but not subscribed to " + settings.subscriptions()
                    + error);
        }
        return Health.Status.down("not connected to " + broker + (lastError == null ? "; connecting" : error));
    }

    /** Acknowledges a message to the broker; harmless if the connection is gone meanwhile. */
    public void acknowledge(int mqttId, int qos) {
        if (qos == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(mqttId, qos);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("could not acknowledge message {}: {}; the broker will redeliver it", mqttId, e.toString());
        }
    }

    /** Stops handing messages to the listener; what arrives from now on stays unacknowledged for the next session. */
    public void stopReceiving() {
        receiving = false;
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    failedAttempts.set(0);
                    resumed(token.getSessionPresent());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    retryConnect(error);
                }
            });
        } catch (MqttException | RuntimeException e) {
            retryConnect(e);
        }
    }

    /**
     * A connection is up: if the broker kept our session, what it queued while we were away comes first, and for the
     * replay window every message counts as possibly replayed.
     */
    private void resumed(boolean sessionPresent) {
        if (sessionPresent && !settings.replayWindow().isZero()) {
            replayUntilNanos = System.nanoTime() + settings.replayWindow().toNanos();
            replaying = true;
            LOG.info("MQTT session resumed: for {} s, messages without a time of their own are treated as replayed",
                    settings.replayWindow().toSeconds());
        }
    }

    /** Whether a message may be history: redelivered (DUP) or within the replay window of a resumed session. */
    private Delivery delivery(MqttMessage message) {
        if (message.isDuplicate()) {
            return Delivery.REPLAYED;
        }
        if (replaying) {
            if (System.nanoTime() - replayUntilNanos < 0) {
                return Delivery.REPLAYED;
            }
            replaying = false;
        }
        return Delivery.LIVE;
    }

    private void retryConnect(Throwable error) {
        if (closed) {
            return;
        }
        lastError = error.toString();
        long delay = Math.min(settings.reconnectMaxDelaySeconds(), 1L << Math.min(failedAttempts.getAndIncrement(), 10));
        LOG.warn("cannot connect to MQTT broker {} ({}); trying again in {} s", settings.serverUri(), error.toString(),
                delay);
        connector.schedule(this::connect, delay, TimeUnit.SECONDS);
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(new String[] {settings.serverUri()});
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpirySeconds());
        o.setReceiveMaximum(settings.receiveMaximum());
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, settings.reconnectMaxDelaySeconds());
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.socketFactory() != null) {
            o.setSocketFactory(settings.socketFactory());
        }
        return o;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        LOG.info("{} to MQTT broker {} as {}", reconnect ? "reconnected" : "connected", serverUri, settings.clientId());
        if (reconnect) {
            // Paho's own reconnects do not tell whether the broker kept the session; with clean start off it
            // normally has, and treating a fresh one as resumed only costs the window.
            resumed(true);
        }
        subscribe();
    }

    // The session may have expired while we were away, so every connection subscribes again.
    private void subscribe() {
        MqttSubscription[] subscriptions = settings.subscriptions().stream().map(filter -> {
            MqttSubscription s = new MqttSubscription(filter, QOS);
            s.setRetainHandling(RETAIN_ONLY_IF_NEW);
            return s;
        }).toArray(MqttSubscription[]::new);
        try {
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // MQTT 5 grants or refuses each filter in the SUBACK; 0x80 and above is a refusal.
                    int[] codes = token.getReasonCodes();
                    for (int i = 0; codes != null && i < codes.length; i++) {
                        if (codes[i] >= 0x80) {
                            lastError = "broker refused subscription (reason code 0x" + Integer.toHexString(codes[i])
                                    + ")";
                            LOG.error("broker refused subscription {} (reason code 0x{})",
                                    settings.subscriptions().get(Math.min(i, settings.subscriptions().size() - 1)),
                                    Integer.toHexString(codes[i]));
                            return;
                        }
                    }
                    subscribed = true;
                    LOG.info("subscribed to {}", settings.subscriptions());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    lastError = "cannot subscribe: " + error;
                    LOG.error("cannot subscribe to {}: {}", settings.subscriptions(), error.toString());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("cannot subscribe to {}: {}", settings.subscriptions(), e.toString());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (!receiving) {
            return;
        }
        try {
            listener.onMessage(topic, message.getPayload(), message.getId(), message.getQos(), delivery(message));
        } catch (RuntimeException e) {
            // Never let an exception reach Paho: it would drop the connection.
            LOG.error("message on {} not handled; it will be redelivered after reconnect", topic, e);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        subscribed = false;
        lastError = "connection lost: " + response;
        if (!closed) {
            LOG.warn("lost the MQTT connection: {}", response);
        }
        listener.onConnectionLost();
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        lastError = exception.toString();
        LOG.warn("MQTT error: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // ingest publishes nothing
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    /** Disconnects normally; the session, and anything unacknowledged in it, stays with the broker. */
    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(6_000);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.toString());
        }
    }
}
