package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;
import org.straumflyt.servers.RealServers;

/**
 * The first end-to-end path: a meter's register readings, published over MQTT by a real client, pass through
 * ingest-mqtt, Kafka, the stream processor and the publisher into the store, and the store holds the exact energy
 * of each hour — including the part of a reading interval that crosses the hour border.
 */
@RealServers
class MeterReadingsReachTheStoreTest {
    @Test
    void registerReadingsOverTwoHoursBecomeTheExactEnergyOfEachHourInTheStore(KafkaBroker kafka,
            MosquittoBroker mqtt, QuestDbServer store) throws Exception {
        // Given the pipeline, and a meter whose register readings span two hours
        String run = UUID.randomUUID().toString().substring(0, 8);
        String meter = "m-" + run;
        Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        Instant h1 = h0.plus(1, ChronoUnit.HOURS);
        // 06:00 1000 → 06:20 1002 → 06:50 1005 → 07:10 1009 → 07:40 1012 → 08:00 1013 (kWh).
        // The 06:50–07:10 step of 4 kWh is half in each hour: hour 0 = 2 + 3 + 2 = 7, hour 1 = 2 + 3 + 1 = 6.
        Map<Instant, Double> register = new TreeMap<>(Map.of(
                h0, 1000.0, h0.plusSeconds(20 * 60), 1002.0, h0.plusSeconds(50 * 60), 1005.0,
                h1.plusSeconds(10 * 60), 1009.0, h1.plusSeconds(40 * 60), 1012.0, h1.plusSeconds(60 * 60), 1013.0));

        try (Pipeline pipeline = Pipeline.start(run, kafka, mqtt, store, Map.of(
                "routes", "canonical",
                "route.canonical.filter", "e2e/" + run + "/#",
                "route.canonical.ids", "e2e/" + run + "/{buildingId}/{meterId}"))) {

            // When a real MQTT client publishes the readings at QoS 1
            publish(mqtt, "e2e/" + run + "/school-1/" + meter, register);

            // Then the store holds each hour's exact energy
            String sql = "SELECT time, energy_kwh FROM meter_hourly WHERE meter = '" + meter
                    + "' AND register = 'import' ORDER BY time";
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<Map<String, Object>> rows = store.query(sql);
                Map<Instant, Double> hours = new TreeMap<>();
                rows.forEach(r -> hours.put((Instant) r.get("time"), ((Number) r.get("energy_kwh")).doubleValue()));
                assertThat(hours).containsKeys(h0, h1);
                assertThat(hours.get(h0)).isCloseTo(7.0, within(1e-9));
                assertThat(hours.get(h1)).isCloseTo(6.0, within(1e-9));
                assertThat(hours.keySet()).allMatch(h -> h.equals(h0) || h.equals(h1) || hours.get(h) == 0.0);
            });
        }
    }

    private static void publish(MosquittoBroker mqtt, String topic, Map<Instant, Double> register) throws Exception {
        MqttClient client = new MqttClient(mqtt.uri(), "e2e-meter-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        try {
            for (var reading : register.entrySet()) {
                String json = "{\"register\":\"import\",\"kind\":\"ENERGY_REGISTER\",\"value\":" + reading.getValue()
                        + ",\"unit\":\"kWh\",\"timestamp\":\"" + reading.getKey() + "\",\"carrier\":\"electricity\"}";
                MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                client.publish(topic, message);
            }
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
