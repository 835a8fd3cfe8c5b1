package org.straumflyt.runtime;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configuration every service has: Kafka, the topic prefix and the operations HTTP endpoint. A service's own
 * configuration extends it with {@link #base()} plus its own keys. Any key {@code kafka.<property>} is passed to the
 * Kafka clients as {@code <property>} (e.g. {@code STRAUMFLYT_KAFKA_SECURITY_PROTOCOL=SASL_SSL}).
 */
public class ServiceConfig extends AbstractConfig {
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String TOPIC_CREATE = "topic.create";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String METRICS_KAFKA = "metrics.kafka";

    protected ServiceConfig(ConfigDef definition, Map<String, String> values) {
        super(definition, values, false);
    }

    /** The keys every service has. */
    public static ConfigDef base(int defaultHttpPort) {
        return new ConfigDef()
                .define(KAFKA_BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                        "Kafka brokers to bootstrap from, host:port[,host:port...].")
                .define(TOPIC_PREFIX, Type.STRING, "straumflyt.", new ConfigDef.NonNullValidator(), Importance.MEDIUM,
                        "Prefix of every topic name, so several deployments can share a cluster.")
                .define(TOPIC_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Create the topics this service reads and writes when they are missing.")
                .define(TOPIC_PARTITIONS, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM,
                        "Partitions of topics this service creates. Readings are keyed by meter, so this bounds "
                                + "how many stream-processor instances share the work.")
                .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Range.atLeast(1), Importance.MEDIUM,
                        "Replication factor of topics this service creates; 3 in production clusters.")
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", Importance.LOW,
                        "Address the /health and /metrics endpoint binds to.")
                .define(HTTP_PORT, Type.INT, defaultHttpPort, Range.between(0, 65535), Importance.MEDIUM,
                        "Port of the /health and /metrics endpoint; 0 picks a free one.")
                .define(METRICS_KAFKA, Type.STRING, "summary",
                        ConfigDef.CaseInsensitiveValidString.in("summary", "full"), Importance.LOW,
                        "Kafka client and Kafka Streams meters on /metrics: summary (per client and stream thread: "
                                + "consumer lag, request, commit and processing rates) or full (also per topic, "
                                + "partition, broker, task, processor node and state store: tens of thousands in "
                                + "a stream processor, and costly to collect).");
    }

    public String bootstrapServers() {
        return String.join(",", getList(KAFKA_BOOTSTRAP_SERVERS));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    /** Which Kafka meters /metrics shows. */
    public KafkaMeterDetail kafkaMeterDetail() {
        return KafkaMeterDetail.parse(getString(METRICS_KAFKA));
    }

    /** How to create missing topics, or {@code null} when this service must not create any. */
    public TopicProvisioner topicProvisioner() {
        if (!getBoolean(TOPIC_CREATE)) {
            return null;
        }
        return new TopicProvisioner(kafkaProperties(), getInt(TOPIC_PARTITIONS), getShort(TOPIC_REPLICATION_FACTOR));
    }

    /** Kafka client properties: bootstrap servers plus every {@code kafka.*} pass-through key, prefix removed. */
    public Properties kafkaProperties() {
        Properties properties = new Properties();
        Map<String, Object> passThrough = new TreeMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
        passThrough.remove("bootstrap.servers");
        properties.putAll(passThrough);
        properties.put("bootstrap.servers", bootstrapServers());
        return properties;
    }
}
