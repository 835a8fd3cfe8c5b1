package org.straumflyt.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.straumflyt.local.LocalStack;
import org.straumflyt.local.ServiceProcess;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * The three services as separate JVMs, configured through environment variables as in production, so that a test
 * can crash one with SIGKILL and start it again.
 */
final class PipelineProcesses implements AutoCloseable {
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private PipelineProcesses() {
    }

    static PipelineProcesses start(String run, KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store)
            throws InterruptedException {
        Path dir = Path.of("target", "e2e-runs", run).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> common = new HashMap<>();
        common.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("STRAUMFLYT_TOPIC_PREFIX", "e2e-" + run + ".");
        common.put("STRAUMFLYT_TOPIC_PARTITIONS", "3");
        common.put("LOG4J_CONFIGURATION_FILE", resource("log4j2-child.xml"));
        String classpath = System.getProperty("java.class.path");

        PipelineProcesses pipeline = new PipelineProcesses();
        Map<String, String> publisher = new HashMap<>(common);
        publisher.put("STRAUMFLYT_INFLUX_URL", store.httpUrl());
        publisher.put("STRAUMFLYT_GROUP_ID", "e2e-publisher-" + run);
        publisher.put("STRAUMFLYT_BATCH_LINGER_MS", "200");
        pipeline.add(ServiceProcess.start("kpi-publisher", "org.straumflyt.publisher.PublisherMain", classpath,
                freePort(), publisher, dir));

        Map<String, String> processor = new HashMap<>(common);
        processor.put("STRAUMFLYT_APPLICATION_ID", "e2e-processor-" + run);
        processor.put("STRAUMFLYT_STATE_DIR", dir.resolve("kafka-streams").toString());
        processor.put("STRAUMFLYT_COMMIT_INTERVAL_MS", "500");
        // the portfolio indicators within seconds rather than the default minute
        processor.put("STRAUMFLYT_PORTFOLIO_EMIT_INTERVAL_SECONDS", "5");
        pipeline.add(ServiceProcess.start("stream-processor", "org.straumflyt.processor.ProcessorMain", classpath,
                freePort(), processor, dir));

        Map<String, String> ingest = new HashMap<>(common);
        ingest.putAll(LocalStack.ingestRoutes(mqtt.uri()));
        ingest.put("STRAUMFLYT_MQTT_CLIENT_ID", "e2e-ingest-" + run);
        pipeline.add(ServiceProcess.start("ingest-mqtt", "org.straumflyt.ingest.IngestMain", classpath, freePort(),
                ingest, dir));
        try {
            for (ServiceProcess service : pipeline.services.values()) {
                service.awaitReady(Duration.ofSeconds(120));
            }
        } catch (RuntimeException | InterruptedException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    private void add(ServiceProcess service) {
        services.put(service.name(), service);
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
    }

    private static String resource(String name) {
        try {
            return Path.of(PipelineProcesses.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
