package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.IdRules;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/** Every id the id rules allow is stored exactly as it is, through the real publisher into QuestDB. */
@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class IdRoundTripTest {

    /** The hardest ids the rules allow: every allowed punctuation, at the edges, repeated, and the longest. */
    private static List<String> hardestIds(String run) {
        String all = "azAZ09" + IdRules.PUNCTUATION;
        String longest = (run + "/" + all.repeat(IdRules.MAX_LENGTH)).substring(0, IdRules.MAX_LENGTH);
        return List.of(
                "-_.:@/" + run + "/-_.:@/",
                "urn:dev:mac:0024befffe804ff1_" + run,
                "shellypro3em-a8032ab12345/" + run,
                "/" + run + "//..::@@__--",
                "0007359992890000000" + run,
                "MiXeD.Case@" + run,
                longest);
    }

    @Test
    void theHardestAllowedIdsAreStoredAndReadBackExactly(KafkaBroker kafka, QuestDbServer questDb) {
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "ids-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        Instant hour = Instant.parse("2025-01-15T07:00:00Z");
        List<String> ids = hardestIds(run);
        assertThat(ids).allSatisfy(id -> assertThat(IdRules.problem(id)).as(id).isNull());
        // each id is a meter id, a register name and a building id at once
        List<MeterHour> records = ids.stream().map(id -> new MeterHour(id, id, Carrier.ELECTRICITY, id, hour, 1.5,
                null, 1.0, EnergySource.REGISTER, Set.of(), 1)).toList();

        try (RunningPublisher publisher = RunningPublisher.start(Map.of(
                PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                PublisherConfig.TOPIC_PREFIX, prefix,
                PublisherConfig.INFLUX_URL, questDb.httpUrl()));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {

            // When their meter-hours are published
            producer.sendValues(topics.meterHourly(), records, MeterHour::key);

            // Then every one is a row whose tags are exactly the ids
            String sql = "select meter, register, building_id from meter_hourly where meter like '%" + run + "%'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "meter_hourly", sql)).hasSize(ids.size()));
            List<Map<String, Object>> rows = questDb.query(sql);
            assertThat(rows.stream().map(r -> r.get("meter")).collect(Collectors.toSet()))
                    .isEqualTo(Set.copyOf(ids));
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("register")).isEqualTo(r.get("meter"));
                assertThat(r.get("building_id")).isEqualTo(r.get("meter"));
            });
            assertThat(publisher.counter("straumflyt.publisher.points.written")).isEqualTo(ids.size());
        }
    }
}
