package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.servers.MainRun;

/** ingest-mqtt as shipped ({@link IngestMain} in its own JVM) refuses a wrong configuration with exit code 2. */
class IngestStartRefusalTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aMistypedKeyExits2WithTheKeyItResembles() {
        MainRun run = MainRun.run(IngestMain.class, Map.of("STRAUMFLYT_MQTT_SERVER_URL", "tcp://127.0.0.1:1883",
                "STRAUMFLYT_HTTP_PORT", "0"), TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("ingest-mqtt: configuration error: unknown key mqtt.server.url "
                + "(STRAUMFLYT_MQTT_SERVER_URL): did you mean mqtt.server.uri (STRAUMFLYT_MQTT_SERVER_URI)?")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadMqttUriExits2NamingTheKeyAndItsVariable() {
        MainRun run = MainRun.run(IngestMain.class, Map.of("STRAUMFLYT_MQTT_SERVER_URI", "mqtt://127.0.0.1:1883",
                "STRAUMFLYT_HTTP_PORT", "0"), TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("mqtt.server.uri", "STRAUMFLYT_MQTT_SERVER_URI",
                "the scheme must be one of tcp, ssl, ws, wss").doesNotContain("\tat ");
    }

    @Test
    void aMissingCaCertificateExits2NamingTheKeys() {
        MainRun run = MainRun.run(IngestMain.class, Map.of("STRAUMFLYT_MQTT_SERVER_URI", "ssl://127.0.0.1:8883",
                "STRAUMFLYT_MQTT_TLS_CA_LOCATION", "/nonexistent/ca.pem", "STRAUMFLYT_HTTP_PORT", "0",
                "STRAUMFLYT_TOPIC_CREATE", "false"), TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("ingest-mqtt: configuration error: cannot set up MQTT TLS",
                "mqtt.tls.ca.location", "STRAUMFLYT_MQTT_TLS_CA_LOCATION").doesNotContain("\tat ");
    }
}
