package org.straumflyt.testsupport;

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

/** Writes the configuration of a single-node KRaft broker+controller and formats its storage. */
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
    private final String clusterId = Uuid.randomUuid().toString();

    KafkaBrokerConfig(int port, int controllerPort, Path directory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
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
     * Formats the log directory in-process with {@code kafka.tools.StorageTool} (a standalone
     * dynamic quorum, as {@code kafka-storage.sh format --standalone} does).
     *
     * @return the tool's output, for the server log
     */
    String formatStorage() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", propertiesFile().toString(), "--standalone"}, out);
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
        p.put("node.id", 1);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        p.put("log.dirs", dataDir());
        p.put("num.partitions", 3);
        p.put("default.replication.factor", 1);
        p.put("min.insync.replicas", 1);
        p.put("offsets.topic.replication.factor", 1);
        p.put("offsets.topic.num.partitions", 5);
        p.put("transaction.state.log.replication.factor", 1);
        p.put("transaction.state.log.min.isr", 1);
        p.put("transaction.state.log.num.partitions", 5);
        p.put("share.coordinator.state.topic.replication.factor", 1);
        p.put("share.coordinator.state.topic.min.isr", 1);
        p.put("group.initial.rebalance.delay.ms", 0);
        // After a kill -9 the restarted broker cannot register until the old session expired.
        p.put("broker.session.timeout.ms", 3_000);
        p.put("broker.heartbeat.interval.ms", 500);
        p.put("log.segment.bytes", 16 * 1024 * 1024);
        p.put("num.network.threads", 2);
        p.put("num.io.threads", 4);
        p.put("add.partitions.to.txn.retry.backoff.max.ms", 1_000);
        return p;
    }
}
