package org.straumflyt.processor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.processor.ProcessorService;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/**
 * A processor that has run readings through its topology exposes Kafka's per-client and per-thread meters, and by
 * default none of the per topic, partition, broker, task, processor node and state store ones (tens of thousands
 * in a running processor, see {@code KafkaMeterDetail}).
 */
@ExtendWith(KafkaExtension.class)
class ProcessorKafkaMetersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern FINE_TAG = Pattern.compile(
            "[{,](topic|partition|node_id|task_id|processor_node_id|record_cache_id|[a-z_]*state_id)=");

    @Test
    void shouldExposeASummaryOfTheKafkaMetersOfARunningProcessor(KafkaBroker kafka) throws Exception {
        // Given a running processor with the default context
        String prefix = TestProcessorSettings.uniquePrefix("meters");
        Topics topics = Topics.withPrefix(prefix);
        Path state = TestProcessorSettings.directory("meters", prefix);
        Map<String, String> settings = TestProcessorSettings.of(kafka, prefix, state,
                "meter.emit.interval.ms", "200");
        ServiceContext context = ServiceContext.create("test");
        PrometheusMeterRegistry registry = context.registry();
        // Kafka Streams meters follow Kafka's metrics every second instead of every minute
        try (ProcessorService service = new ProcessorService(new ProcessorConfig(settings), context,
                Duration.ofSeconds(1))) {
            service.start();

            // When readings of a few meters have gone through the topology (so that Kafka has created its meters
            // for the partitions, tasks, stores and brokers involved)
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (int meter = 0; meter < 4; meter++) {
                for (int minute = 0; minute <= 60; minute += 15) {
                    Reading r = Reading.register("m" + meter, "import", 100 + minute, hour.plusSeconds(60L * minute),
                            Carrier.ELECTRICITY);
                    records.add(new ProducerRecord<>(topics.readings().name(), r.meterId(), Json.toString(r)));
                }
            }
            kafka.produce(records);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() ->
                    registry.find("straumflyt.processor.readings").counters().stream()
                            .mapToDouble(c -> c.count()).sum() >= records.size());
            // and the meters have followed Kafka's metrics a few times since
            Thread.sleep(3_000);

            // Then the scrape has the Kafka meters an operator watches, and none of the fine-grained ones
            List<String> kafkaLines = Arrays.stream(registry.scrape().split("\n"))
                    .filter(line -> line.startsWith("kafka_")).toList();
            assertThat(kafkaLines).anyMatch(line -> line.startsWith("kafka_stream_thread_process_total"))
                    .anyMatch(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag_max"))
                    .anyMatch(line -> line.startsWith("kafka_producer_txn_commit_time_ns_total"))
                    .noneMatch(line -> FINE_TAG.matcher(line).find());
        }
    }
}
