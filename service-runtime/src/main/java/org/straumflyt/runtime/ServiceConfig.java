package org.straumflyt.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Topics;

/**
 * The configuration every service has: Kafka, the topic prefix and the operations HTTP endpoint. A service's own
 * configuration extends it with {@link #base()} plus its own keys. Any key {@code kafka.<property>} is passed to the
 * Kafka clients as {@code <property>} (e.g. {@code STRAUMFLYT_KAFKA_SECURITY_PROTOCOL=SASL_SSL}).
 *
 * <p>Every key given must be one the service reads: a typo ({@code STRAUMFLYT_MQTT_SERVER_URL}) stops the service
 * with the nearest known key as a suggestion. A key that only another straumflyt service reads (one environment
 * shared by all services) is ignored with a warning; {@value #CONFIG_UNKNOWN_KEYS}{@code =warn} turns every unknown
 * key into a warning.
 */
public class ServiceConfig extends AbstractConfig {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceConfig.class);
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String TOPIC_CREATE = "topic.create";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String METRICS_KAFKA = "metrics.kafka";
    public static final String CONFIG_UNKNOWN_KEYS = "config.unknown.keys";
    /** The keys of every straumflyt service: kept in step with their ConfigDefs by a test in deploy-check. */
    public static final String SERVICE_KEYS_RESOURCE = "service-keys.txt";
    private static final String HIDDEN = "[hidden]";

    private final ConfigDef definition;

    protected ServiceConfig(ConfigDef definition, Map<String, String> values) {
        this(definition, values, new KnownKeys(Set.of(), Set.of()));
    }

    /**
     * @param extraKeys keys the service reads beyond its definition and the Kafka clients' properties, e.g. the keys
     *                  of ingest's routes
     */
    protected ServiceConfig(ConfigDef definition, Map<String, String> values, KnownKeys extraKeys) {
        super(definition, values, false);
        this.definition = definition;
        rejectUnknownKeys(KnownKeys.of(definition.names()).plus(KafkaClientProperties.knownKeys()).plus(extraKeys),
                values.keySet());
        values.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX) && !definition.names().contains(key)) {
                KafkaClientProperties.validate(key, value);
            }
        });
    }

    /** The keys every service has. */
    public static ConfigDef base(int defaultHttpPort) {
        return new ConfigDef()
                .define(KAFKA_BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", ConfigValidators.hostPortList(),
                        Importance.HIGH, "Kafka brokers to bootstrap from, host:port[,host:port...].")
                .define(TOPIC_PREFIX, Type.STRING, "straumflyt.", ConfigValidators.parsedBy("topic name prefix",
                        prefix -> Topics.withPrefix(prefix.toString())), Importance.MEDIUM,
                        "Prefix of every topic name, so several deployments can share a cluster.")
                .define(TOPIC_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Create the topics this service reads and writes when they are missing.")
                .define(TOPIC_PARTITIONS, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM,
                        "Partitions of topics this service creates. Readings are keyed by meter, so this bounds "
                                + "how many stream-processor instances share the work.")
                .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Range.atLeast(1), Importance.MEDIUM,
                        "Replication factor of topics this service creates; 3 in production clusters.")
                .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM, "Address the /health and /metrics endpoint binds to. Loopback by "
                                + "default, as the endpoint has no authentication; the container images set "
                                + "0.0.0.0 so that probes and Prometheus reach it.")
                .define(HTTP_PORT, Type.INT, defaultHttpPort, Range.between(0, 65535), Importance.MEDIUM,
                        "Port of the /health and /metrics endpoint; 0 picks a free one.")
                .define(METRICS_KAFKA, Type.STRING, "summary",
                        ConfigDef.CaseInsensitiveValidString.in("summary", "full"), Importance.LOW,
                        "Kafka client and Kafka Streams meters on /metrics: summary (per client and stream thread: "
                                + "consumer lag, request, commit and processing rates) or full (also per topic, "
                                + "partition, broker, task, processor node and state store: tens of thousands in "
                                + "a stream processor, and costly to collect).")
                .define(CONFIG_UNKNOWN_KEYS, Type.STRING, "fail",
                        ConfigDef.CaseInsensitiveValidString.in("fail", "warn"), Importance.LOW,
                        "What a key this service does not read does: fail (stop at start, with the nearest known "
                                + "key as a suggestion) or warn (log it and go on). A key that only another "
                                + "straumflyt service reads is a warning either way.");
    }

    /**
     * The effective configuration, one {@code key = value} a line: every defined key with its value or default, and
     * every pass-through key. Secrets are {@value #HIDDEN}: password keys, Kafka client passwords (e.g.
     * {@code kafka.sasl.jaas.config}), values read from {@code _FILE} variables, and credentials in URLs.
     *
     * @param fromFiles keys whose value came from a secret file
     */
    public String effectiveConfiguration(Set<String> fromFiles) {
        Map<String, String> shown = new TreeMap<>();
        values().forEach((key, value) -> shown.put(key, shown(key, value, fromFiles)));
        originals().forEach((key, value) -> shown.putIfAbsent(key, shown(key, value, fromFiles)));
        StringBuilder text = new StringBuilder();
        shown.forEach((key, value) -> text.append(System.lineSeparator()).append("  ").append(key).append(" = ")
                .append(value));
        return text.toString();
    }

    private String shown(String key, Object value, Set<String> fromFiles) {
        ConfigDef.ConfigKey declared = definition.configKeys().get(key);
        boolean password = declared != null && declared.type == Type.PASSWORD || value instanceof Password;
        if (value == null) {
            return "(none)";
        }
        if (password || fromFiles.contains(key) || KafkaClientProperties.isSecret(key)) {
            return HIDDEN;
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        // user:password@ in a URL
        return text.replaceAll("(?<=://)[^/@\\s]+@", HIDDEN + "@");
    }

    /**
     * Whether a key this service does not read is one that another service reads: one of their keys, or of a shape
     * of theirs ({@code route.<name>.filter}) that is not a shape of this service's own keys (ingest reads the keys of
     * its listed routes, so to ingest {@code route.shely.filter} is a typo, not another service's key).
     */
    private static boolean isAnotherServicesKey(String key, KnownKeys ours, KnownKeys everyService) {
        if (everyService.names().contains(key)) {
            return true;
        }
        return everyService.templates().stream()
                .filter(template -> KnownKeys.matches(template, key))
                .anyMatch(template -> ours.names().stream().noneMatch(name -> KnownKeys.matches(template, name)));
    }

    private void rejectUnknownKeys(KnownKeys known, Set<String> given) {
        boolean warnOnly = "warn".equalsIgnoreCase(getString(CONFIG_UNKNOWN_KEYS));
        KnownKeys otherServices = null;
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(given)) {
            if (known.contains(key)) {
                continue;
            }
            if (otherServices == null) {
                otherServices = KnownKeys.resource(SERVICE_KEYS_RESOURCE);
            }
            String named = key + " (" + ConfigSource.environmentName(key) + ")";
            if (isAnotherServicesKey(key, known, otherServices)) {
                LOG.warn("ignoring {}: this service does not read it, another straumflyt service does", named);
                continue;
            }
            String problem = "unknown key " + named + known.nearest(key)
                    .map(k -> ": did you mean " + k + " (" + ConfigSource.environmentName(k) + ")?")
                    .orElse(key.startsWith(KAFKA_PREFIX) ? ": not a property of the Kafka clients" : "");
            if (warnOnly) {
                LOG.warn("ignoring {} ({}=warn)", problem, CONFIG_UNKNOWN_KEYS);
            } else {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems) + ". Correct or remove each, or set "
                    + CONFIG_UNKNOWN_KEYS + "=warn (" + ConfigSource.environmentName(CONFIG_UNKNOWN_KEYS)
                    + "=warn) to only log unknown keys.");
        }
    }

    /**
     * Whether this service talks to Kafka as configured: only then is {@value KafkaConnectionWatch#CHECK} part of its
     * readiness. Every service does but one whose Kafka use is optional and switched off (the dashboard without its
     * registry).
     */
    public boolean usesKafka() {
        return true;
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
