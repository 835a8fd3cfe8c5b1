package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class KafkaBrokerRestartTest {

    @Test
    void recordSurvivesKillAndRestartOnTheSamePort(@PrivateServer KafkaBroker broker) {
        assertThat(broker).isNotSameAs(TestServers.kafka());
        broker.createTopic("readings", 3, false);
        broker.produce("readings", "meter-1", "{\"kwh\":1.5}");
        long pid = broker.pid();
        String bootstrap = broker.bootstrapServers();

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
        List<ConsumerRecord<String, String>> records = broker.consumeAll("readings", 1, Duration.ofSeconds(30));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("meter-1");
            assertThat(r.value()).isEqualTo("{\"kwh\":1.5}");
        });
    }
}
