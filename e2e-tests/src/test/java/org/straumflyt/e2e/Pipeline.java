package org.straumflyt.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.ingest.IngestService;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.processor.ProcessorService;
import org.straumflyt.publisher.PublisherConfig;
import org.straumflyt.publisher.PublisherService;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.runtime.Service;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * The three services, each with its own configuration and context as in production, wired to the test's real
 * servers under a topic prefix of their own so that runs do not see each other.
 */
public final class Pipeline implements AutoCloseable {
    private final List<Service> services;

    private Pipeline(List<Service> services) {
        this.services = services;
    }

    /** Starts ingest, processor and publisher; {@code ingestRoutes} are extra ingest settings (routes). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    public static Pipeline start(String run, KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store,
            Map<String, String> ingestRoutes) {
        return start(run, "e2e-" + run + ".", kafka, mqtt, store, ingestRoutes);
    }

    /** As {@link #start(String, KafkaBroker, MosquittoBroker, QuestDbServer, Map)}, under the given topic prefix. */
    public static Pipeline start(String run, String topicPrefix, KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store,
            Map<String, String> ingestRoutes) {
        return start(run, topicPrefix, kafka, mqtt, store, ingestRoutes, Map.of());
    }

    /** As above, with {@code processorSettings} added to (or replacing) the stream processor's test settings. */
    public static Pipeline start(String run, String topicPrefix, KafkaBroker kafka, MosquittoBroker mqtt,
            QuestDbServer store, Map<String, String> ingestRoutes, Map<String, String> processorSettings) {
        Path stateDir = Path.of("target", "kafka-streams", run).toAbsolutePath();
        QuestDbTables.createStatements().forEach(store::exec);
        Map<String, String> common = Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "topic.prefix", topicPrefix,
                "topic.partitions", "3");

        Map<String, String> ingest = new HashMap<>(common);
        ingest.put(IngestConfig.MQTT_SERVER_URI, mqtt.uri());
        ingest.put(IngestConfig.MQTT_CLIENT_ID, "e2e-ingest-" + run);
        ingest.putAll(ingestRoutes);

        Map<String, String> processor = new HashMap<>(common);
        processor.put(ProcessorConfig.APPLICATION_ID, "e2e-processor-" + run);
        processor.put(ProcessorConfig.STATE_DIR, stateDir.toString());
        processor.put(ProcessorConfig.COMMIT_INTERVAL_MS, "200");
        processor.putAll(processorSettings);

        Map<String, String> publisher = new HashMap<>(common);
        publisher.put(PublisherConfig.INFLUX_URL, store.httpUrl());
        publisher.put(PublisherConfig.GROUP_ID, "e2e-publisher-" + run);
        publisher.put(PublisherConfig.BATCH_LINGER_MS, "100");

        ServiceContext ingestContext = ServiceContext.create("ingest-mqtt");
        List<Service> services = List.of(
                new PublisherService(new PublisherConfig(publisher), ServiceContext.create("kpi-publisher")),
                new ProcessorService(new ProcessorConfig(processor), ServiceContext.create("stream-processor")),
                new IngestService(new IngestConfig(ingest), ingestContext));
        Pipeline pipeline = new Pipeline(services);
        try {
            services.forEach(Service::start);
            // Ready = connected and subscribed: a QoS 1 message published before the bridge's first subscription
            // exists has no session to be kept for, and the broker drops it.
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> ingestContext.health().ready());
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    @Override
    public void close() {
        // Upstream first, so that what is in flight drains downstream.
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
