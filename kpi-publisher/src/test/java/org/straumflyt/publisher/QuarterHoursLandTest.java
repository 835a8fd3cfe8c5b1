package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.TopicProvisioner;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * Quarter-hours land in their own measurements (meter_quarter_hourly, building_quarter_hourly and its carrier
 * table), beside the hours and never in their rows; and a publisher whose quarter-hour topics do not exist (a
 * processor with quarter.hours.enabled=false and no topic creation) publishes the hours all the same.
 */
@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class QuarterHoursLandTest {

    @Test
    void quarterHoursLandInTheirOwnMeasurementsBesideTheHour(KafkaBroker kafka, QuestDbServer questDb) {
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "q1-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        String meter = "meter-" + run;
        String building = "b-" + run;
        Instant hour = Instant.parse("2025-01-15T07:00:00Z");
        Instant quarter = Instant.parse("2025-01-15T07:45:00Z");
        MeterHour meterHour = new MeterHour(meter, "import", Carrier.ELECTRICITY, building, hour, 40.0, 62.4, 1.0,
                EnergySource.REGISTER, Set.of(), 1);
        MeterHour meterQuarter = new MeterHour(meter, "import", Carrier.ELECTRICITY, building, quarter, 12.5, 62.4,
                0.5, EnergySource.REGISTER, Set.of(QualityFlag.GAP), 2);
        Map<Carrier, CarrierEnergy> carriers = new EnumMap<>(Carrier.class);
        carriers.put(Carrier.ELECTRICITY, new CarrierEnergy(12.5, 0, 62.4));
        BuildingHour buildingQuarter = new BuildingHour(building, "3201", BuildingCategory.SCHOOL, quarter, carriers,
                12.5, 0, 0.0125, 62.4, 1, 2, 0.5, Set.of(QualityFlag.GAP, QualityFlag.MISSING_METERS), 2);

        try (RunningPublisher publisher = RunningPublisher.start(Map.of(
                PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                PublisherConfig.TOPIC_PREFIX, prefix,
                PublisherConfig.INFLUX_URL, questDb.httpUrl()));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {

            producer.sendValues(topics.meterHourly(), List.of(meterHour), MeterHour::key);
            producer.sendValues(topics.meterQuarterHourly(), List.of(meterQuarter), MeterHour::key);
            producer.sendValues(topics.buildingQuarterHourly(), List.of(buildingQuarter), BuildingHour::key);

            String quarters = "select * from meter_quarter_hourly where meter = '" + meter + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "meter_quarter_hourly", quarters)).hasSize(1));
            assertThat(questDb.query(quarters).get(0)).containsEntry("time", quarter)
                    .containsEntry("energy_kwh", 12.5)
                    .containsEntry("coverage", 0.5)
                    .containsEntry("flags", "gap")
                    .containsEntry("building_id", building)
                    .containsEntry("revision", 2L);
            String hours = "select * from meter_hourly where meter = '" + meter + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "meter_hourly", hours)).hasSize(1));
            assertThat(questDb.query(hours).get(0)).containsEntry("time", hour).containsEntry("energy_kwh", 40.0);

            String buildings = "select * from building_quarter_hourly where building = '" + building + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "building_quarter_hourly", buildings)).hasSize(1));
            assertThat(questDb.query(buildings).get(0)).containsEntry("time", quarter)
                    .containsEntry("import_kwh", 12.5)
                    .containsEntry("meters_reporting", 1L)
                    .containsEntry("meters_expected", 2L)
                    .containsEntry("flags", "gap,missing_meters");
            String perCarrier = "select * from building_quarter_hourly_carrier where building = '" + building + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    StoreTables.query(questDb, "building_quarter_hourly_carrier", perCarrier)).hasSize(1));
            assertThat(questDb.query(perCarrier).get(0)).containsEntry("carrier", "electricity")
                    .containsEntry("import_kwh", 12.5);
            assertThat(questDb.query("select * from building_hourly where building = '" + building + "'")).isEmpty();
        }
    }

    @Test
    void publishesTheHoursWhenTheQuarterHourTopicsDoNotExist(KafkaBroker kafka, QuestDbServer questDb) {
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "q2-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", kafka.bootstrapServers());
        List<Topic<?, ?>> withoutQuarters = topics.kpiTopics().stream()
                .filter(t -> t != topics.meterQuarterHourly() && t != topics.buildingQuarterHourly())
                .<Topic<?, ?>>map(t -> t).toList();
        new TopicProvisioner(admin, 1, (short) 1).ensure(withoutQuarters);
        new TopicProvisioner(admin, 1, (short) 1).ensure(List.of(topics.kpiDlq()));
        String meter = "meter-" + run;
        MeterHour meterHour = new MeterHour(meter, "import", Carrier.ELECTRICITY, null,
                Instant.parse("2025-01-15T07:00:00Z"), 7.25, null, 1.0, EnergySource.REGISTER, Set.of(), 1);

        try (RunningPublisher publisher = RunningPublisher.start(Map.of(
                PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                PublisherConfig.TOPIC_PREFIX, prefix,
                "topic.create", "false",
                PublisherConfig.INFLUX_URL, questDb.httpUrl()));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {

            producer.sendValues(topics.meterHourly(), List.of(meterHour), MeterHour::key);

            String hours = "select * from meter_hourly where meter = '" + meter + "'";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoreTables.query(questDb, "meter_hourly", hours)).hasSize(1));
            assertThat(questDb.query(hours).get(0)).containsEntry("energy_kwh", 7.25);
        }
    }
}
