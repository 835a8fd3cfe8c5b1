package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.servers.MainRun;

/** The publisher as shipped ({@link PublisherMain} in its own JVM) refuses a wrong configuration with exit code 2. */
class PublisherStartRefusalTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aStoreUrlWithAPathExits2NamingTheKeyAndItsVariable() {
        MainRun run = MainRun.run(PublisherMain.class, Map.of("STRAUMFLYT_INFLUX_URL", "http://127.0.0.1:8086/api/v2",
                "STRAUMFLYT_HTTP_PORT", "0"), TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("kpi-publisher: configuration error", "influx.url", "STRAUMFLYT_INFLUX_URL",
                "without a path (drop '/api/v2')").doesNotContain("\tat ");
    }

    @Test
    void aMistypedKafkaPropertyExits2WithTheNameItResembles() {
        MainRun run = MainRun.run(PublisherMain.class, Map.of("STRAUMFLYT_KAFKA_SECURTY_PROTOCOL", "SASL_SSL",
                "STRAUMFLYT_HTTP_PORT", "0"), TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("unknown key kafka.securty.protocol (STRAUMFLYT_KAFKA_SECURTY_PROTOCOL): "
                + "did you mean kafka.security.protocol (STRAUMFLYT_KAFKA_SECURITY_PROTOCOL)?").doesNotContain("\tat ");
    }

    @Test
    void aBusyOpsPortExits2NamingTheSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MainRun run = MainRun.run(PublisherMain.class, Map.of("STRAUMFLYT_HTTP_PORT",
                    Integer.toString(taken.getLocalPort()), "STRAUMFLYT_INFLUX_TOKEN", "s3cret-token"), TIMEOUT);

            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).contains("cannot serve /health and /metrics on 127.0.0.1:" + taken.getLocalPort(),
                    "http.port (STRAUMFLYT_HTTP_PORT)").doesNotContain("\tat ");
            // The configuration was read and logged before, once, with the token hidden
            assertThat(run.output()).contains("kpi-publisher configuration:", "influx.token = [hidden]",
                    "http.port = " + taken.getLocalPort()).doesNotContain("s3cret-token");
            assertThat(run.output().split("kpi-publisher configuration:", -1)).hasSize(2);
        }
    }
}
