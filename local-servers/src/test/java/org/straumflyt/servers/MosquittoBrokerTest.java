package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MosquittoExtension.class)
class MosquittoBrokerTest {

    @Test
    void deliversQos1Message(MosquittoBroker mqtt) throws Exception {
        assertThat(mqtt).isSameAs(TestServers.mosquitto());
        assertThat(mqtt.uri()).isEqualTo("tcp://127.0.0.1:" + mqtt.port());
        try (MqttTestClient subscriber = new MqttTestClient(mqtt.uri(), "harness-sub").connect(MqttTestClient.options(true));
             MqttTestClient publisher = new MqttTestClient(mqtt.uri(), "harness-pub").connect(MqttTestClient.options(true))) {
            subscriber.subscribe("harness/qos1");
            publisher.publish("harness/qos1", "{\"P\":23450}");

            assertThat(subscriber.awaitMessage(10)).isEqualTo("{\"P\":23450}");
        }
    }

    @Test
    void persistentSessionKeepsQueuedMessageOverRestart(@PrivateServer MosquittoBroker mqtt) throws Exception {
        try (MqttTestClient subscriber = new MqttTestClient(mqtt.uri(), "persistent-sub")) {
            subscriber.connect(MqttTestClient.options(false)).subscribe("meters/+/energy");
            subscriber.disconnect();
            try (MqttTestClient publisher = new MqttTestClient(mqtt.uri(), "pub").connect(MqttTestClient.options(true))) {
                publisher.publish("meters/m1/energy", "412345.678");
            }

            mqtt.restart();

            subscriber.connect(MqttTestClient.options(false));
            assertThat(subscriber.awaitMessage(10)).isEqualTo("412345.678");
        }
    }

    @Test
    void acceptsClientsAgainOnTheSamePortAfterKill(@PrivateServer MosquittoBroker mqtt) throws Exception {
        int port = mqtt.port();
        mqtt.kill();
        assertThat(Ports.isAccepting(port, Duration.ofMillis(200))).isFalse();

        mqtt.start();

        assertThat(mqtt.port()).isEqualTo(port);
        try (MqttTestClient client = new MqttTestClient(mqtt.uri(), "after-kill").connect(MqttTestClient.options(true))) {
            client.subscribe("echo");
            client.publish("echo", "back");
            assertThat(client.awaitMessage(10)).isEqualTo("back");
        }
    }

    @Test
    void failsWithInstallHintWhenBinaryIsMissing() {
        MosquittoBroker broker = MosquittoBroker.builder().executable(Path.of("/nonexistent/mosquitto")).build();

        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y mosquitto mosquitto-clients");
        assertThat(broker.isRunning()).isFalse();
    }
}
