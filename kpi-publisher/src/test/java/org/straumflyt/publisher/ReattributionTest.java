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
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * The stream processor re-emits a meter-hour with its building when the registry assigns the meter after the hour was
 * first computed. The store must then hold that hour once, with the new building, not once per building.
 */
@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class ReattributionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant HOUR = Instant.parse("2025-03-01T06:00:00Z");

    @Test
    void reattributedMeterHourReplacesTheUnassignedRow(KafkaBroker kafka, QuestDbServer questDb) {
        // Given the KPI tables and a publisher on fresh topics
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "reattr-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        String apart = "apart-" + run;
        String together = "together-" + run;
        String building = "skole-" + run;

        try (RunningPublisher publisher = RunningPublisher.start(
                RunningPublisher.settings(kafka.bootstrapServers(), questDb.httpUrl(), prefix));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            // When an unassigned hour is stored, then re-emitted with its building at a higher revision
            producer.sendValues(topics.meterHourly(), List.of(hour(apart, null, 1)), MeterHour::key);
            await().atMost(WAIT).untilAsserted(() -> assertThat(rows(questDb, apart))
                    .extracting(r -> r.get("building_id")).containsExactly("unassigned"));
            producer.sendValues(topics.meterHourly(), List.of(hour(apart, building, 2)), MeterHour::key);
            // ... and another hour's two revisions arrive in one batch
            producer.sendValues(topics.meterHourly(), List.of(hour(together, null, 1), hour(together, building, 2)),
                    MeterHour::key);

            // Then each meter-hour is exactly one row, holding the building of the highest revision
            for (String meter : List.of(apart, together)) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(rows(questDb, meter))
                        .extracting(r -> r.get("revision")).contains(2L));
                assertThat(rows(questDb, meter)).as(meter).containsExactly(Map.of(
                        "meter", meter, "building_id", building, "energy_kwh", 4.0, "revision", 2L, "time", HOUR));
            }
        }
    }

    private static MeterHour hour(String meter, String building, long revision) {
        return new MeterHour(meter, "import", Carrier.ELECTRICITY, building, HOUR, 4.0, null, 1.0,
                EnergySource.REGISTER, Set.of(), revision);
    }

    private static List<Map<String, Object>> rows(QuestDbServer questDb, String meter) {
        return StoreTables.query(questDb, "meter_hourly", "select meter, building_id, energy_kwh, revision, time "
                + "from meter_hourly where meter = '" + meter + "' and register = 'import'");
    }
}
