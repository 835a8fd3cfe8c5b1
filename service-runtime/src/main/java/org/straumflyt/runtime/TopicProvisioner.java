package org.straumflyt.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.straumflyt.model.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing topics with the partitions and replication a deployment asks for, and log compaction where the
 * contract says so. Topics that exist are left as they are (their operator owns them).
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Properties adminProperties;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(Properties adminProperties, int partitions, short replicationFactor) {
        this.adminProperties = adminProperties;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates those of the topics that do not exist yet; returns when all exist and the new ones can take writes
     * (see {@link PartitionsReady}; if they cannot within the timeout, a warning is logged and producers retry).
     */
    public void ensure(Collection<? extends Topic<?, ?>> topics) {
        List<NewTopic> wanted = topics.stream().map(this::newTopic).toList();
        try (Admin admin = Admin.create(adminProperties)) {
            var result = admin.createTopics(wanted);
            List<String> created = new ArrayList<>();
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.info("created topic {}", entry.getKey());
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
            if (!PartitionsReady.await(admin, created, TIMEOUT)) {
                LOG.warn("the partitions of the new topics {} are not all hosted by their leaders after {}", created,
                        TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT + " while creating topics at "
                    + adminProperties.getProperty("bootstrap.servers"), e);
        }
    }

    private NewTopic newTopic(Topic<?, ?> topic) {
        NewTopic newTopic = new NewTopic(topic.name(), partitions, replicationFactor);
        if (topic.compacted()) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return newTopic;
    }
}
