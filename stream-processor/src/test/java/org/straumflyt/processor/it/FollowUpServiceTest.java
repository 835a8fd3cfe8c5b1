package org.straumflyt.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertEvent;
import org.straumflyt.model.AlertKind;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.Topics;
import org.straumflyt.model.wire.Json;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.processor.ProcessorService;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/** The follow-up application in the running service: building-days on Kafka in, an alert on Kafka out. */
@ExtendWith(KafkaExtension.class)
class FollowUpServiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ZONE = "Europe/Oslo";

    @Test
    void shouldRaiseAnAlertFromTheDaysOnThePublicTopic(KafkaBroker kafka) throws Exception {
        // Given a running service that judges every second
        String prefix = TestProcessorSettings.uniquePrefix("followup");
        Topics topics = Topics.withPrefix(prefix);
        Path state = TestProcessorSettings.directory("followup", prefix);
        Map<String, String> settings = TestProcessorSettings.of(kafka, prefix, state,
                "followup.check.interval.seconds", "1", "portfolio.enabled", "false");
        ServiceContext context = ServiceContext.create("test");
        try (ProcessorService service = new ProcessorService(new ProcessorConfig(settings), context)) {
            service.start();

            // When 120 days of a school arrive, on E = 400 + 60·max(0, 14 − t), the last three 40 % above it
            LocalDate yesterday = LocalDate.now(java.time.ZoneId.of(ZONE)).minusDays(1);
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (int i = 119; i >= 0; i--) {
                LocalDate date = yesterday.minusDays(i);
                double t = 2.5 + 12.5 * Math.sin(i * 0.37);
                double kwh = (400 + 60 * Math.max(0, 14 - t)) * (i < 3 ? 1.4 : 1.0);
                BuildingDaily day = new BuildingDaily("f1", "3201", BuildingCategory.SCHOOL, date, ZONE, 24, 24,
                        Map.of(), kwh, 0, null, null, null, t, Math.max(0, 17 - t), 10.0, 1.0, 1.0, Set.of(), 1);
                records.add(new ProducerRecord<>(topics.buildingDaily().name(), Json.toString(day.key()),
                        Json.toString(day)));
            }
            kafka.produce(records);

            // Then one energy_above_expected alert opens, over the three days
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> alerts = kafka.consumeAll(topics.alerts().name(), 1, TIMEOUT);
                assertThat(alerts).map(r -> Json.fromString(r.value(), Alert.class)).singleElement()
                        .satisfies(a -> {
                            assertThat(a.kind()).isEqualTo(AlertKind.ENERGY_ABOVE_EXPECTED);
                            assertThat(a.event()).isEqualTo(AlertEvent.OPENED);
                            assertThat(a.days()).isEqualTo(3);
                            assertThat(a.excessPercent()).isBetween(35.0, 45.0);
                        });
            });
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(context.health().results()).containsEntry("kafka-streams-followup", true));
        }
    }
}
