package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.consume.PublisherMetrics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.PrivateServer;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class StoreOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int BATCH_SIZE = 200;
    private static final int RECORDS = 3_000;

    @Test
    void storeStoppedForThirtySecondsMidStreamLosesNothing(KafkaBroker kafka, @PrivateServer QuestDbServer questDb) {
        // Given a publisher writing to a store of its own
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "outage-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        List<MeterHour> records = new ArrayList<>();
        Instant start = Instant.parse("2025-05-01T00:00:00Z");
        for (int i = 0; i < RECORDS; i++) {
            records.add(KpiRecords.meterHour("m" + (i % 30) + "-" + run, start.plus(i / 30, ChronoUnit.HOURS),
                    i + 0.5, 1));
        }
        Map<String, String> settings = RunningPublisher.settings(kafka.bootstrapServers(), questDb.httpUrl(), prefix,
                Map.of(PublisherConfig.BATCH_SIZE, Integer.toString(BATCH_SIZE)));

        try (RunningPublisher publisher = RunningPublisher.start(settings);
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            producer.sendValues(topics.meterHourly(), records.subList(0, RECORDS / 2), MeterHour::key);
            await().atMost(Duration.ofSeconds(60)).until(() -> countRows(questDb, run) > 0);

            // When the store is stopped mid-stream, more records arrive, and it stays down for 30 s
            questDb.stop();
            producer.sendValues(topics.meterHourly(), records.subList(RECORDS / 2, RECORDS), MeterHour::key);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(publisher.gauge(PublisherMetrics.PAUSED)).isEqualTo(1.0);
                assertThat(publisher.counter(PublisherMetrics.WRITE_RETRIES)).isPositive();
            });
            assertThat(publisher.context().health().results()).containsEntry("influxdb", false);
            assertThat(publisher.context().health().statuses().get("influxdb").reason())
                    .startsWith("the last write to " + questDb.httpUrl() + " failed (unreachable")
                    .endsWith("); consumption paused, retrying");

            // Then throughout the outage it stays paused and holds at most one batch
            await().during(OUTAGE.minusSeconds(5)).atMost(OUTAGE.plusSeconds(10)).untilAsserted(() -> {
                assertThat(publisher.gauge(PublisherMetrics.PAUSED)).isEqualTo(1.0);
                assertThat(publisher.gauge(PublisherMetrics.PENDING_POINTS))
                        .isLessThanOrEqualTo(BATCH_SIZE + 2_000);
            });

            // And when the store is back, every record is present exactly once
            questDb.start();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                questDb.awaitWalApplied("meter_hourly", Duration.ofSeconds(30));
                assertThat(countRows(questDb, run)).isEqualTo(RECORDS);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(publisher.gauge(PublisherMetrics.PAUSED)).isZero());
            assertThat(publisher.context().health().results()).containsEntry("influxdb", true);
            assertThat(StoreTables.query(questDb, "meter_hourly",
                    "select sum(energy_kwh) s from meter_hourly where meter like '%-" + run + "'"))
                    .containsExactly(Map.of("s", records.stream().mapToDouble(MeterHour::energyKwh).sum()));
        }
    }

    private static long countRows(QuestDbServer questDb, String run) {
        return (Long) questDb.query("select count() c from meter_hourly where meter like '%-" + run + "'")
                .get(0).get("c");
    }
}
