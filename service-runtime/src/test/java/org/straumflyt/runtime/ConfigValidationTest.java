package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
    @TempDir
    Path dir;

    @Test
    void theSharedValuesAreCheckedAtStart() {
        assertThatThrownBy(() -> configure(Map.of("kafka.bootstrap.servers", "kafka"))).hasMessageContaining(
                "Invalid value kafka for configuration kafka.bootstrap.servers: expected host:port");
        assertThatThrownBy(() -> configure(Map.of("kafka.bootstrap.servers", "kafka:9092,kafka2:90920")))
                .hasMessageContaining("kafka2:90920");
        assertThatThrownBy(() -> configure(Map.of("http.port", "65536"))).hasMessageContaining("http.port");
        assertThatThrownBy(() -> configure(Map.of("topic.prefix", "bad prefix/"))).hasMessageContaining("topic.prefix");
        assertThatThrownBy(() -> configure(Map.of("http.host", ""))).hasMessageContaining("http.host");
        assertThat(configure(Map.of("kafka.bootstrap.servers", "[::1]:9092,kafka:9093")).bootstrapServers())
                .isEqualTo("[::1]:9092,kafka:9093");
    }

    @Test
    void kafkaClientPropertiesAreCheckedByTheClientsOwnDefinitions() {
        assertThatThrownBy(() -> configure(Map.of("kafka.acks", "some")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value some for configuration kafka.acks: ")
                .satisfies(e -> assertThat(ServiceLauncher.explain((ConfigException) e))
                        .endsWith("(key kafka.acks, environment variable STRAUMFLYT_KAFKA_ACKS)"));
        assertThatThrownBy(() -> configure(Map.of("kafka.session.timeout.ms", "soon")))
                .hasMessageContaining("kafka.session.timeout.ms");
        assertThat(configure(Map.of("kafka.acks", "all", "kafka.linger.ms", "5")).kafkaProperties())
                .containsEntry("acks", "all").containsEntry("linger.ms", "5");
    }

    @Test
    void theOpsEndpointIsOnLoopbackUnlessToldOtherwise() {
        assertThat(configure(Map.of()).httpHost()).isEqualTo("127.0.0.1");
        assertThat(configure(Map.of("http.host", "0.0.0.0")).httpHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void aBaseUrlMayNotHaveAPath() {
        ConfigDef.Validator url = ConfigValidators.uri(List.of("http", "https"), false, "http://localhost:8086");

        url.ensureValid("influx.url", "http://influxdb:8086");
        url.ensureValid("influx.url", "https://influx.example.org/");
        assertThatThrownBy(() -> url.ensureValid("influx.url", "http://influxdb:8086/api/v2"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value http://influxdb:8086/api/v2 for configuration influx.url: give the server's "
                        + "base URL without a path (drop '/api/v2'), e.g. http://localhost:8086");
        assertThatThrownBy(() -> url.ensureValid("influx.url", "influxdb:8086"))
                .hasMessageContaining("the scheme must be one of http, https");
        assertThatThrownBy(() -> url.ensureValid("influx.url", "http://:8086")).hasMessageContaining("no host");
        assertThatThrownBy(() -> url.ensureValid("influx.url", "http://influxdb:99999"))
                .hasMessageContaining("the port must be 1..65535");
    }

    @Test
    void aUriWithAPathMayHaveOne() {
        ConfigDef.Validator mqtt = ConfigValidators.uri(List.of("tcp", "ssl", "ws", "wss"), true, "tcp://localhost:1883");

        mqtt.ensureValid("mqtt.server.uri", "wss://broker.example.org:443/mqtt");
        assertThatThrownBy(() -> mqtt.ensureValid("mqtt.server.uri", "mqtt://broker:1883"))
                .hasMessageContaining("the scheme must be one of tcp, ssl, ws, wss");
        assertThatThrownBy(() -> mqtt.ensureValid("mqtt.server.uri", "tcp://broker :1883"))
                .hasMessageContaining("not a URI");
    }

    @Test
    void theEffectiveConfigurationHidesSecrets() throws IOException {
        Path jaas = Files.writeString(dir.resolve("jaas"), "ScramLoginModule required password=\"kafka-secret\";");
        Path plain = Files.writeString(dir.resolve("servers"), "kafka:9092");
        Map<String, String> environment = Map.of(
                "STRAUMFLYT_KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString(),
                "STRAUMFLYT_KAFKA_SSL_KEY_PASSWORD", "key-secret",
                "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS_FILE", plain.toString(),
                "STRAUMFLYT_KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL", "https://user:url-secret@auth.example.org/token");
        ServiceConfig config = new ServiceConfig(ServiceConfig.base(8080), ConfigSource.load(new String[0], environment));

        String shown = config.effectiveConfiguration(ConfigSource.keysFromFiles(environment));

        assertThat(shown).doesNotContain("kafka-secret", "key-secret", "url-secret", "kafka:9092")
                .contains("kafka.sasl.jaas.config = [hidden]", "kafka.ssl.key.password = [hidden]",
                        "kafka.bootstrap.servers = [hidden]",
                        "kafka.sasl.oauthbearer.token.endpoint.url = https://[hidden]@auth.example.org/token",
                        "http.host = 127.0.0.1", "http.port = 8080", "config.unknown.keys = fail");
    }

    @Test
    void kafkaClientPasswordsAreSecretsAndOtherPropertiesAreNot() {
        assertThat(KafkaClientProperties.isSecret("kafka.sasl.jaas.config")).isTrue();
        assertThat(KafkaClientProperties.isSecret("kafka.ssl.truststore.password")).isTrue();
        assertThat(KafkaClientProperties.isSecret("kafka.config.providers.vault.param.token")).isTrue();
        assertThat(KafkaClientProperties.isSecret("kafka.security.protocol")).isFalse();
        assertThat(KafkaClientProperties.isSecret("kafka.sasl.oauthbearer.token.endpoint.url")).isFalse();
    }

    @Test
    void launcherMessagesNameTheKeyAndItsVariable() {
        assertThat(ServiceLauncher.explain(new ConfigException("influx.url", "x", "bad"))).endsWith(
                "(key influx.url, environment variable STRAUMFLYT_INFLUX_URL)");
        ConfigDef required = new ConfigDef().define("influx.token", ConfigDef.Type.PASSWORD,
                ConfigDef.Importance.HIGH, "token");
        assertThatThrownBy(() -> required.parse(Map.of())).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(ServiceLauncher.explain(e)).endsWith(
                        "(key influx.token, environment variable STRAUMFLYT_INFLUX_TOKEN)"));
    }

    private static ServiceConfig configure(Map<String, String> values) {
        return new ServiceConfig(ServiceConfig.base(8080), values);
    }

}
