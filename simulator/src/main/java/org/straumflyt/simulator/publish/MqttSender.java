package org.straumflyt.simulator.publish;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.straumflyt.simulator.format.Message;

/**
 * Publishes at QoS 1 with a bounded number of messages awaiting the broker's PUBACK, so that a fast run never
 * overruns the broker's receive maximum and every message is confirmed before the run ends. A publish that fails
 * (the broker went away) is sent again after the client reconnects: a device keeps what the broker has not
 * confirmed. After a reconnect the last {@value #REPLAY_ON_RECONNECT} messages are sent again too, as buffering
 * gateways do: a broker that crashed may have confirmed messages it had not yet saved.
 */
public final class MqttSender implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 500;
    static final int REPLAY_ON_RECONNECT = 5_000;

    private final MqttAsyncClient client;
    private final Semaphore inFlight;
    private final int permits;
    private final AtomicLong confirmed = new AtomicLong();
    private final Queue<Message> retries = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Message> recent = new ArrayDeque<>();
    private final AtomicBoolean reconnected = new AtomicBoolean();

    public MqttSender(String serverUri, String clientId, String username, char[] password) throws MqttException {
        client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password == null ? null : new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    reconnected.set(true);
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(15_000);
        // The broker announces how many unacknowledged QoS 1 messages it accepts from us.
        Integer serverMaximum = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        permits = serverMaximum == null ? MAX_IN_FLIGHT : Math.min(MAX_IN_FLIGHT, serverMaximum);
        inFlight = new Semaphore(permits);
    }

    /** Sends one message at QoS 1; blocks while the in-flight window is full. */
    public void send(Message message) throws InterruptedException {
        if (reconnected.getAndSet(false)) {
            retries.addAll(recent);
        }
        for (Message retry = retries.poll(); retry != null; retry = retries.poll()) {
            publish(retry);
        }
        publish(message);
        recent.addLast(message);
        if (recent.size() > REPLAY_ON_RECONNECT) {
            recent.removeFirst();
        }
    }

    private void publish(Message message) throws InterruptedException {
        inFlight.acquire();
        MqttMessage mqtt = new MqttMessage(message.payload());
        mqtt.setQos(1);
        while (true) {
            try {
                client.publish(message.topic(), mqtt, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        confirmed.incrementAndGet();
                        inFlight.release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable error) {
                        retries.add(message);
                        inFlight.release();
                    }
                });
                return;
            } catch (MqttException e) {
                // Not connected (a reconnect is under way) or the client's queue is full: wait and try again.
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Messages the broker has acknowledged. */
    public long confirmed() {
        return confirmed.get();
    }

    /** Waits until every sent message is acknowledged, sending failed ones again. */
    public void flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(permits, left, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the MQTT broker did not acknowledge every message within "
                        + timeoutMillis + " ms");
            }
            inFlight.release(permits);
            if (reconnected.getAndSet(false)) {
                retries.addAll(recent);
            }
            if (retries.isEmpty()) {
                return;
            }
            for (Message retry = retries.poll(); retry != null; retry = retries.poll()) {
                publish(retry);
            }
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
            // Already gone: nothing left to release but the client itself.
        }
        try {
            client.close();
        } catch (MqttException e) {
            // Closing a broken client only frees memory.
        }
    }
}
