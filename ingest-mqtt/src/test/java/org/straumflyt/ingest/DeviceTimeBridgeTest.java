package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.format.shelly.ShellyFormat;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.TestServers;

/**
 * Device time on real brokers: history the broker kept while ingest was away lands at the time the device measured
 * it, not at its arrival; history without any time of its own is set aside instead of booked as now.
 */
class DeviceTimeBridgeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void shellyBacklogPublishedDuringAnIngestOutageLandsAtTheDeviceMinutes() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String run = "dt" + UUID.randomUUID().toString().substring(0, 8);
        String topic = run + "/shellyplus1pm-1/status/switch:0";
        try (RunningIngest ingest = shellyRoute(new RunningIngest(kafka, mosquitto.uri()), run).start();
                Publisher device = new Publisher(mosquitto.uri())) {
            // Given ingest has its session with the broker, and is then down for three hours
            ingest.stop();
            // while a Plus 1PM sends its status every minute (the broker keeps them for ingest's session)
            Instant firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
            Map<Instant, Double> registerKwh = new TreeMap<>();
            List<String> backlog = new ArrayList<>();
            for (int i = 0; i < 180; i++) {
                Instant minute = firstMinute.plusSeconds(60L * i);
                double totalWh = 5_000 + 7.5 * i + (i % 7) * 0.125 * i;
                registerKwh.put(minute, totalWh / 1000.0);
                backlog.add(status(900.0 + i, totalWh, minute));
            }
            device.publishAll(topic, backlog, 50);

            // When ingest starts again and the broker delivers the backlog at once
            ingest.start();

            // Then every register reading is at its device minute with its value (before, all 180 collapsed into the
            // instant of arrival), and a power sample, whose second the status does not give, is booked only for a
            // status still live at its arrival (minute_ts within ShellyFormat.LIVE_WINDOW): at most the newest one,
            // when the backlog's last minute is that recent
            Awaitility.await("backlog acknowledged").atMost(TIMEOUT)
                    .until(() -> ingest.counter("straumflyt.ingest.messages.acknowledged") >= 180);
            List<Reading> readings = TopicSnapshot.readings(kafka.bootstrapServers(), ingest.topics.readings().name());
            assertThat(readings).allSatisfy(r -> assertThat(r.meterId()).isEqualTo("shellyplus1pm-1"));
            List<Reading> registers = readings.stream().filter(r -> r.kind() == ReadingKind.ENERGY_REGISTER).toList();
            List<Reading> power = readings.stream().filter(r -> r.kind() == ReadingKind.POWER).toList();
            assertThat(registers.size() + power.size()).as("only registers and power").isEqualTo(readings.size());
            // (delivery is at least once: a message the broker sends again gives the same reading twice, which the
            // processor takes as one; any extra must be such an exact copy, never a reading of another minute)
            Map<Instant, Double> landed = new TreeMap<>();
            registers.forEach(r -> assertThat(landed.merge(r.timestamp(), r.value(), (a, b) -> a.equals(b) ? a : null))
                    .as("every reading of %s has the same value", r.timestamp()).isNotNull());
            assertThat(registers).hasSizeGreaterThanOrEqualTo(180);
            assertThat(landed).isEqualTo(registerKwh);
            Instant lastMinute = firstMinute.plusSeconds(60L * 179);
            assertThat(power).as("power samples of statuses no longer live").allSatisfy(p -> {
                assertThat(p.timestamp()).isEqualTo(p.origin().receivedAt());
                assertThat(p.timestamp()).isBeforeOrEqualTo(lastMinute.plus(ShellyFormat.LIVE_WINDOW));
                assertThat(p.value()).isEqualTo((900.0 + 179) / 1000.0);
            });
        }
    }

    @Test
    void replayedMessagesWithoutTimeAreSetAsideAndLiveOnesAreBookedAtArrival() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String run = "dt" + UUID.randomUUID().toString().substring(0, 8);
        String topic = run + "/shellypro3em-1/status/emdata:0";
        String emdata = "{\"id\":0,\"total_act\":4521.77,\"total_act_ret\":12.05}";
        try (RunningIngest ingest = shellyRoute(new RunningIngest(kafka, mosquitto.uri()), run)
                        .with("mqtt.replay.window.seconds", "3").start();
                Publisher device = new Publisher(mosquitto.uri())) {
            // Given ingest is down while a Pro 3EM sends EMData statuses (totals without any time)
            ingest.stop();
            device.publishAll(topic, List.of(emdata, emdata, emdata), 10);

            // When ingest resumes its session and the broker replays them
            ingest.start();

            // Then they are dead letters UNTIMED_REPLAY, not energy booked at the moment of the replay
            List<DeadLetter> letters = ingest.deadLetters(3, TIMEOUT);
            assertThat(letters).hasSize(3).allSatisfy(l -> {
                assertThat(l.reason()).isEqualTo(DeadLetterReason.UNTIMED_REPLAY);
                assertThat(l.mqttTopic()).isEqualTo(topic);
            });

            // and once the replay window is over, a live status is booked at its arrival
            Awaitility.await("replay window over").pollDelay(Duration.ofSeconds(4)).until(() -> true);
            Instant before = Instant.now();
            device.publish(topic, emdata);
            List<Reading> readings = ingest.readings(2, TIMEOUT);
            Instant after = Instant.now();
            assertThat(readings).hasSize(2).allSatisfy(r -> assertThat(r.timestamp()).isBetween(before, after));
            assertThat(ingest.counter("straumflyt.ingest.dead.letters")).isEqualTo(3.0);
        }
    }

    @Test
    void tasmotaAutumnDayPublishedAfterwardsLandsEveryRepeatedHourAtItsOwnInstant() {
        KafkaBroker kafka = TestServers.kafka();
        MosquittoBroker mosquitto = TestServers.mosquitto();
        String run = "dt" + UUID.randomUUID().toString().substring(0, 8);
        try (RunningIngest ingest = new RunningIngest(kafka, mosquitto.uri())
                        .with("routes", "tasmota")
                        .with("route.tasmota.filter", run + "/tele/+/SENSOR")
                        .with("route.tasmota.ids", run + "/tele/{meterId}/SENSOR")
                        .with("route.tasmota.zone", "Europe/Oslo")
                        .start();
                Publisher device = new Publisher(mosquitto.uri())) {
            // Given a Tasmota plug's every-5-minute telemetry of the whole local day of the autumn change (25 hours;
            // 02:00-03:00 twice), with Time in local time without offset, published long after the day
            Instant start = LocalDateTime.parse("2026-10-25T00:00").atZone(OSLO).toInstant();
            Instant end = LocalDateTime.parse("2026-10-26T00:00").atZone(OSLO).toInstant();
            List<Instant> instants = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (Instant at = start; at.isBefore(end); at = at.plusSeconds(300)) {
                instants.add(at);
                String local = LocalDateTime.ofInstant(at, OSLO).toString();
                messages.add("{\"Time\":\"" + local + ":00\",\"ENERGY\":{\"Total\":" + (100 + instants.size() * 0.01)
                        + ",\"Power\":120}}");
            }
            assertThat(instants).as("a 25-hour day").hasSize(300);
            device.publishAll(run + "/tele/plug-1/SENSOR", messages, 20);

            // Then every register reading lands at its own instant: none folded onto another, none set aside
            List<Reading> readings = ingest.readings(600, TIMEOUT);
            assertThat(readings.stream().filter(r -> r.kind() == ReadingKind.ENERGY_REGISTER)
                    .map(Reading::timestamp).toList()).containsExactlyInAnyOrderElementsOf(instants);
            assertThat(ingest.counter("straumflyt.ingest.dead.letters")).isZero();
        }
    }

    private static RunningIngest shellyRoute(RunningIngest ingest, String run) {
        return ingest.with("routes", "shelly")
                .with("route.shelly.filter", run + "/+/status/+")
                .with("route.shelly.ids", run + "/{meterId}/status/+");
    }

    private static String status(double watts, double totalWh, Instant minute) {
        return "{\"id\":0,\"source\":\"timer\",\"output\":true,\"apower\":" + watts + ",\"voltage\":231.4,"
                + "\"aenergy\":{\"total\":" + totalWh + ",\"by_minute\":[0.0,0.0,0.0],\"minute_ts\":"
                + minute.getEpochSecond() + "},\"temperature\":{\"tC\":44.1}}";
    }
}
