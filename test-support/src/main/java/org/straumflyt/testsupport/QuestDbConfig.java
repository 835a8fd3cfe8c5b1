package org.straumflyt.testsupport;

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
                "");
        Files.writeString(conf.resolve("server.conf"), serverConf, StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("log.conf"), LOG_CONF, StandardCharsets.UTF_8);
    }

    /** The four loopback ports a QuestDB instance listens on. */
    record QuestDbPorts(int http, int minHttp, int pg, int ilpTcp) {
        static QuestDbPorts allocate() {
            return new QuestDbPorts(Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort());
        }
    }
}
