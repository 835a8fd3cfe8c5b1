package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class DeadLetterTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void refusedAndUnreadableRecordsGoToTheDeadLetterTopicAndTheRestLands(KafkaBroker kafka,
            QuestDbServer questDb) {
        // Given good meter-hours around one the store refuses (a timestamp before its range) and one unreadable record
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "dlq-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        Instant start = Instant.parse("2025-04-01T00:00:00Z");
        List<MeterHour> good = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            good.add(KpiRecords.meterHour("good-" + run, start.plus(h, ChronoUnit.HOURS), h + 0.5, 1));
        }
        MeterHour refused = KpiRecords.meterHour("bad-" + run, Instant.parse("1600-01-01T00:00:00Z"), 1.0, 1);
        List<MeterHour> sent = new ArrayList<>(good.subList(0, 20));
        sent.add(refused);
        sent.addAll(good.subList(20, 40));
        byte[] junk = "{\"meterId\":\"x\",\"hourStart\":".getBytes(StandardCharsets.UTF_8);

        try (RunningPublisher publisher = RunningPublisher.start(RunningPublisher.settings(kafka.bootstrapServers(),
                questDb.httpUrl(), prefix, Map.of(PublisherConfig.BATCH_LINGER_MS, "500")));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            // When they are published in one go
            producer.sendRaw(topics.meterHourly().name(), "junk".getBytes(StandardCharsets.UTF_8), junk);
            producer.sendValues(topics.meterHourly(), sent, MeterHour::key);

            // Then the two bad ones are dead letters with their reasons and payloads
            List<DeadLetter> letters = kafka.consumeAll(topics.kpiDlq().name(), 2, WAIT).stream()
                    .map(ConsumerRecord::value)
                    .map(v -> Json.fromString(v, DeadLetter.class))
                    .toList();
            assertThat(letters).extracting(DeadLetter::reason)
                    .containsExactlyInAnyOrder(DeadLetterReason.PROCESSING_ERROR, DeadLetterReason.REJECTED_BY_STORE);
            DeadLetter rejected = letters.stream()
                    .filter(l -> l.reason() == DeadLetterReason.REJECTED_BY_STORE).findFirst().orElseThrow();
            assertThat(Json.fromString(rejected.payloadText(), MeterHour.class)).isEqualTo(refused);
            assertThat(rejected.component()).isEqualTo("kpi-publisher");
            assertThat(rejected.kafkaTopic()).isEqualTo(topics.meterHourly().name());
            DeadLetter unreadable = letters.stream()
                    .filter(l -> l.reason() == DeadLetterReason.PROCESSING_ERROR).findFirst().orElseThrow();
            assertThat(unreadable.payloadBytes()).isEqualTo(junk);

            // And every good record landed
            await().atMost(WAIT).untilAsserted(() -> assertThat(StoreTables.query(questDb, "meter_hourly",
                    "select count() c from meter_hourly where meter = 'good-" + run + "'"))
                    .containsExactly(Map.of("c", 40L)));
            assertThat(publisher.counter("straumflyt.publisher.dead.letters")).isEqualTo(2.0);
        }
    }
}
