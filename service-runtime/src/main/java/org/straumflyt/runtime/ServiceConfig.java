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
    public static final String KAFKA_PREFIX = "kafka.";

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
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", Importance.LOW,
                        "Address the /health and /metrics endpoint binds to.")
                .define(HTTP_PORT, Type.INT, defaultHttpPort, Range.between(0, 65535), Importance.MEDIUM,
                        "Port of the /health and /metrics endpoint; 0 picks a free one.");
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
