package org.straumflyt.tools;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.runtime.ServiceConfig;
import org.straumflyt.runtime.cli.UsageException;

/**
 * Where Kafka is and which topics to use, configured like the services: {@code --kafka} and {@code --topic-prefix}
 * ({@link KafkaOptions}) win over {@code STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS} and {@code STRAUMFLYT_TOPIC_PREFIX}.
 * Every other {@code STRAUMFLYT_KAFKA_<PROPERTY>} variable is passed to the Kafka clients (e.g.
 * {@code STRAUMFLYT_KAFKA_SECURITY_PROTOCOL=SASL_SSL}), and {@code STRAUMFLYT_KAFKA_<PROPERTY>_FILE} reads the value
 * from a file (for secrets): the environment is read by the services' own {@link ConfigSource#fromEnvironment}.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port[,host:port...]}
 * @param topicPrefix      prefix of every topic name
 * @param clientProperties extra client properties, without {@code bootstrap.servers}
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, Map<String, String> clientProperties) {
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String BOOTSTRAP_VARIABLE = "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS";
    static final String PREFIX_VARIABLE = "STRAUMFLYT_TOPIC_PREFIX";
    private static final String BOOTSTRAP_KEY = ServiceConfig.KAFKA_PREFIX + "bootstrap.servers";

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new UsageException("Kafka bootstrap servers are empty: give --kafka HOST:PORT or set "
                    + BOOTSTRAP_VARIABLE);
        }
        Topics.withPrefix(topicPrefix); // fails early, naming a prefix Kafka cannot use
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Reads the settings from the options (which win) and the environment. */
    public static KafkaSettings from(KafkaOptions options, Map<String, String> environment) {
        try {
            Map<String, String> kafka = ConfigSource.fromEnvironment(environment, ServiceConfig.KAFKA_PREFIX);
            String servers = options.kafka != null ? options.kafka
                    : kafka.getOrDefault(BOOTSTRAP_KEY, DEFAULT_BOOTSTRAP_SERVERS);
            String prefix = options.topicPrefix != null ? options.topicPrefix
                    : environment.getOrDefault(PREFIX_VARIABLE, Topics.DEFAULT_PREFIX);
            Map<String, String> clients = new TreeMap<>();
            kafka.forEach((key, value) -> {
                if (!key.equals(BOOTSTRAP_KEY)) {
                    clients.put(key.substring(ServiceConfig.KAFKA_PREFIX.length()), value);
                }
            });
            return new KafkaSettings(servers.trim(), prefix.trim(), clients);
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException | ConfigException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    /** Properties for a Kafka client: the pass-through ones plus {@code bootstrap.servers}. */
    public Properties clientConfig() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }
}
