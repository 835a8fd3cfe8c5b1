package org.straumflyt.bench;

import io.micrometer.core.instrument.Counter;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.runtime.Health;
import org.straumflyt.runtime.OpsServer;
import org.straumflyt.runtime.ServiceContext;

/**
 * The end-to-end benchmark's ceiling: the bare infrastructure path that ingest-mqtt stands on, with nothing of
 * straumflyt in it. A Paho v5 subscriber with ingest's session settings (persistent session, QoS 1, manual
 * acknowledgements, receive maximum) hands each message's raw payload, keyed by its MQTT topic, to a KafkaProducer
 * with ingest's producer settings (acks=all, idempotent, lz4, linger 5 ms), and acknowledges the message to the
 * broker when Kafka has confirmed the record. No parsing, no routes, no dead letters.
 *
 * <p>Configured by environment like a service: {@code STRAUMFLYT_MQTT_SERVER_URI}, {@code STRAUMFLYT_MQTT_CLIENT_ID},
 * {@code STRAUMFLYT_MQTT_FILTERS} (comma-separated), {@code STRAUMFLYT_MQTT_RECEIVE_MAXIMUM},
 * {@code STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS}, {@code STRAUMFLYT_CEILING_TOPIC}, {@code STRAUMFLYT_HTTP_PORT}. Counts
 * {@code ceiling_messages_produced_total} on /metrics.
 */
public final class CeilingBridge implements MqttCallback {
    /** The session lifetime ingest uses by default (mqtt.session.expiry.seconds), s. */
    private static final long SESSION_EXPIRY_SECONDS = 86_400;

    private final MqttAsyncClient client;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Counter produced;

    private CeilingBridge(MqttAsyncClient client, KafkaProducer<String, byte[]> producer, String topic,
            Counter produced) {
        this.client = client;
        this.producer = producer;
        this.topic = topic;
        this.produced = produced;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> config = ConfigSource.load(args, System.getenv());
        ServiceContext context = ServiceContext.create("ceiling-bridge");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.getOrDefault("kafka.compression.type", "lz4"));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-ceiling");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer());

        MqttAsyncClient client = new MqttAsyncClient(config.get("mqtt.server.uri"), config.get("mqtt.client.id"),
                new MemoryPersistence());
        CeilingBridge bridge = new CeilingBridge(client, producer, config.get("ceiling.topic"),
                Counter.builder("ceiling.messages.produced").description("Messages Kafka confirmed, then acknowledged")
                        .register(context.registry()));
        client.setCallback(bridge);
        client.setManualAcks(true);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setReceiveMaximum(Integer.parseInt(config.getOrDefault("mqtt.receive.maximum", "1000")));
        client.connect(options).waitForCompletion(30_000);
        MqttSubscription[] filters = Arrays.stream(config.get("mqtt.filters").split(","))
                .map(f -> new MqttSubscription(f.trim(), 1)).toArray(MqttSubscription[]::new);
        client.subscribe(filters).waitForCompletion(30_000);
        context.health().check("mqtt", () -> client.isConnected() ? Health.Status.up("connected")
                : Health.Status.down("not connected"));
        OpsServer.start(context.name(), "127.0.0.1", Integer.parseInt(config.get("http.port")), context.health(),
                context.registry());
        new CountDownLatch(1).await();
    }

    @Override
    public void messageArrived(String mqttTopic, MqttMessage message) {
        int id = message.getId();
        int qos = message.getQos();
        producer.send(new ProducerRecord<>(topic, mqttTopic, message.getPayload()), (metadata, error) -> {
            if (error != null) {
                // Left unacknowledged: the broker sends it again on the next connection. Never expected here.
                System.err.println("Kafka refused a record: " + error);
                return;
            }
            try {
                client.messageArrivedComplete(id, qos);
                produced.increment();
            } catch (MqttException e) {
                System.err.println("cannot acknowledge message " + id + ": " + e);
            }
        });
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
