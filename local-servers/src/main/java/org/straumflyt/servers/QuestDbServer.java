package org.straumflyt.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A QuestDB server (child JVM running {@code io.questdb.ServerMain}) on 127.0.0.1, the stand-in
 * for InfluxDB: its HTTP port accepts influxdb-client-java writes on {@code /api/v2/write} and
 * SQL on {@code /exec}.
 *
 * <p>Tables created by line-protocol writes are WAL tables: a write is acknowledged before its
 * rows are visible to queries. Use {@link #awaitWalApplied(String, Duration)} before asserting.
 */
public final class QuestDbServer extends ServerProcess {

    private static final Duration SQL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final QuestDbConfig.QuestDbPorts ports;
    private final QuestDbHttp http;

    private QuestDbServer(QuestDbConfig.QuestDbPorts ports) {
        super("questdb", ports.http());
        this.ports = ports;
        this.http = new QuestDbHttp(httpUrl());
    }

    /**
     * Starts a new private QuestDB with an empty database. Close it when done.
     *
     * @return the running server
     */
    public static QuestDbServer startNew() {
        return started(new QuestDbServer(QuestDbConfig.QuestDbPorts.allocate()));
    }

    /**
     * The HTTP base URL, e.g. the URL to give influxdb-client-java (any token, org and bucket).
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String httpUrl() {
        return "http://" + Ports.LOOPBACK + ":" + ports.http();
    }

    /**
     * The HTTP port (InfluxDB line protocol on {@code /api/v2/write}, SQL on {@code /exec}).
     *
     * @return the HTTP port
     */
    public int httpPort() {
        return ports.http();
    }

    /**
     * The PostgreSQL wire protocol port (user {@code admin}, password {@code quest}, database {@code qdb}).
     *
     * @return the PG wire port
     */
    public int pgPort() {
        return ports.pg();
    }

    /**
     * The InfluxDB line protocol over TCP port.
     *
     * @return the ILP/TCP port
     */
    public int ilpTcpPort() {
        return ports.ilpTcp();
    }

    /**
     * Runs a statement such as DDL or an INSERT.
     *
     * @param sql the statement
     * @throws IllegalStateException if QuestDB rejects it, with QuestDB's error message
     */
    public void exec(String sql) {
        http.exec(sql, SQL_TIMEOUT);
    }

    /**
     * Runs a query. Values are converted by column type: {@code BOOLEAN} to Boolean, {@code INT}
     * (and smaller) to Integer, {@code LONG} to Long, {@code FLOAT}/{@code DOUBLE} to Float/Double,
     * timestamps and dates to {@link java.time.Instant}, everything else to String; SQL NULL
     * (and a NaN double) to {@code null}.
     *
     * @param sql the query
     * @return the rows, each a map from column name to value in column order
     */
    public List<Map<String, Object>> query(String sql) {
        return QuestDbHttp.rows(http.exec(sql, SQL_TIMEOUT));
    }

    /**
     * Waits until every acknowledged write to a table has been applied, so queries see it. Returns
     * at once for a non-WAL table.
     *
     * @param table   the table name
     * @param timeout how long to wait
     * @throws IllegalStateException on timeout (also if the table does not exist), or if QuestDB
     *                               suspended the table after an apply error
     */
    public void awaitWalApplied(String table, Duration timeout) {
        String name = "'" + table.replace("'", "''") + "'";
        String walState = "select suspended, writerTxn, sequencerTxn, errorMessage from wal_tables() where name = " + name;
        String walEnabled = "select walEnabled from tables() where table_name = " + name;
        Waits.until("QuestDB to apply the WAL of table " + name, timeout, POLL, () -> {
            List<Map<String, Object>> rows = query(walState);
            if (rows.isEmpty()) {
                return query(walEnabled).stream().anyMatch(row -> Boolean.FALSE.equals(row.get("walEnabled")));
            }
            Map<String, Object> state = rows.get(0);
            if (Boolean.TRUE.equals(state.get("suspended"))) {
                throw new Waits.AbortWait("QuestDB suspended WAL table '" + table + "': " + state.get("errorMessage"));
            }
            return ((Long) state.get("writerTxn")) >= ((Long) state.get("sequencerTxn"));
        }, () -> "");
    }

    @Override
    protected void prepare(boolean firstStart) throws IOException {
        QuestDbConfig.write(directory(), ports);
    }

    @Override
    protected List<String> command() {
        List<String> jvm = List.of("-Xmx512m", "-Xms128m", "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true");
        return JavaCommand.of(directory().resolve("jvm.args"), jvm, "io.questdb.ServerMain",
                List.of("-d", directory().toString()));
    }

    @Override
    protected boolean probeReady() {
        if (!Ports.isAccepting(ports.http(), Duration.ofMillis(200))) {
            return false;
        }
        JsonNode answer = http.exec("select 1", Duration.ofSeconds(2));
        return answer.path("count").asInt() == 1;
    }
}
