package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PublisherConfigTest {

    @Test
    void theStoreUrlIsTheServersBaseUrl() {
        assertThat(new PublisherConfig(Map.of("influx.url", "https://influx.example.org")).influxUrl())
                .isEqualTo("https://influx.example.org");
        assertThatThrownBy(() -> new PublisherConfig(Map.of("influx.url", "http://influxdb:8086/api/v2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("influx.url")
                .hasMessageContaining("drop '/api/v2'");
        assertThatThrownBy(() -> new PublisherConfig(Map.of("influx.url", "influxdb:8086")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http, https");
    }

    @Test
    void theLongestRetryPauseIsNotShorterThanTheFirst() {
        assertThatThrownBy(() -> new PublisherConfig(Map.of("retry.backoff.initial.ms", "5000",
                "retry.backoff.max.ms", "1000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("retry.backoff.max.ms").hasMessageContaining("retry.backoff.initial.ms (5000)");
    }
}
