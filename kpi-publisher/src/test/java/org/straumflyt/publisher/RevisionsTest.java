package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
class RevisionsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant HOUR = Instant.parse("2025-02-01T10:00:00Z");

    @Test
    void storedValueIsTheHighestRevisionsWithinOneBatchAndAcrossBatches(KafkaBroker kafka, QuestDbServer questDb) {
        // Given a publisher with a long linger, so that records sent together share a batch
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "rev-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        String together = "together-" + run;
        String apart = "apart-" + run;
        Map<String, String> settings = RunningPublisher.settings(kafka.bootstrapServers(), questDb.httpUrl(), prefix,
                Map.of(PublisherConfig.BATCH_LINGER_MS, "1000"));

        try (RunningPublisher publisher = RunningPublisher.start(settings);
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            // When three revisions of one key arrive together, and three of another key arrive one batch each
            producer.sendValues(topics.meterHourly(), List.of(
                    KpiRecords.meterHour(together, HOUR, 1.0, 1),
                    KpiRecords.meterHour(together, HOUR, 2.0, 2),
                    KpiRecords.meterHour(together, HOUR, 3.0, 3)), MeterHour::key);
            for (int revision = 1; revision <= 3; revision++) {
                producer.sendValues(topics.meterHourly(),
                        List.of(KpiRecords.meterHour(apart, HOUR, revision * 10.0, revision)), MeterHour::key);
                long expected = revision;
                await().atMost(WAIT).untilAsserted(() -> assertThat(revisionOf(questDb, apart)).isEqualTo(expected));
            }

            // Then each key is one row holding its highest revision's values
            await().atMost(WAIT).untilAsserted(() -> assertThat(revisionOf(questDb, together)).isEqualTo(3L));
            List<Map<String, Object>> rows = StoreTables.query(questDb, "meter_hourly",
                    "select meter, energy_kwh, peak_kw, revision from meter_hourly where meter in ('" + together
                            + "', '" + apart + "') order by meter");
            assertThat(rows).containsExactly(
                    Map.of("meter", apart, "energy_kwh", 30.0, "peak_kw", 45.0, "revision", 3L),
                    Map.of("meter", together, "energy_kwh", 3.0, "peak_kw", 4.5, "revision", 3L));
        }
    }

    private static Long revisionOf(QuestDbServer questDb, String meter) {
        List<Map<String, Object>> rows = StoreTables.query(questDb, "meter_hourly",
                "select revision from meter_hourly where meter = '" + meter + "'");
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : (Long) rows.get(0).get("revision");
    }
}
