package org.straumflyt.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Waits until freshly created topics can take writes: every partition has a leader, and that broker hosts the
 * partition's log. A topic is reported created (and even shows a leader in the metadata) a moment before its leader
 * has applied the creation. An idempotent producer that writes in that moment can get its first batch refused
 * ({@code NOT_LEADER_OR_FOLLOWER}) and the next one accepted, after which the first is retried with
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until it expires (KAFKA-15591, fixed in brokers after Kafka 4.3.1).
 */
public final class PartitionsReady {
    private static final long PAUSE_MS = 50;

    private PartitionsReady() {
    }

    /**
     * Returns {@code true} once every partition of {@code topics} is hosted by its leader, {@code false} if that did
     * not happen within {@code timeout}.
     */
    public static boolean await(Admin admin, Collection<String> topics, Duration timeout) throws InterruptedException {
        if (topics.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(admin, topics, deadline)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(PAUSE_MS);
        }
        return false;
    }

    private static boolean ready(Admin admin, Collection<String> topics, long deadline) throws InterruptedException {
        long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(waitMs, TimeUnit.MILLISECONDS);
            Map<Integer, Set<TopicPartition>> byLeader = new HashMap<>();
            for (TopicDescription description : descriptions.values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    Node leader = partition.leader();
                    if (leader == null || leader.isEmpty()) {
                        return false;
                    }
                    byLeader.computeIfAbsent(leader.id(), id -> new HashSet<>())
                            .add(new TopicPartition(description.name(), partition.partition()));
                }
            }
            var logDirs = admin.describeLogDirs(byLeader.keySet()).allDescriptions().get(waitMs, TimeUnit.MILLISECONDS);
            for (var entry : byLeader.entrySet()) {
                Set<TopicPartition> hosted = new HashSet<>();
                logDirs.getOrDefault(entry.getKey(), Map.of()).values()
                        .forEach(dir -> hosted.addAll(dir.replicaInfos().keySet()));
                if (!hosted.containsAll(entry.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            // not known yet, or no answer yet: ask again
            return false;
        }
    }
}
