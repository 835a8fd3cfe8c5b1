package org.straumflyt.deploy;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.straumflyt.ingest.bridge.IngestMetrics;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.publisher.consume.PublisherMetrics;
import org.straumflyt.runtime.ServiceContext;

/**
 * The Prometheus metric names the services expose: scraped from a registry set up as the services set theirs up
 * (JVM and process metrics, each service's own meters, a Kafka consumer's client metrics), plus the meters a
 * service registers only once they have a tag value (their names from the services' constants).
 */
final class ServiceMetricNames {
    private ServiceMetricNames() {
    }

    static Set<String> all() {
        PrometheusMeterRegistry registry = ServiceContext.create("deploy-check").registry();
        new IngestMetrics(registry).bind(() -> 0, () -> true, () -> true);
        new ProcessorMetrics(registry);
        new PublisherMetrics(registry);
        Set<String> names = new LinkedHashSet<>();
        // A consumer that is never polled does not connect; its metrics exist from construction.
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ConsumerConfig.GROUP_ID_CONFIG, "deploy-check");
        try (var client = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var metrics = new KafkaClientMetrics(client)) {
            metrics.bindTo(registry);
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
