package org.straumflyt.deploy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.straumflyt.ingest.bridge.IngestMetrics;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.publisher.consume.PublisherMetrics;
import org.straumflyt.runtime.KafkaMeters;
import org.straumflyt.runtime.ServiceContext;

/**
 * The Prometheus metric names the services expose: scraped from a registry set up as the services set theirs up
 * (JVM and process metrics, each service's own meters, a Kafka consumer's and a Kafka Streams instance's client
 * metrics as {@link KafkaMeters} binds them), plus the meters a
 * service registers only once they have a tag value (their names from the services' constants).
 */
final class ServiceMetricNames {
    private ServiceMetricNames() {
    }

    /** Computed once per test JVM: building the Kafka clients takes seconds on a loaded machine. */
    private static Set<String> cached;

    static synchronized Set<String> all() {
        if (cached == null) {
            cached = Set.copyOf(collect());
        }
        return cached;
    }

    private static Set<String> collect() {
        PrometheusMeterRegistry registry = ServiceContext.create("deploy-check").registry();
        new IngestMetrics(registry).bind(() -> 0, () -> true, () -> true);
        new ProcessorMetrics(registry);
        new PublisherMetrics(registry);
        Set<String> names = new LinkedHashSet<>();
        // A consumer that is never polled, and a Kafka Streams instance that is never started, do not connect; their
        // client metrics exist from construction. Bound as the services bind them by default (metrics.kafka=summary).
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ConsumerConfig.GROUP_ID_CONFIG, "deploy-check");
        try (var client = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var streams = kafkaStreams();
                var clientMeters = new KafkaMeters(client::metrics, null, Duration.ofHours(1));
                var streamsMeters = new KafkaMeters(streams::metrics, null, Duration.ofHours(1))) {
            clientMeters.bindTo(registry);
            streamsMeters.bindTo(registry);
            names.addAll(scraped(registry.scrape()));
        }
        // Registered on first use, per tag value (format, measurement, topic, kind, reason).
        names.add("ingest_readings_produced_total");
        for (String counter : new String[] {PublisherMetrics.POINTS_WRITTEN, PublisherMetrics.RECORDS_CONSUMED,
                PublisherMetrics.WRITE_ERRORS, PublisherMetrics.DEAD_LETTERS}) {
            names.add(counter.replace('.', '_') + "_total");
        }
        // Prometheus' own per-target series.
        names.add("up");
        return names;
    }

    private static KafkaStreams kafkaStreams() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("deploy-check.in").to("deploy-check.out");
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "deploy-check");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        try {
            properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("deploy-check-streams").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KafkaStreams(builder.build(), properties);
    }

    private static Set<String> scraped(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
