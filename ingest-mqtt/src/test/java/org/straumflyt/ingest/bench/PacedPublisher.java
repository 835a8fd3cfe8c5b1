package org.straumflyt.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A real QoS 1 publisher that sends at a given rate, or as fast as the broker acknowledges. */
final class PacedPublisher implements AutoCloseable {
    private static final int WINDOW = 2_000;
    private final MqttAsyncClient client;
    private final String topic;
    private long sequence;

    PacedPublisher(String uri, String topic) throws MqttException {
        this.topic = topic;
        this.client = new MqttAsyncClient(uri, "bench-publisher-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65_535);
        client.connect(options).waitForCompletion(30_000);
    }

    /**
     * Publishes {@code count} messages, at {@code rate} per second or unpaced when {@code rate <= 0}, keeping at most
     * {@value #WINDOW} unacknowledged; returns the achieved rate (messages/s).
     */
    double publish(long count, double rate) throws MqttException {
        ArrayDeque<IMqttToken> pending = new ArrayDeque<>();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            MqttMessage message = new MqttMessage(payload(sequence++).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            pending.add(client.publish(topic, message));
            while (pending.size() >= WINDOW || (!pending.isEmpty() && pending.peek().isComplete())) {
                pending.poll().waitForCompletion(30_000);
            }
        }
        while (!pending.isEmpty()) {
            pending.poll().waitForCompletion(30_000);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** A canonical register reading of one of 500 meters, about 120 bytes. */
    private static String payload(long i) {
        return "{\"meterId\":\"bench-m-" + (i % 500) + "\",\"kind\":\"ENERGY_REGISTER\",\"value\":" + i
                + ",\"unit\":\"Wh\",\"timestamp\":" + Instant.now().toEpochMilli() + "}";
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(10));
        client.close();
    }
}
