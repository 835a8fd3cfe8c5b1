package org.straumflyt.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.straumflyt.simulator.format.Message;
import org.straumflyt.simulator.publish.MqttSender;

/**
 * Publishes a load through the simulator's own sender (QoS 1, at most 500 messages awaiting the broker's PUBACK),
 * as fast as the broker takes it or at a steady rate.
 */
final class LoadPublisher {
    private static final long FLUSH_TIMEOUT_MS = 300_000;

    private LoadPublisher() {
    }

    /**
     * Sends every message and waits until the broker has acknowledged them all.
     *
     * @param readingsPerSecond the pace in readings/s (messages are spaced by the load's mean readings per
     *                          message); 0 = as fast as the broker takes them
     */
    static void publish(String mqttUri, String clientId, Load load, double readingsPerSecond) throws Exception {
        List<Message> messages = load.messages();
        double nanosPerMessage = readingsPerSecond <= 0 ? 0
                : 1e9 * load.readings() / (double) messages.size() / readingsPerSecond;
        try (MqttSender sender = new MqttSender(mqttUri, clientId, null, null)) {
            long start = System.nanoTime();
            for (int i = 0; i < messages.size(); i++) {
                long wait = start + (long) (i * nanosPerMessage) - System.nanoTime();
                if (wait > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sender.send(messages.get(i));
            }
            sender.flush(FLUSH_TIMEOUT_MS);
        }
    }
}
