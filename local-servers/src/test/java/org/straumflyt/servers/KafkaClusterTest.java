package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaClusterTest {
    private KafkaCluster cluster;
    private StringRecordClients clients;

    @BeforeAll
    void startCluster() {
        cluster = KafkaCluster.startNew();
        clients = new StringRecordClients(cluster.bootstrapServers());
    }

    @AfterAll
    void stopCluster() {
        if (clients != null) {
            clients.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeNodesReplicateEveryTopicThreeTimesWithTwoInSyncRequired() throws Exception {
        assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
        assertThat(cluster.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);

        cluster.createTopics(3, false, "replicated");

        assertThat(cluster.partitions("replicated")).hasSize(3).allSatisfy(p -> {
            assertThat(p.replicas()).hasSize(3);
            assertThat(p.isr()).hasSize(3);
        });
        assertThat(cluster.topicConfig("replicated", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).isEqualTo("2");
        // and a topic a service creates without settings of its own gets the same, from the brokers' defaults
        cluster.admin().createTopics(List.of(new NewTopic("defaults", Optional.empty(), Optional.empty()))).all()
                .get(30, TimeUnit.SECONDS);
        assertThat(cluster.topicConfig("defaults", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).isEqualTo("2");
        Waits.until("defaults described", Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> !cluster.partitions("defaults").isEmpty(), () -> "");
        assertThat(cluster.partitions("defaults")).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
    }

    @Test
    void acknowledgedRecordsSurviveTheKillOfTheirLeaderAndItsReturnOnTheSamePort() throws Exception {
        cluster.createTopics(1, false, "survivors");
        KafkaCluster.Broker leader = cluster.leaderOf("survivors", 0).orElseThrow();
        String address = leader.bootstrapServers();
        long pid = leader.pid();
        clients.send(records("before", 50), Duration.ofSeconds(30));

        // When the leader dies with SIGKILL
        leader.kill();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        // Then another node leads, takes acks=all writes (two in sync), and no acknowledged record is lost
        Waits.until("a new leader of survivors-0", Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> cluster.leaderOf("survivors", 0).filter(b -> b != leader).isPresent(), () -> "");
        clients.send(records("during", 50), Duration.ofSeconds(60));

        // And the node comes back on the same port with its log directory and catches up
        leader.start();
        assertThat(leader.bootstrapServers()).isEqualTo(address);
        cluster.awaitFullyInSync(List.of("survivors"), Duration.ofSeconds(90));
        List<ConsumerRecord<String, String>> read = clients.consumeAll("survivors", 100, Duration.ofSeconds(60));
        List<String> expected = new ArrayList<>();
        records("before", 50).forEach(r -> expected.add(r.value()));
        records("during", 50).forEach(r -> expected.add(r.value()));
        assertThat(read).extracting(ConsumerRecord::value).containsExactlyElementsOf(expected);
    }

    private static List<ProducerRecord<String, String>> records(String prefix, int count) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new ProducerRecord<>("survivors", "k", prefix + "-" + i));
        }
        return records;
    }
}
