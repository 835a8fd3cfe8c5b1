package org.straumflyt.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingTwin;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.processor.ProcessorService;
import org.straumflyt.processor.portfolio.PortfolioRules;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/**
 * The service on a real broker runs the portfolio application beside the KPI topology, with its own application id
 * and readiness check, and feeds twin.buildings and kpi.portfolio from the public topics.
 */
@ExtendWith(KafkaExtension.class)
class PortfolioServiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldFeedTheTwinAndThePortfolioFromThePublicTopics(KafkaBroker kafka) throws Exception {
        // Given a running service with a one-second portfolio interval
        String prefix = TestProcessorSettings.uniquePrefix("portfolio");
        Topics topics = Topics.withPrefix(prefix);
        Path state = TestProcessorSettings.directory("portfolio", prefix);
        Map<String, String> settings = TestProcessorSettings.of(kafka, prefix, state,
                "portfolio.emit.interval.seconds", "1");
        ServiceContext context = ServiceContext.create("test");
        try (ProcessorService service = new ProcessorService(new ProcessorConfig(settings), context)) {
            service.start();

            // When two buildings, yesterday's days and the current hours arrive on the public topics
            LocalDate yesterday = LocalDate.now(PortfolioRules.DEFAULT_ZONE).minusDays(1);
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (Building b : List.of(building("p1", 1000), building("p2", 3000))) {
                records.add(new ProducerRecord<>(topics.registryBuildings().name(), b.buildingId(), Json.toString(b)));
                BuildingDaily day = new BuildingDaily(b.buildingId(), "3201", b.category(), yesterday, b.timeZone(),
                        24, 24, Map.of(Carrier.ELECTRICITY, new CarrierEnergy(b.heatedAreaM2() / 10, 0, null)),
                        b.heatedAreaM2() / 10, 0, 0.1, null, null, null, null, null, 1.0, 1.0, Set.of(), 1);
                records.add(new ProducerRecord<>(topics.buildingDaily().name(), Json.toString(day.key()),
                        Json.toString(day)));
                BuildingHour current = new BuildingHour(b.buildingId(), "3201", b.category(), hour, Map.of(), 5, 0,
                        null, null, 1, 1, 0.25, Set.of(), 1);
                records.add(new ProducerRecord<>(topics.buildingHourly().name(), Json.toString(current.key()),
                        Json.toString(current)));
            }
            kafka.produce(records);

            // Then each building has its twin record, and 3201 its year to date over 4000 m²
            // (a building's first twin record may come from its registration alone, before its hour)
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> twins = kafka.consumeAll(topics.twinBuildings().name(), 2,
                        TIMEOUT);
                assertThat(twins).extracting(ConsumerRecord::key).contains("p1", "p2");
                assertThat(twins).map(r -> Json.fromString(r.value(), BuildingTwin.class))
                        .filteredOn(t -> t.liveKw() != null).extracting(BuildingTwin::buildingId)
                        .contains("p1", "p2");
                assertThat(twins).map(r -> Json.fromString(r.value(), BuildingTwin.class))
                        .filteredOn(t -> t.liveKw() != null)
                        .allSatisfy(t -> assertThat(t.liveKw()).isCloseTo(20, within(1e-9)));
            });
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                PortfolioKpi ytd = kafka.consumeAll(topics.portfolio().name(), 2, TIMEOUT).stream()
                        .map(r -> Json.fromString(r.value(), PortfolioKpi.class))
                        .filter(p -> p.period() == PortfolioPeriod.YEAR_TO_DATE).reduce((a, b) -> b).orElseThrow();
                assertThat(ytd.buildings()).isEqualTo(2);
                assertThat(ytd.importKwh()).isCloseTo(400, within(1e-9));
                assertThat(ytd.kwhPerM2()).isCloseTo(0.1, within(1e-9));
            });
            // and both applications report ready under their own checks (a rebalance may still be settling)
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(context.health().results()).containsEntry("kafka-streams", true)
                            .containsEntry("kafka-streams-portfolio", true));
        }
    }

    private static Building building(String id, double area) {
        return new Building(id, id, "3201", BuildingCategory.SCHOOL, area, null, new GeoLocation(59.9, 10.5), null,
                false, List.of(MeterSpec.of(id + "-el", Carrier.ELECTRICITY)));
    }
}
