package org.straumflyt.dashboard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/** The registry as the dashboard reads it from a real broker: latest record per building, tombstones remove. */
@ExtendWith(KafkaExtension.class)
class KafkaBuildingDirectoryTest {

    @Test
    void keepsTheLatestBuildingPerIdFromTheBeginningAndForgetsATombstonedOne(KafkaBroker kafka) throws Exception {
        Topics topics = Topics.withPrefix("directory-" + System.nanoTime() + ".");
        Topic<String, Building> topic = topics.registryBuildings();
        Properties properties = new Properties();
        properties.putAll(kafka.clientConfig());
        // Started before the topic exists: it waits for it, as the dashboard does before the processor made it.
        try (KafkaBuildingDirectory directory = new KafkaBuildingDirectory(properties, topic);
                KafkaProducer<String, Building> producer = new KafkaProducer<>(kafka.clientConfig(),
                        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            // One partition, so that the last good record below is read after the bad one.
            kafka.createTopic(topic.name(), 1, true);
            producer.send(topics.registryRecord(school("Bekkestua skole"))).get();
            producer.send(topics.registryRecord(building("tanum-bo", "Tanum omsorgsboliger"))).get();
            producer.send(topics.registryRecord(school("Bekkestua skole og SFO"))).get();
            producer.send(new ProducerRecord<>(topic.name(), "tanum-bo", null)).get();
            // A record the model cannot read is skipped; the building's previous record stays.
            try (KafkaProducer<String, String> raw = new KafkaProducer<>(kafka.clientConfig(),
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer())) {
                raw.send(new ProducerRecord<>(topic.name(), "bekkestua-skole", "{not a building")).get();
            }
            producer.send(topics.registryRecord(building("hosle-bhg", "Hosle barnehage"))).get();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(directory.buildings()).containsOnlyKeys("bekkestua-skole", "hosle-bhg");
                assertThat(directory.buildings().get("bekkestua-skole").name()).isEqualTo("Bekkestua skole og SFO");
            });
        }
    }

    private static Building school(String name) {
        return new Building("bekkestua-skole", name, "3201", BuildingCategory.SCHOOL, 5400, "Europe/Oslo", null,
                null, false, List.of(MeterSpec.of("7359992890000000", Carrier.ELECTRICITY)));
    }

    private static Building building(String id, String name) {
        return new Building(id, name, "3201", BuildingCategory.KINDERGARTEN, 400, "Europe/Oslo", null, null, false,
                List.of());
    }
}
