package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class KilledPublisherTest {
    private static final int RECORDS = 60_000;

    @Test
    void publisherKilledMidStreamAndRestartedLosesNothing(KafkaBroker kafka, QuestDbServer questDb) {
        // Given a backlog of meter-hours and a publisher process working through it in small batches
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "kill-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        List<MeterHour> records = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < RECORDS; i++) {
            records.add(KpiRecords.meterHour("m" + (i % 100) + "-" + run, start.plus(i / 100, ChronoUnit.HOURS),
                    i + 0.25, 1));
        }
        try (KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            producer.sendValues(topics.meterHourly(), records, MeterHour::key);
        }
        Map<String, String> settings = new HashMap<>(RunningPublisher.settings(kafka.bootstrapServers(),
                questDb.httpUrl(), prefix));
        settings.put(PublisherConfig.HTTP_PORT, "0");
        settings.put(PublisherConfig.BATCH_SIZE, "200");
        settings.put(PublisherConfig.TOPIC_PARTITIONS, "3");
        // The killed member stays in the group until its session times out; keep that short (broker minimum).
        settings.put("kafka.session.timeout.ms", "6000");

        // When it is killed with SIGKILL as soon as its first points are in the store
        try (PublisherProcess process = PublisherProcess.start(settings,
                Path.of("target", "publisher-" + run + ".log"))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> countRows(questDb, run) > 0 || !process.isAlive());
            process.kill();
        }
        long beforeRestart = countRows(questDb, run);
        assertThat(beforeRestart).as("killed before it finished").isPositive().isLessThan(RECORDS);

        // Then a restarted publisher of the same group completes the work, and every key is there exactly once
        try (RunningPublisher publisher = RunningPublisher.start(settings)) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                questDb.awaitWalApplied("meter_hourly", Duration.ofSeconds(30));
                assertThat(countRows(questDb, run)).isEqualTo(RECORDS);
            });
        }
        List<Map<String, Object>> check = StoreTables.query(questDb, "meter_hourly",
                "select sum(energy_kwh) total, min(energy_kwh) lo, max(energy_kwh) hi from meter_hourly"
                        + " where meter like '%-" + run + "'");
        assertThat(check).containsExactly(Map.of("total", records.stream().mapToDouble(MeterHour::energyKwh).sum(), "lo", 0.25, "hi", RECORDS - 1 + 0.25));
    }

    private static long countRows(QuestDbServer questDb, String run) {
        return (Long) questDb.query("select count() c from meter_hourly where meter like '%-" + run + "'")
                .get(0).get("c");
    }
}
