package org.straumflyt.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.apache.kafka.common.config.ConfigException;
import org.straumflyt.ingest.bridge.Bridge;
import org.straumflyt.ingest.bridge.IngestMetrics;
import org.straumflyt.ingest.kafka.KafkaProbe;
import org.straumflyt.ingest.kafka.KafkaSink;
import org.straumflyt.ingest.mqtt.MqttSettings;
import org.straumflyt.ingest.mqtt.MqttSource;
import org.straumflyt.ingest.mqtt.Tls;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.ConfigSource;
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
                .check("kafka", () -> probe == null ? Health.Status.down("not started") : probe.status())
                .check("acknowledgements", this::acknowledgements);
    }

    @Override
    public void start() {
        // The MQTT settings first: a TLS file that is missing is a configuration error (exit 2), found before
        // anything waits for Kafka.
        MqttSettings mqtt = mqttSettings();
        List<Topic<?, ?>> produced = new ArrayList<>(List.of(topics.readings(), topics.readingsDlq()));
        if (config.routes().routes().stream().anyMatch(r -> r.format().measuresTemperature())) {
            produced.add(topics.weatherSamples());
        }
        TopicProvisioner provisioner = config.topicProvisioner();
        if (provisioner != null) {
            context.health().waitingFor("Kafka at " + config.bootstrapServers() + " to create topics");
            provisioner.ensure(produced);
        }
        IngestMetrics metrics = new IngestMetrics(context.registry());
        sink = new KafkaSink(KafkaSink.limitedToTopics(config.kafkaProperties(),
                produced.stream().map(Topic::name).toList()), metrics::sendRetried);
        kafkaMeters = sink.bindMeters(context, KafkaMeters.DEFAULT_REFRESH);
        probe = new KafkaProbe(config.kafkaProperties());
        bridge = new Bridge(config.messageDecoder(), sink, topics, metrics, context.clock());
        source = new MqttSource(mqtt, bridge);
        bridge.attach(source);
        metrics.bind(bridge::inFlight, source::connected, probe::up);
        probe.start();
        source.start();
        LOG.info("ingest-mqtt routes: {}", config.routes().routes());
    }

    /** Intake is stuck when the oldest message not yet acknowledged to MQTT waits longer than the bound. */
    private Health.Status acknowledgements() {
        if (bridge == null) {
            return Health.Status.up("nothing in flight");
        }
        Duration oldest = bridge.oldestUnacknowledgedAge();
        Duration bound = config.readyMaxUnacknowledged();
        String age = "the oldest unacknowledged message arrived " + oldest.toSeconds() + " s ago";
        return oldest.compareTo(bound) <= 0 ? Health.Status.up(age)
                : Health.Status.down(age + ", more than " + bound.toSeconds() + " s ("
                        + IngestConfig.READY_MAX_UNACKNOWLEDGED_SECONDS + "): Kafka does not confirm its readings");
    }

    private MqttSettings mqttSettings() {
        List<String> subscriptions = config.routes().routes().stream()
                .map(r -> r.filter().subscription(config.sharedGroup()))
                .distinct()
                .toList();
        return new MqttSettings(config.mqttServerUri(), config.mqttClientId(), config.mqttUsername(),
                config.mqttPassword(), socketFactory(), config.sessionExpirySeconds(), config.receiveMaximum(),
                config.keepAliveSeconds(), config.reconnectMaxDelaySeconds(),
                Duration.ofSeconds(config.replayWindowSeconds()), subscriptions);
    }

    private SSLSocketFactory socketFactory() {
        if (!config.mqttTls()) {
            return null;
        }
        try {
            return Tls.socketFactory(path(config.tlsCaFile()), path(config.tlsCertFile()), path(config.tlsKeyFile()));
        } catch (IllegalArgumentException e) {
            // A missing or unreadable certificate or key is a configuration error: exit code 2, naming the keys.
            throw new ConfigException(e.getMessage() + " (keys " + IngestConfig.MQTT_TLS_CA_LOCATION + ", "
                    + IngestConfig.MQTT_TLS_CERT_LOCATION + ", " + IngestConfig.MQTT_TLS_KEY_LOCATION
                    + "; environment variables " + ConfigSource.environmentName(IngestConfig.MQTT_TLS_CA_LOCATION)
                    + " and the like)");
        }
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
