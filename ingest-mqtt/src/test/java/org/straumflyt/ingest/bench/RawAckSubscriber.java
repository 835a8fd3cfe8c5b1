package org.straumflyt.ingest.bench;

import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.straumflyt.runtime.Health;
import org.straumflyt.runtime.OpsServer;
import org.straumflyt.runtime.ServiceContext;

/**
 * The benchmark's ceiling: a Paho v5 subscriber with the bridge's session settings (persistent session, QoS 1,
 * manual acknowledgements, same receive maximum) that acknowledges each message as it arrives and does nothing
 * else. It exposes the bridge's metric names on /metrics so both are measured the same way.
 *
 * <p>Arguments: {@code <broker uri> <topic filter> <http port> <receive maximum>}.
 */
public final class RawAckSubscriber implements MqttCallback {
    private final MqttAsyncClient client;
    private final Counter produced;
    private final Timer latency;

    private RawAckSubscriber(MqttAsyncClient client, ServiceContext context) {
        this.client = client;
        this.produced = Counter.builder("straumflyt.ingest.messages.produced").register(context.registry());
        this.latency = Timer.builder("straumflyt.ingest.latency").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(context.registry());
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String filter = args[1];
        int port = Integer.parseInt(args[2]);
        int receiveMaximum = Integer.parseInt(args[3]);
        ServiceContext context = ServiceContext.create("raw-ack-subscriber");
        MqttAsyncClient client = new MqttAsyncClient(uri, "bench-ceiling-" + port, new MemoryPersistence());
        RawAckSubscriber subscriber = new RawAckSubscriber(client, context);
        client.setCallback(subscriber);
        client.setManualAcks(true);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3_600L);
        options.setReceiveMaximum(receiveMaximum);
        client.connect(options).waitForCompletion(30_000);
        client.subscribe(filter, 1).waitForCompletion(30_000);
        context.health().check("mqtt", () -> client.isConnected() ? Health.Status.up("connected")
                : Health.Status.down("not connected"));
        OpsServer.start(context.name(), "127.0.0.1", port, context.health(), context.registry());
        new CountDownLatch(1).await();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws MqttException {
        long arrived = System.nanoTime();
        client.messageArrivedComplete(message.getId(), message.getQos());
        produced.increment();
        latency.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        System.err.println("disconnected: " + response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        System.err.println("MQTT error: " + exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // subscribes only
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // connects once
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
