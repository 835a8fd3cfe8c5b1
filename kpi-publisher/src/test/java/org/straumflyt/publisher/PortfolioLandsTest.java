package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.AnnualBasis;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.PortfolioCategory;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class PortfolioLandsTest {

    @Test
    void portfolioRecordLandsAsAMunicipalityRowAndOneRowPerCategory(KafkaBroker kafka, QuestDbServer questDb) {
        // Given the KPI tables and a publisher on fresh topics
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "pf-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        String municipality = "m" + run;
        PortfolioKpi record = new PortfolioKpi(municipality, PortfolioPeriod.ROLLING_12_MONTHS,
                LocalDate.of(2025, 1, 4), LocalDate.of(2026, 1, 3), "Europe/Oslo", 365, 1, 2000, 1200, 0, 1320, 0.6,
                0.66, 1, AnnualBasis.YEARLY, 0.95, 2, 1, 50.0, 1, 100.0, 1, 0.5, 2000, 1.0, 120, 600.0, 50.0, 365,
                365, 365, 1.0,
                List.of(new PortfolioCategory(BuildingCategory.OFFICE, 1, 2000, 1200, 1320, 0.6, 0.66, 1)), 1,
                Set.of(), 2);

        try (RunningPublisher publisher = RunningPublisher.start(Map.of(
                PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                PublisherConfig.TOPIC_PREFIX, prefix,
                PublisherConfig.INFLUX_URL, questDb.httpUrl()));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {

            // When it is published on kpi.portfolio
            producer.sendValues(topics.portfolio(), List.of(record), PortfolioKpi::key);

            // Then it is stored at local midnight of its first day, with its indicators
            String sql = "select * from portfolio where municipality = '" + municipality + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "portfolio", sql)).hasSize(1));
            assertThat(questDb.query(sql).get(0)).containsEntry("period", "rolling_12_months")
                    .containsEntry("kwh_per_m2", 0.6)
                    .containsEntry("smart_meter_percent", 50.0)
                    .containsEntry("integrated_building_percent", 100.0)
                    .containsEntry("fresh_meter_share", 0.5)
                    .containsEntry("renewable_percent", 50.0)
                    .containsEntry("annual_basis", "yearly")
                    .containsEntry("period_end", "2026-01-03")
                    .containsEntry("revision", 2L)
                    .containsEntry("time", Instant.parse("2025-01-03T23:00:00Z"));
            String categories = "select * from portfolio_category where municipality = '" + municipality + "'";
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "portfolio_category", categories)).singleElement()
                            .satisfies(row -> assertThat(row).containsEntry("category", "office")
                                    .containsEntry("corrected_kwh_per_m2", 0.66)));
        }
    }
}
