package org.straumflyt.simulator.publish;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.WeatherModel;

/** Publishes the fleet's buildings to {@code registry.buildings} and its daily temperatures to {@code weather.daily}. */
public final class RegistryPublisher {
    private final Properties producerProperties;
    private final Topics topics;

    public RegistryPublisher(String bootstrapServers, Topics topics) {
        this.topics = topics;
        producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
    }

    /** Publishes and waits until Kafka confirmed every record. */
    public void publish(List<SimBuilding> fleet, WeatherModel weather, LocalDate from, LocalDate to)
            throws InterruptedException {
        var registry = topics.registryBuildings();
        var weatherTopic = topics.weatherDaily();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (var buildings = new KafkaProducer<>(producerProperties, registry.keySerde().serializer(),
                registry.valueSerde().serializer());
                var temperatures = new KafkaProducer<>(producerProperties, weatherTopic.keySerde().serializer(),
                        weatherTopic.valueSerde().serializer())) {
            for (SimBuilding b : fleet) {
                sent.add(buildings.send(topics.registryRecord(b.building())));
            }
            List<String> locations = fleet.stream().map(b -> b.building().weatherLocationId()).distinct().toList();
            for (String location : locations) {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    sent.add(temperatures.send(topics.weatherRecord(
                            new WeatherDaily(location, d, weather.dailyMeanC(location, d)))));
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the registry: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
