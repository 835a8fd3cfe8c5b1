package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The summary binder over a real Kafka metrics registry, as clients and Kafka Streams keep theirs. */
class KafkaMetersTest {
    private final Metrics kafka = new Metrics();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaMeters meters = new KafkaMeters(kafka::metrics, null, Duration.ofHours(1));

    @AfterEach
    void close() {
        meters.close();
        kafka.close();
    }

    private MetricName name(String name, String group, String... tags) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            map.put(tags[i], tags[i + 1]);
        }
        return kafka.metricName(name, group, "", map);
    }

    private void gauge(MetricName name, double value) {
        kafka.addMetric(name, (Measurable) (config, now) -> value);
    }

    @Test
    void shouldBindPerClientAndPerThreadMetricsUnderMicrometersNamesAndLeaveOutTheFineGrainedOnes() {
        // Given a client's metrics (Kafka adds its own kafka-metrics-count): per client and per thread, and per
        // partition, topic, broker, task, processor node, store and record cache
        gauge(name("records-lag-max", "consumer-fetch-manager-metrics", "client-id", "c1"), 42);
        gauge(name("process-rate", "stream-thread-metrics", "thread-id", "t1"), 7);
        gauge(name("records-lag-max", "consumer-fetch-manager-metrics", "client-id", "c1", "topic", "readings",
                "partition", "3"), 40);
        gauge(name("record-send-rate", "producer-topic-metrics", "client-id", "p1", "topic", "kpi"), 1);
        gauge(name("request-rate", "producer-node-metrics", "client-id", "p1", "node-id", "node-1"), 1);
        gauge(name("process-rate", "stream-task-metrics", "thread-id", "t1", "task-id", "0_1"), 1);
        gauge(name("process-rate", "stream-processor-node-metrics", "thread-id", "t1", "task-id", "0_1",
                "processor-node-id", "meter-stage"), 1);
        gauge(name("estimate-num-keys", "stream-state-metrics", "thread-id", "t1", "task-id", "0_1",
                "rocksdb-state-id", "meter-state"), 1);
        gauge(name("hit-ratio-avg", "stream-record-cache-metrics", "thread-id", "t1", "task-id", "0_1",
                "record-cache-id", "meter-pending"), 1);

        // When bound
        meters.bindTo(registry);

        // Then only the two summary ones are meters, named as Micrometer's Kafka binders name them
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsExactlyInAnyOrder(
                "kafka.consumer.fetch.manager.records.lag.max", "kafka.stream.thread.process.rate");
        assertThat(registry.get("kafka.consumer.fetch.manager.records.lag.max").gauge().value()).isEqualTo(42);
        assertThat(registry.scrape()).contains("kafka_consumer_fetch_manager_records_lag_max{client_id=\"c1\","
                + "kafka_version=").doesNotContain("partition=").doesNotContain("task_id=");
    }

    @Test
    void shouldExposeCumulativeCountsAsCountersAndReadValuesLive() {
        Sensor sensor = kafka.sensor("records");
        sensor.add(name("records-consumed-total", "consumer-fetch-manager-metrics", "client-id", "c1"),
                new CumulativeCount());
        sensor.add(name("records-per-request-max", "consumer-fetch-manager-metrics", "client-id", "c1"), new Max());
        meters.bindTo(registry);

        sensor.record(5);
        sensor.record(3);

        FunctionCounter consumed = registry.get("kafka.consumer.fetch.manager.records.consumed.total")
                .functionCounter();
        assertThat(consumed.count()).isEqualTo(2);
        Gauge max = registry.get("kafka.consumer.fetch.manager.records.per.request.max").gauge();
        assertThat(max.value()).isEqualTo(5);
    }

    @Test
    void shouldFollowMetricsThatKafkaAddsAndRemoves() {
        MetricName first = name("process-rate", "stream-thread-metrics", "thread-id", "t1");
        gauge(first, 1);
        meters.bindTo(registry);
        AtomicReference<Meter> t1 = new AtomicReference<>(registry.get("kafka.stream.thread.process.rate").meter());

        // a thread is replaced: its metrics go, the new thread's come
        kafka.removeMetric(first);
        gauge(name("process-rate", "stream-thread-metrics", "thread-id", "t2"), 2);
        meters.refresh();

        assertThat(registry.find("kafka.stream.thread.process.rate").gauges()).singleElement()
                .satisfies(g -> {
                    assertThat(g.getId().getTag("thread-id")).isEqualTo("t2");
                    assertThat(g.value()).isEqualTo(2);
                })
                .isNotSameAs(t1.get());
    }

    @Test
    void shouldRemoveItsMetersWhenClosed() {
        gauge(name("process-rate", "stream-thread-metrics", "thread-id", "t1"), 1);
        meters.bindTo(registry);

        meters.close();

        assertThat(registry.find("kafka.stream.thread.process.rate").meters()).isEmpty();
    }

    @Test
    void detailParsesEitherLevelInAnyCaseAndRejectsOthersNamingTheKey() {
        assertThat(KafkaMeterDetail.parse(" Full ")).isEqualTo(KafkaMeterDetail.FULL);
        assertThat(KafkaMeterDetail.parse("summary")).isEqualTo(KafkaMeterDetail.SUMMARY);
        assertThatThrownBy(() -> KafkaMeterDetail.parse("debug")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ServiceConfig.METRICS_KAFKA);
    }
}
