package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * A Tasmota plug's whole local day of the autumn change (25 hours, 02:00–03:00 twice), in its local time without an
 * offset, replayed through the pipeline weeks later: every UTC hour in the store holds exactly the energy of that
 * hour, the repeated local hour included.
 */
@RealServers
class TasmotaAutumnDayTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void everyHourOfTheAutumnDayIsExactInTheStore(KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store)
            throws Exception {
        // Given a plug sending its register every 5 minutes, with a load that differs from step to step
        String run = UUID.randomUUID().toString().substring(0, 8);
        String meter = "plug-" + run;
        Instant start = LocalDateTime.parse("2026-10-25T00:00").atZone(OSLO).toInstant();
        Instant end = LocalDateTime.parse("2026-10-26T00:00").atZone(OSLO).toInstant();
        Map<Instant, Double> registerKwh = new TreeMap<>();
        Map<Instant, Double> hourKwh = new TreeMap<>();
        double register = 100.0;
        int step = 0;
        for (Instant at = start; !at.isAfter(end); at = at.plusSeconds(300), step++) {
            registerKwh.put(at, register);
            if (at.isBefore(end)) {
                double energy = 0.125 * (1 + step % 7); // exact in binary, so the sums are exact too
                hourKwh.merge(at.truncatedTo(ChronoUnit.HOURS), energy, Double::sum);
                register += energy;
            }
        }
        assertThat(hourKwh).as("the local day has 25 hours").hasSize(25);

        try (Pipeline pipeline = Pipeline.start(run, kafka, mqtt, store, Map.of(
                "routes", "tasmota",
                "route.tasmota.filter", "e2e/" + run + "/tele/+/SENSOR",
                "route.tasmota.ids", "e2e/" + run + "/tele/{meterId}/SENSOR",
                "route.tasmota.zone", OSLO.getId()))) {

            // When the day's messages are published in order, long after the day
            publish(mqtt, "e2e/" + run + "/tele/" + meter + "/SENSOR", registerKwh);

            // Then the store holds each UTC hour's exact energy: the two passes of 02:xx are 00:00Z and 01:00Z
            String sql = "SELECT time, energy_kwh FROM meter_hourly WHERE meter = '" + meter
                    + "' AND register = 'import' ORDER BY time";
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<Instant, Double> hours = new TreeMap<>();
                List<Map<String, Object>> rows = store.query(sql);
                rows.forEach(r -> hours.put((Instant) r.get("time"), ((Number) r.get("energy_kwh")).doubleValue()));
                assertThat(hours).containsKeys(hourKwh.keySet().toArray(Instant[]::new));
                assertThat(hours.keySet()).allMatch(h -> hourKwh.containsKey(h) || hours.get(h) == 0.0);
                hourKwh.forEach((hour, kwh) -> assertThat(hours.get(hour)).as("hour %s", hour)
                        .isCloseTo(kwh, within(1e-9)));
            });
        }
    }

    private static void publish(MosquittoBroker mqtt, String topic, Map<Instant, Double> registerKwh)
            throws Exception {
        MqttClient client = new MqttClient(mqtt.uri(), "e2e-tasmota-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        try {
            for (var reading : registerKwh.entrySet()) {
                String local = LocalDateTime.ofInstant(reading.getKey(), OSLO).toString();
                String json = "{\"Time\":\"" + local + ":00\",\"ENERGY\":{\"Total\":" + reading.getValue() + "}}";
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
