package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MosquittoTlsTest {

    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.builder().requireClientCertificate().credentials("meter", "s3cret").start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void exposesTlsUriAndFiles() {
        assertThat(broker.uri()).isEqualTo("ssl://127.0.0.1:" + broker.port());
        TlsFiles files = broker.tlsFiles();
        assertThat(files.caCert()).exists().startsWith(broker.directory());
        assertThat(files.clientKeyStore()).exists();
    }

    @Test
    void acceptsTlsClientWithCertificateAndPassword() throws Exception {
        try (MqttTestClient client = new MqttTestClient(broker.uri(), "tls-client")) {
            client.connect(options("s3cret"));
            client.subscribe("secure/topic");
            client.publish("secure/topic", "hello over tls");
            assertThat(client.awaitMessage(10)).isEqualTo("hello over tls");
        }
    }

    @Test
    void refusesWrongPassword() throws Exception {
        try (MqttTestClient client = new MqttTestClient(broker.uri(), "intruder")) {
            assertThatThrownBy(() -> client.connect(options("wrong")))
                    .isInstanceOfSatisfying(MqttException.class,
                            e -> assertThat(e.getReasonCode()).isIn(134, 135));
        }
    }

    private static MqttConnectionOptions options(String password) {
        MqttConnectionOptions options = MqttTestClient.options(true);
        options.setSocketFactory(broker.tlsFiles().socketFactory());
        options.setUserName(broker.username());
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        return options;
    }
}
