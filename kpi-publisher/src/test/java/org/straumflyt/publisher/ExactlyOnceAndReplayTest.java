package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class ExactlyOnceAndReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void everyRecordLandsOncePerKeyWithItsValuesAndAReplayChangesNothing(KafkaBroker kafka, QuestDbServer questDb) {
        // Given a known set of records of every KPI on fresh topics
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "once-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        KnownSet set = KnownSet.of(run, 10, 48);
        Map<String, String> settings = RunningPublisher.settings(kafka.bootstrapServers(), questDb.httpUrl(), prefix,
                Map.of(PublisherConfig.BATCH_SIZE, "100"));

        try (RunningPublisher publisher = RunningPublisher.start(settings);
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            // When they are published
            set.send(producer, topics);

            // Then every key is one row with the record's values
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(publisher.counter("straumflyt.publisher.points.written")).isEqualTo(set.points()));
        }
        Snapshot first = Snapshot.read(questDb, set);
        first.assertMatches(set);

        // When the topics are replayed from the start by a new consumer group
        Map<String, String> replay = RunningPublisher.settings(kafka.bootstrapServers(), questDb.httpUrl(), prefix,
                Map.of(PublisherConfig.GROUP_ID, "replay-" + run));
        try (RunningPublisher publisher = RunningPublisher.start(replay)) {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(publisher.counter("straumflyt.publisher.points.written")).isEqualTo(set.points()));
        }

        // Then the store holds exactly the same rows
        assertThat(Snapshot.read(questDb, set)).isEqualTo(first);
    }

    /** This run's rows of every table, in a stable order. */
    record Snapshot(List<Map<String, Object>> meterHourly, List<Map<String, Object>> buildingHourly,
            List<Map<String, Object>> buildingHourlyCarrier, List<Map<String, Object>> buildingDaily,
            List<Map<String, Object>> buildingDailyCarrier, List<Map<String, Object>> buildingMonthly,
            List<Map<String, Object>> buildingMonthlyCarrier) {

        static Snapshot read(QuestDbServer questDb, KnownSet set) {
            return new Snapshot(
                    rows(questDb, "meter_hourly", set.where("meter"), "meter, time"),
                    rows(questDb, "building_hourly", set.where("building"), "building, time"),
                    rows(questDb, "building_hourly_carrier", set.where("building"), "building, carrier, time"),
                    rows(questDb, "building_daily", set.where("building"), "building, time"),
                    rows(questDb, "building_daily_carrier", set.where("building"), "building, carrier, time"),
                    rows(questDb, "building_monthly", set.where("building"), "building, time"),
                    rows(questDb, "building_monthly_carrier", set.where("building"), "building, carrier, time"));
        }

        private static List<Map<String, Object>> rows(QuestDbServer questDb, String table, String where,
                String order) {
            return StoreTables.query(questDb, table, "select * from " + table + where + " order by " + order);
        }

        void assertMatches(KnownSet set) {
            assertThat(meterHourly).hasSize(set.meterHours().size());
            assertThat(buildingHourly).hasSize(set.buildingHours().size());
            assertThat(buildingHourlyCarrier).hasSize(set.buildingHours().size() * 2);
            assertThat(buildingDaily).hasSize(set.buildingDays().size());
            assertThat(buildingDailyCarrier).hasSize(set.buildingDays().size());
            assertThat(buildingMonthly).hasSize(set.buildingMonths().size());
            assertThat(buildingMonthlyCarrier).hasSize(set.buildingMonths().size() * 2);

            Map<String, Map<String, Object>> byKey = meterHourly.stream()
                    .collect(Collectors.toMap(r -> r.get("meter") + "@" + r.get("time"), r -> r));
            for (MeterHour hour : set.meterHours()) {
                Map<String, Object> row = byKey.get(hour.meterId() + "@" + hour.hourStart());
                assertThat(row).as("row of %s", hour.key()).isNotNull();
                assertThat(row.get("energy_kwh")).isEqualTo(hour.energyKwh());
                assertThat(row.get("peak_kw")).isEqualTo(hour.peakKw());
                assertThat(row.get("coverage")).isEqualTo(hour.coverage());
                assertThat(row.get("building_id")).isEqualTo(hour.buildingId());
                assertThat(row.get("revision")).isEqualTo(hour.revision());
                assertThat(row.get("flags")).isEqualTo(hour.flags().isEmpty() ? "" : "gap");
            }
            var day = set.buildingDays().get(0);
            assertThat(buildingDaily.get(0))
                    .containsEntry("building", day.buildingId())
                    .containsEntry("municipality", "3024")
                    .containsEntry("category", "school")
                    .containsEntry("time", Instant.parse("2025-03-09T23:00:00Z"))
                    .containsEntry("import_kwh", 100.0)
                    .containsEntry("peak_hour_kwh", 9.5)
                    .containsEntry("peak_hour_start", "2025-03-10T08:00:00Z")
                    .containsEntry("mean_temperature_c", -3.5)
                    .containsEntry("degree_days", 20.5)
                    .containsEntry("hours_in_day", 24L)
                    .containsEntry("time_zone", "Europe/Oslo")
                    .containsEntry("revision", 4L);
            assertThat(buildingMonthly.get(0))
                    .containsEntry("time", Instant.parse("2025-02-28T23:00:00Z"))
                    .containsEntry("import_kwh", 3500.0)
                    .containsEntry("capacity_peak_kw", 11.25)
                    .containsEntry("days_with_data", 10L)
                    .containsEntry("flags", "gap");
            assertThat(buildingHourlyCarrier.get(0))
                    .containsEntry("carrier", "district_heating")
                    .containsEntry("import_kwh", 0.25)
                    .containsEntry("revision", 2L);
        }
    }
}
