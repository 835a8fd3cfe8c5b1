package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class MeterHourLandsTest {

    @Test
    void meterHourLandsAsPointWithExactValues(KafkaBroker kafka, QuestDbServer questDb) {
        // Given the KPI tables with upsert keys, and a publisher on fresh topics
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "m1-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        String meter = "meter-" + run;
        Instant hour = Instant.parse("2025-01-15T07:00:00Z");
        MeterHour record = new MeterHour(meter, "import", Carrier.DISTRICT_HEATING, "b-" + run, hour,
                12.345678901234, 15.5, 0.75, EnergySource.REGISTER, Set.of(QualityFlag.GAP, QualityFlag.ESTIMATED),
                3);

        try (RunningPublisher publisher = RunningPublisher.start(Map.of(
                PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                PublisherConfig.TOPIC_PREFIX, prefix,
                PublisherConfig.INFLUX_URL, questDb.httpUrl()));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {

            // When one meter-hour record is published
            producer.sendValues(topics.meterHourly(), List.of(record), MeterHour::key);

            // Then it is one point with exactly its values, at the start of the hour
            String sql = "select * from meter_hourly where meter = '" + meter + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "meter_hourly", sql)).hasSize(1));
            Map<String, Object> row = questDb.query(sql).get(0);
            assertThat(row).containsEntry("meter", meter)
                    .containsEntry("register", "import")
                    .containsEntry("carrier", "district_heating")
                    .containsEntry("building_id", "b-" + run)
                    .containsEntry("energy_kwh", 12.345678901234)
                    .containsEntry("peak_kw", 15.5)
                    .containsEntry("coverage", 0.75)
                    .containsEntry("source", "register")
                    .containsEntry("estimated", true)
                    .containsEntry("flags", "estimated,gap")
                    .containsEntry("revision", 3L)
                    .containsEntry("time", hour);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(publisher.counter("straumflyt.publisher.points.written")).isEqualTo(1.0));
        }
    }
}
