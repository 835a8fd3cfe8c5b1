package org.straumflyt.publisher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.servers.QuestDbServer;

/** Reading back from QuestDB in tests: DDL of the layout, and bounded waits for WAL tables. */
final class StoreTables {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private StoreTables() {
    }

    /** Creates every KPI table with its upsert keys (idempotent). */
    static void create(QuestDbServer questDb) {
        QuestDbTables.createStatements().forEach(questDb::exec);
    }

    /** Runs a query after every acknowledged write to {@code table} is visible. */
    static List<Map<String, Object>> query(QuestDbServer questDb, String table, String sql) {
        questDb.awaitWalApplied(table, WAIT);
        return questDb.query(sql);
    }
}
