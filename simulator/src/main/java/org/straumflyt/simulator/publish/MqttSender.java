package org.straumflyt.simulator.publish;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * overruns the broker's receive maximum and every message is confirmed before the run ends.
 */
public final class MqttSender implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 500;

    private final MqttAsyncClient client;
    private final Semaphore inFlight;
    private final int permits;
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

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
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("MQTT publish failed: " + failed.getMessage(), failed);
        }
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
                        failure.compareAndSet(null, error);
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

    /** Waits until every sent message is acknowledged. */
    public void flush(long timeoutMillis) throws InterruptedException {
        if (!inFlight.tryAcquire(permits, timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the MQTT broker did not acknowledge every message within "
                    + timeoutMillis + " ms");
        }
        inFlight.release(permits);
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
