package org.straumflyt.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.straumflyt.model.Topics;

/**
 * Where Kafka is and which topics to use, configured like the services: {@code --kafka} and {@code --topic-prefix}
 * win over {@code STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS} and {@code STRAUMFLYT_TOPIC_PREFIX}. Every other
 * {@code STRAUMFLYT_KAFKA_<PROPERTY>} variable is passed to the Kafka clients (e.g.
 * {@code STRAUMFLYT_KAFKA_SECURITY_PROTOCOL=SASL_SSL}), and {@code STRAUMFLYT_KAFKA_<PROPERTY>_FILE} reads the value
 * from a file (for secrets), as the services' {@code ConfigSource} does.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port[,host:port...]}
 * @param topicPrefix      prefix of every topic name
 * @param clientProperties extra client properties, without {@code bootstrap.servers}
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, Map<String, String> clientProperties) {
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String ENV_PREFIX = "STRAUMFLYT_KAFKA_";
    static final String BOOTSTRAP_VARIABLE = "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS";
    static final String PREFIX_VARIABLE = "STRAUMFLYT_TOPIC_PREFIX";
    private static final String FILE_SUFFIX = "_FILE";

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new UsageException("Kafka bootstrap servers are empty: give --kafka HOST:PORT or set "
                    + BOOTSTRAP_VARIABLE);
        }
        Topics.withPrefix(topicPrefix); // fails early, naming a prefix Kafka cannot use
        clientProperties = Map.copyOf(clientProperties);
    }

    /** The two options every Kafka command has. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("kafka", "HOST:PORT", "Kafka bootstrap servers; env " + BOOTSTRAP_VARIABLE,
                        DEFAULT_BOOTSTRAP_SERVERS),
                OptionSpec.value("topic-prefix", "PREFIX", "prefix of every topic name; env " + PREFIX_VARIABLE,
                        Topics.DEFAULT_PREFIX));
    }

    /** Reads the settings from the options (which win) and the environment. */
    public static KafkaSettings from(Options options, Map<String, String> environment) {
        String servers = options.given("kafka") ? options.get("kafka")
                : environment.getOrDefault(BOOTSTRAP_VARIABLE, DEFAULT_BOOTSTRAP_SERVERS);
        String prefix = options.given("topic-prefix") ? options.get("topic-prefix")
                : environment.getOrDefault(PREFIX_VARIABLE, Topics.DEFAULT_PREFIX);
        try {
            return new KafkaSettings(servers.trim(), prefix.trim(), passThrough(environment));
        } catch (IllegalArgumentException e) {
            throw e instanceof UsageException u ? u : new UsageException(e.getMessage(), e);
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

    private static Map<String, String> passThrough(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX) || name.equals(BOOTSTRAP_VARIABLE)
                    || name.equals(BOOTSTRAP_VARIABLE + FILE_SUFFIX)) {
                return;
            }
            if (name.endsWith(FILE_SUFFIX)) {
                properties.put(property(name.substring(0, name.length() - FILE_SUFFIX.length())), secret(name, value));
            } else {
                properties.put(property(name), value);
            }
        });
        return properties;
    }

    private static String property(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static String secret(String variable, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UsageException(variable + " names " + file + ", which cannot be read: " + e.getMessage(), e);
        }
    }
}
