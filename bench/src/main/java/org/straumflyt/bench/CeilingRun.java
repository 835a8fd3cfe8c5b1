package org.straumflyt.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.straumflyt.local.ServiceProcess;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/** The ceiling phase: the load through Mosquitto → {@link CeilingBridge} → Kafka, as fast as it goes. */
final class CeilingRun {
    static final String CLIENT_ID = "bench-ceiling";

    private final KafkaBroker kafka;
    private final MosquittoBroker mqtt;
    private final QuestDbServer store;
    private final Path logs;
    private final int partitions;

    CeilingRun(KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store, Path logs, int partitions) {
        this.kafka = kafka;
        this.mqtt = mqtt;
        this.store = store;
        this.logs = logs;
        this.partitions = partitions;
    }

    /**
     * @param seconds        from the first publish until Kafka confirmed the last message and it was acknowledged, s
     * @param publishSeconds from the first publish until the broker acknowledged the last one, s
     * @param usage          CPU during the phase and peak memory, per process
     * @param warmUp         the warm-up before the phase
     */
    record Result(double seconds, double publishSeconds, Map<String, ProcessUsage> usage, JitWarmUp.Outcome warmUp) {
    }

    /**
     * @param warmUp loads sent through the bridge first, unmeasured, in rounds until its JIT compilers settle, as
     *               before the pipeline's phases
     */
    Result run(Load load, WarmUpLoads warmUp, PrintStream progress) throws Exception {
        String topic = "bench-ceiling.readings-raw";
        kafka.createTopic(topic, partitions, false);
        Map<String, String> env = new HashMap<>();
        env.put("STRAUMFLYT_MQTT_SERVER_URI", mqtt.uri());
        env.put("STRAUMFLYT_MQTT_CLIENT_ID", CLIENT_ID);
        env.put("STRAUMFLYT_MQTT_FILTERS", String.join(",", IngestRoutes.filters(mqtt.uri())));
        env.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("STRAUMFLYT_CEILING_TOPIC", topic);
        try (ServiceProcess bridge = ServiceProcess.start("ceiling-bridge", CeilingBridge.class.getName(),
                System.getProperty("java.class.path"), Ports.free(), env, logs)) {
            bridge.awaitReady(Duration.ofSeconds(60));
            Processes processes = new Processes().add("ceiling-bridge", bridge::pid)
                    .andInfrastructure(kafka, mqtt, store);
            Metrics metrics = new Metrics(bridge.url("/metrics"));
            long[] passed = {0};
            JitWarmUp.Outcome warmed = JitWarmUp.run("ceiling", warmUp, Map.of("ceiling-bridge", metrics), round -> {
                LoadPublisher.publish(mqtt.uri(), "bench-warm-up-ceiling", round, 0);
                passed[0] += round.messageCount();
                awaitProduced(metrics, passed[0], bridge);
                return round.readings();
            }, progress);
            Map<String, ProcessUsage> before = processes.read();
            long start = System.nanoTime();
            LoadPublisher.publish(mqtt.uri(), "bench-simulator-ceiling", load, 0);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            awaitProduced(metrics, passed[0] + load.messageCount(), bridge);
            double seconds = (System.nanoTime() - start) / 1e9;
            Result result = new Result(seconds, publishSeconds, processes.since(before), warmed);
            bridge.close();
            MqttSessions.discard(mqtt.uri(), CLIENT_ID);
            return result;
        }
    }

    /** Waits until the bridge has produced {@code messages} messages in all (its counter never resets). */
    private static void awaitProduced(Metrics metrics, long messages, ServiceProcess bridge) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (metrics.sum("ceiling_messages_produced_total") < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ceiling did not pass every message within 10 minutes; see "
                        + bridge.log());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
