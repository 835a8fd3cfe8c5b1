package org.straumflyt.deploy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern LABEL = Pattern.compile("[{,]([a-zA-Z_][a-zA-Z0-9_]*)=\"");
    private ServiceMetricNames() {
    }

    /** Target labels Prometheus adds to every series it scrapes from a pod (PodMonitor) or static target. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "container", "endpoint");

    /** Computed once per test JVM: building the Kafka clients takes seconds on a loaded machine. */
    private static Map<String, Set<String>> cached;

    static Set<String> all() {
        return labelled().keySet();
    }

    /** Each metric name with the names of its labels (the services' own; target labels not included). */
    static synchronized Map<String, Set<String>> labelled() {
        if (cached == null) {
            cached = Map.copyOf(collect());
        }
        return cached;
    }

    private static Map<String, Set<String>> collect() {
        PrometheusMeterRegistry registry = ServiceContext.create("deploy-check").registry();
        new IngestMetrics(registry).bind(() -> 0, () -> true, () -> true);
        new ProcessorMetrics(registry);
        new PublisherMetrics(registry);
        Map<String, Set<String>> names = new LinkedHashMap<>();
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
            scraped(registry.scrape()).forEach((name, labels) ->
                    names.computeIfAbsent(name, n -> new TreeSet<>()).addAll(labels));
        }
        // Registered on first use, per tag value, with the service's common tag.
        names.put("straumflyt_ingest_readings_produced_total", Set.of("service", "format"));
        names.put("straumflyt_ingest_weather_samples_produced_total", Set.of("service", "format"));
        names.put("straumflyt_ingest_messages_failed_total", Set.of("service", "reason"));
        names.put(counter(PublisherMetrics.POINTS_WRITTEN), Set.of("service", "measurement"));
        names.put(counter(PublisherMetrics.RECORDS_CONSUMED), Set.of("service", "topic"));
        names.put(counter(PublisherMetrics.WRITE_ERRORS), Set.of("service", "kind"));
        names.put(counter(PublisherMetrics.DEAD_LETTERS), Set.of("service", "reason"));
        // Prometheus' own per-target series.
        names.put("up", Set.of());
        return names;
    }

    private static String counter(String meterName) {
        return meterName.replace('.', '_') + "_total";
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

    /** Metric name -> label names of a Prometheus text exposition. */
    private static Map<String, Set<String>> scraped(String exposition) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            Set<String> labels = names.computeIfAbsent(line.substring(0, end), n -> new TreeSet<>());
            if (end < line.length() && line.charAt(end) == '{') {
                Matcher label = LABEL.matcher(line.substring(end, line.lastIndexOf('}') + 1));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return names;
    }
}
