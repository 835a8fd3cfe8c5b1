package org.straumflyt.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * What a {@code kafka.<property>} key may name: a property of the Kafka producer, consumer or admin client, as their
 * own {@link ConfigDef}s define them, or a parameter of a config provider ({@code kafka.config.providers.*}). Also
 * tells which of them are secrets, so that they are never logged.
 */
public final class KafkaClientProperties {
    private static final List<ConfigDef> CLIENTS = List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
            AdminClientConfig.configDef());
    private static final KnownKeys KEYS = keys();
    // Names that hold secrets when a property is unknown to the clients (config provider or plugin parameters).
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "jaas", "credential");

    private KafkaClientProperties() {
    }

    /** Every {@code kafka.<property>} key the Kafka clients know. */
    public static KnownKeys knownKeys() {
        return KEYS;
    }

    /** Whether the value of a straumflyt key ({@code kafka.sasl.jaas.config}, {@code mqtt.password}) is a secret. */
    public static boolean isSecret(String key) {
        if (key.startsWith(ServiceConfig.KAFKA_PREFIX)) {
            String property = key.substring(ServiceConfig.KAFKA_PREFIX.length());
            for (ConfigDef client : CLIENTS) {
                ConfigDef.ConfigKey definition = client.configKeys().get(property);
                if (definition != null) {
                    return definition.type == ConfigDef.Type.PASSWORD;
                }
            }
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /**
     * Checks the value of a {@code kafka.<property>} key as the Kafka clients' own definition of the property would,
     * so that {@code kafka.acks=some} stops the service at start naming {@code kafka.acks}.
     *
     * @throws ConfigException naming the straumflyt key (the value hidden when it is a secret)
     */
    public static void validate(String key, Object value) {
        String property = key.substring(ServiceConfig.KAFKA_PREFIX.length());
        for (ConfigDef client : CLIENTS) {
            ConfigDef.ConfigKey definition = client.configKeys().get(property);
            if (definition == null) {
                continue;
            }
            try {
                Object parsed = ConfigDef.parseType(property, value, definition.type);
                if (definition.validator != null) {
                    definition.validator.ensureValid(property, parsed);
                }
            } catch (ConfigException e) {
                String prefix = "for configuration " + property + ": ";
                String message = String.valueOf(e.getMessage());
                int reason = message.indexOf(prefix);
                throw new ConfigException(key, isSecret(key) ? "[hidden]" : value,
                        reason < 0 ? message : message.substring(reason + prefix.length()));
            }
            return;
        }
    }

    private static KnownKeys keys() {
        Set<String> names = new TreeSet<>();
        CLIENTS.forEach(client -> client.names().forEach(name -> names.add(ServiceConfig.KAFKA_PREFIX + name)));
        return new KnownKeys(names, Set.of(ServiceConfig.KAFKA_PREFIX + "config.providers.*"));
    }
}
