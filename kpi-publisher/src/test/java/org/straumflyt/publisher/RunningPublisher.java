package org.straumflyt.publisher;

import java.util.HashMap;
import java.util.Map;
import org.straumflyt.runtime.ServiceContext;

/** A publisher started in this JVM for a test, with its context so tests can read its metrics and health. */
final class RunningPublisher implements AutoCloseable {
    private final PublisherService service;
    private final ServiceContext context;

    private RunningPublisher(PublisherService service, ServiceContext context) {
        this.service = service;
        this.context = context;
    }

    /** Starts a publisher with the given keys on top of quick test defaults. */
    static RunningPublisher start(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>();
        values.put(PublisherConfig.HTTP_PORT, "0");
        values.put(PublisherConfig.TOPIC_PARTITIONS, "3");
        values.put(PublisherConfig.BATCH_LINGER_MS, "200");
        values.put(PublisherConfig.RETRY_BACKOFF_INITIAL_MS, "200");
        values.put(PublisherConfig.RETRY_BACKOFF_MAX_MS, "2000");
        values.put(PublisherConfig.INFLUX_TIMEOUT_MS, "3000");
        values.put("kafka.reconnect.backoff.max.ms", "500");
        values.putAll(settings);
        ServiceContext context = ServiceContext.create("kpi-publisher");
        PublisherService service = new PublisherService(new PublisherConfig(values), context);
        service.start();
        return new RunningPublisher(service, context);
    }

    /** The keys that connect a publisher to the test's Kafka and store. */
    static Map<String, String> settings(String bootstrapServers, String storeUrl, String prefix) {
        return Map.of(PublisherConfig.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers,
                PublisherConfig.TOPIC_PREFIX, prefix,
                PublisherConfig.GROUP_ID, "publisher-" + prefix,
                PublisherConfig.INFLUX_URL, storeUrl);
    }

    /** {@link #settings} plus more keys. */
    static Map<String, String> settings(String bootstrapServers, String storeUrl, String prefix,
            Map<String, String> more) {
        Map<String, String> values = new HashMap<>(settings(bootstrapServers, storeUrl, prefix));
        values.putAll(more);
        return values;
    }

    ServiceContext context() {
        return context;
    }

    /** The sum of a counter over all its tags, 0 when it was never incremented. */
    double counter(String name) {
        return context.registry().find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double gauge(String name) {
        var gauge = context.registry().find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Override
    public void close() {
        service.close();
    }
}
