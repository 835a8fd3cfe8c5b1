package org.straumflyt.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Writes the configuration of a KRaft broker+controller and formats its storage: a single node (a standalone dynamic
 * quorum, replication 1) or one node of a cluster (a static quorum of every node, the cluster's replication).
 */
final class KafkaBrokerConfig {

    private static final String LOG4J2_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN">
              <Appenders>
                <Console name="stdout" target="SYSTEM_OUT">
                  <PatternLayout pattern="[%d{ISO8601}] %-5p %m (%c)%n"/>
                </Console>
              </Appenders>
              <Loggers>
                <Logger name="kafka.request.logger" level="WARN"/>
                <Root level="INFO">
                  <AppenderRef ref="stdout"/>
                </Root>
              </Loggers>
            </Configuration>
            """;

    private final int port;
    private final int controllerPort;
    private final Path directory;
    private final String clusterId;
    private final int nodeId;
    /** {@code id@host:port,...} of a static controller quorum, or {@code null} for a standalone node. */
    private final String voters;
    private final int replicationFactor;
    private final int minInsyncReplicas;

    KafkaBrokerConfig(int port, int controllerPort, Path directory) {
        this(port, controllerPort, directory, Uuid.randomUuid().toString(), 1, null, 1, 1);
    }

    /**
     * One node of a cluster.
     *
     * @param clusterId         the same for every node
     * @param nodeId            this node's id, one of {@code voters}
     * @param voters            the controller quorum, {@code id@host:controllerPort} of every node, comma-separated
     * @param replicationFactor default replication of topics, the offsets and the transaction state topics
     * @param minInsyncReplicas {@code min.insync.replicas} of topics and the transaction state topic
     */
    KafkaBrokerConfig(int port, int controllerPort, Path directory, String clusterId, int nodeId, String voters,
            int replicationFactor, int minInsyncReplicas) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
        this.clusterId = clusterId;
        this.nodeId = nodeId;
        this.voters = voters;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
    }

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    Path log4jFile() {
        return directory.resolve("log4j2.xml");
    }

    Path dataDir() {
        return directory.resolve("data");
    }

    void write() throws IOException {
        String properties = properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(propertiesFile(), properties, StandardCharsets.UTF_8);
        Files.writeString(log4jFile(), LOG4J2_XML, StandardCharsets.UTF_8);
    }

    /**
     * Formats the log directory in-process with {@code kafka.tools.StorageTool}: a standalone dynamic quorum, as
     * {@code kafka-storage.sh format --standalone} does, or for a cluster node the static quorum of
     * {@code controller.quorum.voters}.
     *
     * @return the tool's output, for the server log
     */
    String formatStorage() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            String[] args = voters == null
                    ? new String[] {"format", "--cluster-id", clusterId, "--config", propertiesFile().toString(),
                        "--standalone"}
                    : new String[] {"format", "--cluster-id", clusterId, "--config", propertiesFile().toString()};
            exit = StorageTool.execute(args, out);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException("kafka StorageTool format failed with exit code " + exit + ":\n" + text);
        }
        return text;
    }

    private Map<String, Object> properties() {
        String host = Ports.LOOPBACK;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", nodeId);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (voters == null) {
            p.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        } else {
            p.put("controller.quorum.voters", voters);
        }
        p.put("log.dirs", dataDir());
        p.put("num.partitions", 3);
        p.put("default.replication.factor", replicationFactor);
        p.put("min.insync.replicas", minInsyncReplicas);
        p.put("offsets.topic.replication.factor", replicationFactor);
        p.put("offsets.topic.num.partitions", 5);
        p.put("transaction.state.log.replication.factor", replicationFactor);
        p.put("transaction.state.log.min.isr", minInsyncReplicas);
        p.put("transaction.state.log.num.partitions", 5);
        p.put("share.coordinator.state.topic.replication.factor", replicationFactor);
        p.put("share.coordinator.state.topic.min.isr", minInsyncReplicas);
        p.put("group.initial.rebalance.delay.ms", 0);
        // After a kill -9 the restarted broker cannot register until the old session expired. In a cluster that is
        // also how long the partitions a killed node led have no leader; three nodes on a busy two-core machine
        // miss 3 s heartbeats (the controller's queue was seen 6 s behind while they started).
        p.put("broker.session.timeout.ms", voters == null ? 3_000 : 6_000);
        p.put("broker.heartbeat.interval.ms", 500);
        if (voters != null) {
            p.put("controller.quorum.election.timeout.ms", 3_000);
            p.put("controller.quorum.fetch.timeout.ms", 6_000);
        }
        p.put("log.segment.bytes", 16 * 1024 * 1024);
        p.put("num.network.threads", 2);
        p.put("num.io.threads", 4);
        p.put("add.partitions.to.txn.retry.backoff.max.ms", 1_000);
        return p;
    }
}
