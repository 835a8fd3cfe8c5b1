package org.straumflyt.publisher.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * QuestDB tables for the KPI layout, generated from the same {@link Measurement} definitions the writer uses.
 *
 * <p>QuestDB creates a table on the first write, but without deduplication: a rewrite would add a second row.
 * Creating the tables first with {@code DEDUP UPSERT KEYS(time, <tags>)} makes a rewrite replace the row, as a
 * rewrite of a point with the same series and timestamp does in InfluxDB. The designated timestamp column is named
 * {@value #TIME_COLUMN}, as in InfluxDB 3, so the same SQL runs against both.
 */
public final class QuestDbTables {
    /** The designated timestamp column: the point's timestamp, the start of the period. */
    public static final String TIME_COLUMN = "time";

    private QuestDbTables() {
    }

    /** One {@code CREATE TABLE IF NOT EXISTS} statement per measurement of the layout. */
    public static List<String> createStatements() {
        List<String> statements = new ArrayList<>();
        for (Measurement<?> measurement : KpiLayouts.measurements()) {
            statements.add(createStatement(measurement));
        }
        return statements;
    }

    /**
     * The statement for one measurement: tags as {@code SYMBOL}, fields as their QuestDB types, daily partitions,
     * WAL, and the series identity plus timestamp as upsert keys.
     */
    public static String createStatement(Measurement<?> measurement) {
        String columns = Stream.concat(
                        measurement.tags().stream().map(t -> quote(t.name()) + " SYMBOL"),
                        measurement.fields().stream().map(f -> quote(f.name()) + " " + f.type().questDbType()))
                .collect(Collectors.joining(", "));
        String keys = Stream.concat(Stream.of(TIME_COLUMN), measurement.tags().stream().map(TagColumn::name))
                .map(QuestDbTables::quote)
                .collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + quote(measurement.name()) + " (" + columns + ", "
                + quote(TIME_COLUMN) + " TIMESTAMP) TIMESTAMP(" + quote(TIME_COLUMN) + ") PARTITION BY DAY WAL"
                + " DEDUP UPSERT KEYS(" + keys + ")";
    }

    /** The table names, one per measurement. */
    public static List<String> tableNames() {
        return KpiLayouts.measurements().stream().map(Measurement::name).toList();
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
