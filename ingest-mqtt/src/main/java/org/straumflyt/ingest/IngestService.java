package org.straumflyt.ingest;

import java.util.Locale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.straumflyt.ingest.bridge.Bridge;
import org.straumflyt.ingest.bridge.IngestMetrics;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.ingest.kafka.KafkaProbe;
import org.straumflyt.ingest.kafka.KafkaSink;
import org.straumflyt.ingest.mqtt.MqttSettings;
import org.straumflyt.ingest.mqtt.MqttSource;
import org.straumflyt.ingest.mqtt.Tls;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.Health;
import org.straumflyt.runtime.KafkaMeters;
import org.straumflyt.runtime.Service;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.runtime.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ingest-mqtt: wires the MQTT connection, the pipeline and the Kafka producer, and reports their health. */
public final class IngestService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final ServiceContext context;
    private final Topics topics;
    private volatile KafkaSink sink;
    private volatile KafkaProbe probe;
    private volatile Bridge bridge;
    private volatile MqttSource source;
    private volatile KafkaMeters.Binding kafkaMeters;

    public IngestService(IngestConfig config, ServiceContext context) {
        this.config = config;
        this.context = context;
        this.topics = Topics.withPrefix(config.topicPrefix());
        // Registered at once: the ops endpoint is already up, and no checks would read as ready.
        context.health()
                .check("mqtt", () -> source == null ? Health.Status.down("not started") : source.status())
                .check("kafka", () -> probe == null ? Health.Status.down("not started") : probe.status());
    }

    @Override
    public void start() {
        TopicProvisioner provisioner = config.topicProvisioner();
        if (provisioner != null) {
            List<Topic<?, ?>> produced = new ArrayList<>(List.of(topics.readings(), topics.readingsDlq()));
            if (config.routes().routes().stream().anyMatch(r -> r.format().measuresTemperature())) {
                produced.add(topics.weatherSamples());
            }
            context.health().waitingFor("Kafka at " + config.bootstrapServers() + " to create topics");
            provisioner.ensure(produced);
        }
        IngestMetrics metrics = new IngestMetrics(context.registry());
        sink = new KafkaSink(config.kafkaProperties(), metrics::sendRetried);
        kafkaMeters = sink.bindMeters(context, KafkaMeters.DEFAULT_REFRESH);
        probe = new KafkaProbe(config.kafkaProperties());
        MessageDecoder decoder = new MessageDecoder(config.routes(), config.maxPayloadBytes(), config.maxFuture());
        bridge = new Bridge(decoder, sink, topics, metrics, context.clock());
        source = new MqttSource(mqttSettings(), bridge);
        bridge.attach(source);
        metrics.bind(bridge::inFlight, source::connected, probe::up);
        probe.start();
        source.start();
        LOG.info("ingest-mqtt routes: {}", config.routes().routes());
    }

    private MqttSettings mqttSettings() {
        List<String> subscriptions = config.routes().routes().stream()
                .map(r -> r.filter().subscription(config.sharedGroup()))
                .distinct()
                .toList();
        return new MqttSettings(config.mqttServerUri(), config.mqttClientId(), config.mqttUsername(),
                config.mqttPassword(), socketFactory(), config.sessionExpirySeconds(), config.receiveMaximum(),
                config.keepAliveSeconds(), config.reconnectMaxDelaySeconds(), subscriptions);
    }

    private SSLSocketFactory socketFactory() {
        if (!config.mqttServerUri().toLowerCase(Locale.ROOT).startsWith("ssl://")) {
            return null;
        }
        return Tls.socketFactory(path(config.tlsCaFile()), path(config.tlsCertFile()), path(config.tlsKeyFile()));
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }

    /** Drains what is in flight to Kafka, acknowledges it, then disconnects keeping the session. */
    @Override
    public void close() {
        if (source != null) {
            source.stopReceiving();
        }
        if (bridge != null) {
            bridge.drain(config.shutdownTimeout());
        }
        if (source != null) {
            source.close();
        }
        if (probe != null) {
            probe.close();
        }
        if (kafkaMeters != null) {
            kafkaMeters.close();
        }
        if (sink != null) {
            sink.close();
        }
    }
}
