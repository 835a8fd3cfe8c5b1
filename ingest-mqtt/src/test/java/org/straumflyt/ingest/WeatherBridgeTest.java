package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.format.Decoding;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.WeatherSample;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/** A weather sensor's route on real brokers: samples reach weather.samples keyed by location, bad ones the DLQ. */
class WeatherBridgeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void temperatureSamplesReachTheirTopicAndABrokenProbeTheDeadLetters() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String device = "ute-" + System.nanoTime();
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri())
                        .with("routes", "ute")
                        .with("route.ute.filter", "tele/" + device + "/SENSOR")
                        .with("route.ute.format", "tasmota-temperature")
                        .with("route.ute.location.id", "fornebu")
                        .with("route.ute.zone", "UTC")
                        .start();
                Publisher publisher = new Publisher(mosquitto.uri())) {
            // Given a running bridge with a Tasmota DS18B20 route for location 'fornebu'
            // When the sensor publishes a temperature, then the 85 °C of a probe's power-on reset
            publisher.publish("tele/" + device + "/SENSOR", Decoding.fixture("tasmota/ds18b20.json"));
            publisher.publish("tele/" + device + "/SENSOR", Decoding.fixture("tasmota/ds18b20-power-on-reset.json"));

            // Then weather.samples holds the first, keyed by the location, in °C at the device's time
            List<ConsumerRecord<String, String>> records = kafka.consumeAll(ingest.topics.weatherSamples().name(), 1,
                    TIMEOUT);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("fornebu");
            WeatherSample sample = Json.fromString(records.get(0).value(), WeatherSample.class);
            assertThat(sample.temperatureC()).isEqualTo(-6.4);
            assertThat(sample.timestamp()).isEqualTo(Instant.parse("2025-01-15T07:30:12Z"));
            assertThat(sample.origin().format()).isEqualTo("tasmota-temperature");
            // and the dead-letter topic the second, with its reason, while no reading was produced
            List<DeadLetter> letters = ingest.deadLetters(1, TIMEOUT);
            assertThat(letters).extracting(DeadLetter::reason).containsExactly(DeadLetterReason.OUT_OF_RANGE);
            assertThat(letters.get(0).mqttTopic()).isEqualTo("tele/" + device + "/SENSOR");
            Awaitility.await("sample counted").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    ingest.counter("straumflyt.ingest.weather.samples.produced", "format", "tasmota-temperature"))
                    .isEqualTo(1.0));
            assertThat(ingest.counter("straumflyt.ingest.readings.produced")).isZero();
        }
    }
}
