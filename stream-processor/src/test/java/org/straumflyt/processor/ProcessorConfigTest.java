package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.runtime.ServiceContext;

class ProcessorConfigTest {

    @Test
    void shouldDefaultToTheDocumentedValuesAndExactlyOnce() {
        ProcessorConfig config = new ProcessorConfig(Map.of());

        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.applicationId()).isEqualTo("straumflyt-stream-processor");
        assertThat(config.meteringRules().latenessHorizon()).isEqualTo(Duration.ofHours(36));
        assertThat(config.meteringRules().powerMaxGap()).isEqualTo(Duration.ofMinutes(5));
        var properties = new ProcessorService(config, ServiceContext.create("test")).streamsProperties();
        assertThat(properties.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldReadDegreeDaySharesAndNormalsPerLocation() {
        ProcessorConfig config = new ProcessorConfig(Map.of("degree.days.shares", "office:0.3",
                "degree.days.normals", "bodo:600/560/560/420/300/150/60/90/210/360/480/570"));

        var rules = config.degreeDayRules();
        assertThat(rules.shares().get(BuildingCategory.OFFICE)).isEqualTo(0.3);
        assertThat(rules.shares().get(BuildingCategory.SCHOOL)).isEqualTo(0.6);
        assertThat(rules.normalFor("bodo", LocalDate.of(2026, 6, 1))).isEqualTo(150.0 / 30);
    }

    @Test
    void shouldRejectAMalformedNormalNamingTheKeyWhenTheConfigurationIsRead() {
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("degree.days.normals", "bodo:1/2/3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("degree.days.normals");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("weather.location.zones", "fornebu")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("weather.location.zones");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("portfolio.time.zone", "Europe/Bergen")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("portfolio.time.zone");
    }

    @Test
    void shouldReadTheTariffFileAtStartAndNameItsProblems(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(new ProcessorConfig(Map.of()).costTariffs()).as("no file: no cost stage").isNull();
        assertThat(new ProcessorConfig(Map.of("cost.tariffs.file", "../docs/examples/tariffs.json")).costTariffs()
                .tariffs()).containsKey("naering-liten");
        java.nio.file.Path bad = dir.resolve("tariffs.json");
        java.nio.file.Files.writeString(bad, "{\"tariffs\": {\"t\": []}}");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("cost.tariffs.file", bad.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cost.tariffs.file")
                .hasMessageContaining("tariff t has no versions");
    }

    @Test
    void shouldTakeKafkaStreamsPropertiesAndTheirClientPrefixesButNotTypos() {
        ProcessorConfig config = new ProcessorConfig(Map.of("kafka.num.standby.replicas", "1",
                "kafka.producer.linger.ms", "5", "kafka.main.consumer.max.poll.records", "500",
                "kafka.topic.min.insync.replicas", "2"));

        assertThat(config.kafkaProperties()).containsEntry("producer.linger.ms", "5");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("kafka.max.task.idel.ms", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean kafka.max.task.idle.ms");
    }

    @Test
    void shouldReadTheCarrierMaximumPowerAndTheReadingRules() {
        ProcessorConfig config = new ProcessorConfig(Map.of("meter.default.max.power.kw",
                "district_heating:20000", "reading.max.register.kwh", "1e9", "reading.earliest",
                "2010-01-01T00:00:00Z"));

        var rules = config.meteringRules();
        assertThat(rules.carrierMaxPowerKw(Carrier.DISTRICT_HEATING)).isEqualTo(20_000.0);
        assertThat(rules.carrierMaxPowerKw(Carrier.ELECTRICITY)).isEqualTo(10_000.0);
        assertThat(rules.readingRules().maxRegisterKwh()).isEqualTo(1e9);
        assertThat(rules.readingRules().earliest()).isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("meter.default.max.power.kw", "steam:5")).meteringRules())
                .isInstanceOf(ConfigException.class).hasMessageContaining("meter.default.max.power.kw");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("reading.earliest", "2000-01-01")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reading.earliest");
    }
}
