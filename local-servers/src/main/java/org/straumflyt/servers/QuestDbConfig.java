package org.straumflyt.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code conf/server.conf} and {@code conf/log.conf} of a QuestDB root directory. */
final class QuestDbConfig {

    private static final String LOG_CONF = """
            writers=stdout
            w.stdout.class=io.questdb.log.LogConsoleWriter
            w.stdout.level=INFO
            """;

    private QuestDbConfig() {
    }

    static void write(Path root, QuestDbPorts ports) throws IOException {
        Path conf = Files.createDirectories(root.resolve("conf"));
        String host = Ports.LOOPBACK;
        String serverConf = String.join("\n",
                "http.enabled=true",
                "http.net.bind.to=" + host + ":" + ports.http(),
                "http.min.enabled=true",
                "http.min.net.bind.to=" + host + ":" + ports.minHttp(),
                "pg.enabled=true",
                "pg.net.bind.to=" + host + ":" + ports.pg(),
                "line.tcp.enabled=true",
                "line.tcp.net.bind.to=" + host + ":" + ports.ilpTcp(),
                "line.udp.enabled=false",
                "line.http.enabled=true",
                "telemetry.enabled=false",
                "shared.worker.count=2",
                "pg.worker.count=1",
                // QuestDB's workers spin (yield, then nap) for thousands of idle loops before they sleep, which suits a
                // server of its own. Sharing two cores with Kafka and the services, that spinning cost it 0.84 of a
                // core under 47 small queries/s (0.27 with these thresholds; docs/BENCHMARKS.md, session 7).
                spinThresholds("shared.worker"),
                spinThresholds("http.worker"),
                spinThresholds("http.min.worker"),
                spinThresholds("pg.worker"),
                spinThresholds("wal.apply.worker"),
                spinThresholds("line.tcp.writer.worker"),
                spinThresholds("line.tcp.io.worker"),
                "");
        Files.writeString(conf.resolve("server.conf"), serverConf, StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("log.conf"), LOG_CONF, StandardCharsets.UTF_8);
    }

    /** A worker pool yields after 10 idle loops, naps after 20 and sleeps after 50. */
    private static String spinThresholds(String pool) {
        return pool + ".yield.threshold=10\n" + pool + ".nap.threshold=20\n" + pool + ".sleep.threshold=50";
    }

    /** The four loopback ports a QuestDB instance listens on. */
    record QuestDbPorts(int http, int minHttp, int pg, int ilpTcp) {
        static QuestDbPorts allocate() {
            return new QuestDbPorts(Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort());
        }
    }
}
