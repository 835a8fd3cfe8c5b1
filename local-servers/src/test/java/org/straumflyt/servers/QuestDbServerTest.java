package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuestDbExtension.class)
class QuestDbServerTest {

    private static final Duration WAL_TIMEOUT = Duration.ofSeconds(15);
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void readsBackInfluxWritesExactly(QuestDbServer questdb) {
        assertThat(questdb).isSameAs(TestServers.questDb());
        write(questdb,
                Point.measurement("harness_energy").addTag("meter", "m1")
                        .addField("kwh", 412345.678).addField("power", 23450L).time(T0, WritePrecision.NS),
                Point.measurement("harness_energy").addTag("meter", "m2")
                        .addField("kwh", 0.1 + 0.2).addField("power", -1L).time(T0.plusNanos(1_000), WritePrecision.NS));

        questdb.awaitWalApplied("harness_energy", WAL_TIMEOUT);
        List<Map<String, Object>> rows = questdb.query("select meter, kwh, power, timestamp from harness_energy order by timestamp");

        assertThat(rows).containsExactly(
                Map.of("meter", "m1", "kwh", 412345.678, "power", 23450L, "timestamp", T0),
                Map.of("meter", "m2", "kwh", 0.30000000000000004, "power", -1L, "timestamp", T0.plusNanos(1_000)));
    }

    @Test
    void dedupUpsertTableOverwritesARewrittenPoint(QuestDbServer questdb) {
        questdb.exec("CREATE TABLE harness_kpi (ts TIMESTAMP, tag SYMBOL, value DOUBLE)"
                + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, tag)");

        write(questdb, Point.measurement("harness_kpi").addTag("tag", "a").addField("value", 1.5).time(T0, WritePrecision.NS),
                Point.measurement("harness_kpi").addTag("tag", "b").addField("value", 9.0).time(T0, WritePrecision.NS));
        write(questdb, Point.measurement("harness_kpi").addTag("tag", "a").addField("value", 2.5).time(T0, WritePrecision.NS));
        questdb.awaitWalApplied("harness_kpi", WAL_TIMEOUT);

        assertThat(questdb.query("select tag, value, ts from harness_kpi order by tag")).containsExactly(
                Map.of("tag", "a", "value", 2.5, "ts", T0),
                Map.of("tag", "b", "value", 9.0, "ts", T0));
    }

    @Test
    void reportsSqlErrorsWithQuestDbsMessage(QuestDbServer questdb) {
        assertThatThrownBy(() -> questdb.query("select * from no_such_table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void keepsDataOverKillAndRestart(@PrivateServer QuestDbServer questdb) {
        String url = questdb.httpUrl();
        write(questdb, Point.measurement("harness_durable").addTag("meter", "m1").addField("kwh", 1.25)
                .time(T0, WritePrecision.NS));
        questdb.awaitWalApplied("harness_durable", WAL_TIMEOUT);

        questdb.kill();
        questdb.start();

        assertThat(questdb.httpUrl()).isEqualTo(url);
        assertThat(questdb.query("select meter, kwh from harness_durable"))
                .containsExactly(Map.of("meter", "m1", "kwh", 1.25));
    }

    private static void write(QuestDbServer questdb, Point... points) {
        try (InfluxDBClient client = InfluxDBClientFactory.create(questdb.httpUrl(), "any-token".toCharArray(),
                "any-org", "any-bucket")) {
            client.getWriteApiBlocking().writePoints(List.of(points));
        }
    }
}
