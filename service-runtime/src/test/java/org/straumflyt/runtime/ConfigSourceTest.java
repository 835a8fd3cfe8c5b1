package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
    @TempDir
    Path dir;

    @Test
    void environmentNamesMapToDottedKeysBothWays() {
        assertThat(ConfigSource.environmentName("kafka.bootstrap.servers")).isEqualTo("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ConfigSource.keyOf("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka.bootstrap.servers");
        assertThat(ConfigSource.keyOf("HOME")).isNull();
    }

    @Test
    void environmentWinsOverTheFileAndTheFileOverDefaults() throws IOException {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "topic.prefix=file.\nhttp.port=9100\n");

        Map<String, String> values = ConfigSource.load(new String[] {"--config", file.toString()},
                Map.of("STRAUMFLYT_TOPIC_PREFIX", "env.", "PATH", "/usr/bin"));
        ServiceConfig config = new ServiceConfig(ServiceConfig.base(8080), values);

        assertThat(config.topicPrefix()).isEqualTo("env.");
        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void theConfigFileCanBeNamedInTheEnvironment() throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "http.port=9200\n");

        Map<String, String> values = ConfigSource.load(new String[0], Map.of(ConfigSource.FILE_VARIABLE, file.toString()));

        assertThat(values).containsEntry("http.port", "9200").doesNotContainKey("config.file");
    }

    @Test
    void secretsAreReadFromFilesNamedByUnderscoreFileVariables() throws IOException {
        Path secret = dir.resolve("token");
        Files.writeString(secret, "s3cr3t\n");

        Map<String, String> values = ConfigSource.load(new String[0],
                Map.of("STRAUMFLYT_INFLUX_TOKEN_FILE", secret.toString()));

        assertThat(values).containsEntry("influx.token", "s3cr3t");
    }

    @Test
    void anUnreadableSecretFileIsAClearError() {
        assertThatThrownBy(() -> ConfigSource.load(new String[0],
                Map.of("STRAUMFLYT_INFLUX_TOKEN_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STRAUMFLYT_INFLUX_TOKEN_FILE (the secret of key influx.token)")
                .hasMessageContaining("missing");
    }

    @Test
    void kafkaPassThroughKeysReachTheClientsWithoutTheirPrefix() {
        ServiceConfig config = new ServiceConfig(ServiceConfig.base(8080), Map.of(
                "kafka.bootstrap.servers", "a:1,b:2", "kafka.security.protocol", "SASL_SSL"));

        assertThat(config.kafkaProperties())
                .containsEntry("bootstrap.servers", "a:1,b:2")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey("kafka.security.protocol");
    }

    @Test
    void aBadValueIsExplainedWithItsEnvironmentVariable() {
        ConfigException error = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new ServiceConfig(ServiceConfig.base(8080), Map.of("http.port", "eighty")));

        assertThat(ServiceLauncher.explain(error))
                .contains("eighty")
                .contains("STRAUMFLYT_HTTP_PORT");
    }

    @Test
    void usageListsEveryKeyWithItsEnvironmentVariable() {
        ConfigDef definition = ServiceConfig.base(8080);

        assertThat(ServiceLauncher.usage("ingest-mqtt", definition))
                .contains("kafka.bootstrap.servers", "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .contains("STRAUMFLYT_HTTP_PORT");
    }
}
