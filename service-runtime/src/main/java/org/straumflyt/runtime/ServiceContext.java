package org.straumflyt.runtime;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * What a service gets from its launcher (or from a test): its metrics registry, its health, and the clock.
 *
 * @param name     the service name, also the {@code service} tag of every metric
 * @param registry where the service's meters go
 * @param health   where the service registers its readiness checks
 * @param clock    the one clock of the service; tests pass a fixed or offset one
 * @param kafkaMeters how many of the Kafka clients' own metrics the service binds to the registry
 */
public record ServiceContext(String name, PrometheusMeterRegistry registry, Health health, Clock clock,
        KafkaMeterDetail kafkaMeters) {

    /** A context with a fresh registry carrying JVM and process metrics, and a summary of the Kafka metrics. */
    public static ServiceContext create(String name) {
        return create(name, KafkaMeterDetail.SUMMARY);
    }

    /** A context with a fresh registry carrying JVM and process metrics, and the Kafka metrics in that detail. */
    public static ServiceContext create(String name, KafkaMeterDetail kafkaMeters) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", name);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmCompilationMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new ServiceContext(name, registry, new Health(), Clock.systemUTC(), kafkaMeters);
    }
}
