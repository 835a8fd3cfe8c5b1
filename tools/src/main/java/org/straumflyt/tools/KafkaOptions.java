package org.straumflyt.tools;

import picocli.CommandLine.Option;

/**
 * The Kafka options every tool has (a picocli mixin): where Kafka is and which topics to use. Each wins over its
 * environment variable, which wins over the default; Kafka's other client properties (security) come only from the
 * environment, see {@link KafkaSettings}.
 */
public final class KafkaOptions {
    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers; env "
            + KafkaSettings.BOOTSTRAP_VARIABLE + " (default: " + KafkaSettings.DEFAULT_BOOTSTRAP_SERVERS + "); other "
            + "client properties such as security.protocol: env STRAUMFLYT_KAFKA_<PROPERTY>, or <PROPERTY>_FILE "
            + "naming a file that holds the value")
    String kafka;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "prefix of every topic name; env "
            + KafkaSettings.PREFIX_VARIABLE + " (default: " + org.straumflyt.model.Topics.DEFAULT_PREFIX + ")")
    String topicPrefix;

    /**
     * The settings from these options and the environment.
     *
     * @throws org.straumflyt.runtime.cli.UsageException when they cannot be used
     */
    public KafkaSettings settings(java.util.Map<String, String> environment) {
        return KafkaSettings.from(this, environment);
    }
}
