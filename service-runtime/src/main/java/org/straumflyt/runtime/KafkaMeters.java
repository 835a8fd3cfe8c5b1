package org.straumflyt.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the per-client and per-thread metrics of a Kafka client or Kafka Streams instance to a registry
 * ({@link KafkaMeterDetail#SUMMARY}), named and tagged as Micrometer's own Kafka binders name them (e.g.
 * {@code kafka_consumer_fetch_manager_records_lag_max}), so dashboards work with either detail. Metrics per topic,
 * partition, broker, task, processor node or state store are left out. Kafka creates and removes metrics as tasks,
 * threads and connections come and go; the meters follow every {@code refresh}.
 */
public final class KafkaMeters implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaMeters.class);
    /** How often the meters follow the client's metrics by default, as often as Micrometer's Kafka binders do. */
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);
    /** Micrometer's Kafka binders leave these out too: version strings and a count of the metrics themselves. */
    private static final List<String> SKIPPED_GROUPS = List.of("app-info", "kafka-metrics-count");

    private final Supplier<Map<MetricName, ? extends Metric>> source;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final Duration refresh;
    private final Map<MetricName, Meter> bound = new ConcurrentHashMap<>();
    private volatile Map<MetricName, ? extends Metric> current = Map.of();
    private volatile MeterRegistry registry;

    /**
     * @param source    the client's {@code metrics()}
     * @param scheduler runs the refresh; {@code null} for a daemon thread of its own, stopped by {@link #close}
     * @param refresh   how often the meters follow the client's metrics
     */
    public KafkaMeters(Supplier<Map<MetricName, ? extends Metric>> source, ScheduledExecutorService scheduler,
            Duration refresh) {
        this.source = source;
        this.ownScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler : newScheduler();
        this.refresh = refresh;
    }

    /** A scheduler for the refresh on a daemon thread of its own; one can serve several bindings. */
    public static ScheduledExecutorService newScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-meters");
            t.setDaemon(true);
            return t;
        });
    }

    /** Meters bound to a registry, until closed. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Binds a Kafka client's (or Kafka Streams') metrics to the context's registry in the context's detail: a
     * {@link KafkaMeters} summary, or for {@link KafkaMeterDetail#FULL} the Micrometer binder {@code full} makes.
     *
     * @param metrics   the client's {@code metrics()}
     * @param full      Micrometer's binder of the client (e.g. {@code KafkaStreamsMetrics}), made only when needed
     * @param scheduler runs the summary's refresh; {@code null} for a thread of its own
     */
    public static <B extends MeterBinder & AutoCloseable> Binding bind(ServiceContext context,
            Supplier<Map<MetricName, ? extends Metric>> metrics, Supplier<B> full, ScheduledExecutorService scheduler,
            Duration refresh) {
        if (context.kafkaMeters() == KafkaMeterDetail.FULL) {
            B binder = full.get();
            binder.bindTo(context.registry());
            return () -> {
                try {
                    binder.close();
                } catch (Exception e) {
                    LOG.debug("Kafka metrics binder did not close cleanly", e);
                }
            };
        }
        KafkaMeters summary = new KafkaMeters(metrics, scheduler, refresh);
        summary.bindTo(context.registry());
        return summary::close;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        refresh();
        scheduler.scheduleWithFixedDelay(this::refreshLogged, refresh.toMillis(), refresh.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not follow the Kafka metrics", e);
        }
    }

    /** Registers the summary metrics that appeared since the last call and removes those that are gone. */
    void refresh() {
        Map<MetricName, ? extends Metric> now = source.get();
        current = now;
        for (Iterator<Map.Entry<MetricName, Meter>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<MetricName, Meter> entry = it.next();
            if (!now.containsKey(entry.getKey())) {
                registry.remove(entry.getValue());
                it.remove();
            }
        }
        for (Map.Entry<MetricName, ? extends Metric> entry : now.entrySet()) {
            MetricName name = entry.getKey();
            if (!bound.containsKey(name) && summary(name)) {
                try {
                    bound.put(name, register(name, entry.getValue()));
                } catch (RuntimeException e) {
                    // e.g. a name the registry already holds with other tag keys: leave this one out
                    LOG.debug("Kafka metric {} not bound", name, e);
                }
            }
        }
    }

    static boolean summary(MetricName name) {
        return !SKIPPED_GROUPS.contains(name.group()) && !KafkaMeterDetail.fineGrained(name.tags());
    }

    /** The name Micrometer's Kafka binders give: {@code kafka.<group without -metrics>.<name>}, dots for dashes. */
    static String meterName(MetricName name) {
        return ("kafka." + name.group().replace("-metrics", "") + "." + name.name()).replace('-', '.');
    }

    private Meter register(MetricName name, Metric metric) {
        List<Tag> tags = new ArrayList<>();
        name.tags().forEach((k, v) -> tags.add(Tag.of(k, v)));
        tags.add(Tag.of("kafka.version", AppInfoParser.getVersion()));
        if (cumulative(name, metric)) {
            return FunctionCounter.builder(meterName(name), this, m -> m.value(name)).tags(tags)
                    .description(name.description()).register(registry);
        }
        return Gauge.builder(meterName(name), this, m -> m.value(name)).tags(tags)
                .description(name.description()).register(registry);
    }

    /** Counters are Kafka's cumulative sums and counts, and "-total" metrics that are not measurable. */
    private static boolean cumulative(MetricName name, Metric metric) {
        if (metric instanceof KafkaMetric kafkaMetric) {
            try {
                return kafkaMetric.measurable() instanceof CumulativeSum;
            } catch (IllegalStateException notMeasurable) {
                return name.name().endsWith("total");
            }
        }
        return name.name().endsWith("total");
    }

    /** The metric's current value, read from the newest map (Kafka may replace a metric under the same name). */
    private double value(MetricName name) {
        Metric metric = current.get(name);
        if (metric == null) {
            return Double.NaN;
        }
        Object value = metric.metricValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    @Override
    public void close() {
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
        MeterRegistry r = registry;
        if (r != null) {
            bound.values().forEach(r::remove);
        }
        bound.clear();
    }
}
