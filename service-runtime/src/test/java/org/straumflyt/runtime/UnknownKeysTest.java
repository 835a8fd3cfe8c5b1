package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeysTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedKeyIsRejectedWithTheKeyItResembles() {
        assertThatThrownBy(() -> configure(Map.of("STRAUMFLYT_TOPIC_PREFX", "x.")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown key topic.prefx (STRAUMFLYT_TOPIC_PREFX): did you mean topic.prefix "
                        + "(STRAUMFLYT_TOPIC_PREFIX)?")
                .hasMessageContaining("config.unknown.keys=warn (STRAUMFLYT_CONFIG_UNKNOWN_KEYS=warn)");
    }

    @Test
    void aMistypedKafkaClientPropertyIsRejectedWithThePropertyItResembles() {
        assertThatThrownBy(() -> configure(Map.of("STRAUMFLYT_KAFKA_SECURTY_PROTOCOL", "SASL_SSL")))
                .hasMessageStartingWith("unknown key kafka.securty.protocol (STRAUMFLYT_KAFKA_SECURTY_PROTOCOL): did you "
                        + "mean kafka.security.protocol (STRAUMFLYT_KAFKA_SECURITY_PROTOCOL)?");
        assertThatThrownBy(() -> configure(Map.of("STRAUMFLYT_KAFKA_FLUX_CAPACITOR", "1.21")))
                .hasMessageStartingWith("unknown key kafka.flux.capacitor (STRAUMFLYT_KAFKA_FLUX_CAPACITOR): not a "
                        + "property of the Kafka clients");
    }

    @Test
    void kafkaClientPropertiesAndSecretFilesOfThemPass() throws IOException {
        Path jaas = Files.writeString(dir.resolve("jaas"), "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"u\" password=\"p\";");

        ServiceConfig config = configure(Map.of("STRAUMFLYT_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "STRAUMFLYT_KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString(),
                "STRAUMFLYT_KAFKA_CONFIG_PROVIDERS_VAULT_CLASS", "com.example.VaultProvider"));

        assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config");
    }

    @Test
    void everyMistakeIsListedAtOnceWithoutItsValue() {
        assertThatThrownBy(() -> configure(Map.of("STRAUMFLYT_TOPIC_PREFX", "x.", "STRAUMFLYT_KAFKA_SASL_JAAS_CONFIG_",
                "password=\"secret\"")))
                .hasMessageContaining("topic.prefx").hasMessageContaining("kafka.sasl.jaas.config.")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aKeyOfAnotherServiceIsOnlyAWarning() {
        // One environment file shared by all services: the publisher's store URL reaches ingest too
        assertThatCode(() -> configure(Map.of("STRAUMFLYT_INFLUX_URL", "http://influxdb:8086",
                "STRAUMFLYT_ROUTE_AMS_FILTER", "ams/+/json", "STRAUMFLYT_KAFKA_NUM_STANDBY_REPLICAS", "1")))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownKeysAreOnlyWarningsWhenSoConfigured() {
        assertThatCode(() -> configure(Map.of("STRAUMFLYT_TOPIC_PREFX", "x.", "STRAUMFLYT_CONFIG_UNKNOWN_KEYS", "warn")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> configure(Map.of("STRAUMFLYT_CONFIG_UNKNOWN_KEYS", "ignore")))
                .hasMessageContaining("config.unknown.keys");
    }

    @Test
    void theLogLevelAndTheConfigFileVariablesAreNotKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("service.properties"), "topic.prefix=file.\n");

        ServiceConfig config = configure(Map.of("STRAUMFLYT_LOG_LEVEL", "DEBUG",
                "STRAUMFLYT_CONFIG_FILE", file.toString()));

        assertThat(config.topicPrefix()).isEqualTo("file.");
    }

    @Test
    void anUnknownKeyInTheConfigurationFileIsRejectedToo() throws IOException {
        Path file = Files.writeString(dir.resolve("service.properties"), "http.prot=9100\n");

        assertThatThrownBy(() -> new ServiceConfig(ServiceConfig.base(8080),
                ConfigSource.load(new String[] {"--config", file.toString()}, Map.of())))
                .hasMessageStartingWith("unknown key http.prot (STRAUMFLYT_HTTP_PROT): did you mean http.port "
                        + "(STRAUMFLYT_HTTP_PORT)?");
    }

    @Test
    void suggestionsAreForTyposNotForAnythingAtAll() {
        KnownKeys keys = KnownKeys.of(java.util.List.of("mqtt.server.uri", "mqtt.client.id", "route.<name>.filter",
                "kafka.producer.*"));

        assertThat(keys.nearest("mqtt.server.url")).contains("mqtt.server.uri");
        assertThat(keys.nearest("mqtt.clientid")).contains("mqtt.client.id");
        assertThat(keys.nearest("weather.station")).isEmpty();
        assertThat(keys.contains("route.ams.filter")).isTrue();
        assertThat(keys.contains("route.ams.sensor")).isFalse();
        assertThat(keys.contains("kafka.producer.linger.ms")).isTrue();
        assertThat(keys.contains("kafka.producer.")).isFalse();
    }

    private ServiceConfig configure(Map<String, String> environment) {
        return new ServiceConfig(ServiceConfig.base(8080), ConfigSource.load(new String[0], environment));
    }
}
