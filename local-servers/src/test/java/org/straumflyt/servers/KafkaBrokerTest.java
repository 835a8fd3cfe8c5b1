package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.runtime.PartitionsReady;

@ExtendWith(KafkaExtension.class)
class KafkaBrokerTest {

    private final KafkaBroker kafka;

    KafkaBrokerTest(KafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void sharedBrokerIsTheStaticOneAndListensOnLoopback() {
        assertThat(kafka).isSameAs(TestServers.kafka());
        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
        assertThat(kafka.logFile()).exists().startsWith(ServerDirs.baseDir());
        assertThat(kafka.directory().getFileName().toString()).isEqualTo("kafka-" + kafka.port());
    }

    @Test
    void producesAndConsumesRecordsInOrderPerKey() {
        kafka.createTopic("harness.roundtrip", 3, false);
        kafka.produce(List.of(
                new ProducerRecord<>("harness.roundtrip", "meter-1", "1.5"),
                new ProducerRecord<>("harness.roundtrip", "meter-1", "2.5"),
                new ProducerRecord<>("harness.roundtrip", "meter-2", "7")));

        List<ConsumerRecord<String, String>> records = kafka.consumeAll("harness.roundtrip", 3, Duration.ofSeconds(30));

        assertThat(records).hasSize(3);
        assertThat(records.stream().filter(r -> r.key().equals("meter-1")).map(ConsumerRecord::value))
                .containsExactly("1.5", "2.5");
        assertThat(records).anySatisfy(r -> assertThat(r.value()).isEqualTo("7"));
    }

    @Test
    void createsCompactedTopicsWithThePartitionCount() throws Exception {
        kafka.createTopic("harness.compacted", 2, true);

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "harness.compacted");
        Map<ConfigResource, Config> configs = kafka.admin().describeConfigs(List.of(resource))
                .all().get(30, TimeUnit.SECONDS);
        assertThat(configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(kafka.admin().describeTopics(List.of("harness.compacted")).allTopicNames()
                .get(30, TimeUnit.SECONDS).get("harness.compacted").partitions()).hasSize(2);
    }

    @Test
    void consumeAllFailsClearlyWhenRecordsAreMissing() {
        kafka.createTopic("harness.empty", 1, false);

        assertThatThrownBy(() -> kafka.consumeAll("harness.empty", 1, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 1 records in topic 'harness.empty'");
    }

    @Test
    void aCreatedTopicIsHostedByItsLeaderWhenCreateReturns() throws Exception {
        kafka.createTopic("harness.hosted", 6, false);

        var dirs = kafka.admin().describeLogDirs(List.of(kafka.admin().describeCluster().nodes()
                .get(30, TimeUnit.SECONDS).iterator().next().id())).allDescriptions().get(30, TimeUnit.SECONDS);
        List<TopicPartition> hosted = dirs.values().stream().flatMap(d -> d.values().stream())
                .flatMap(d -> d.replicaInfos().keySet().stream())
                .filter(tp -> tp.topic().equals("harness.hosted")).toList();
        assertThat(hosted).hasSize(6);
    }

    @Test
    void waitingForATopicThatDoesNotExistEndsFalseAfterTheTimeout() throws Exception {
        long start = System.nanoTime();

        boolean ready = PartitionsReady.await(kafka.admin(), List.of("harness.never-created"), Duration.ofMillis(700));

        assertThat(ready).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
}
