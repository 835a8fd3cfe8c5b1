package org.straumflyt.dashboard.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.wire.Json;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.QuestDbTables;

/**
 * {@link KpiReader} over QuestDB's HTTP {@code /exec} SQL endpoint, on the tables the publisher creates
 * ({@link QuestDbTables}): one table per measurement, tags and fields as columns, the hour start in {@code time}.
 * The upsert keys of those tables hold one row per building and hour, the latest revision, so no query here
 * needs to pick a revision.
 */
public final class QuestDbKpiReader implements KpiReader {
    static final String TABLE = KpiLayouts.BUILDING_HOURLY.name();
    static final String TIME = QuestDbTables.TIME_COLUMN;
    /** The columns {@link #hours} reads; a test checks each is a tag or field of {@code building_hourly}. */
    static final List<String> HOUR_COLUMNS = List.of("building", "municipality", "category", "import_kwh",
            "kwh_per_m2", "peak_kw", "meters_reporting", "meters_expected", "coverage", "flags");
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = Json.mapper();

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient client;

    public QuestDbKpiReader(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<BuildingSeen> buildings() {
        List<BuildingSeen> buildings = new ArrayList<>();
        for (Map<String, JsonNode> row : query("SELECT building, municipality, category, max(" + q(TIME)
                + ") newest FROM " + q(TABLE) + " GROUP BY building, municipality, category ORDER BY building")) {
            buildings.add(new BuildingSeen(text(row.get("building")), text(row.get("municipality")),
                    text(row.get("category")), Instant.parse(row.get("newest").asText())));
        }
        return buildings;
    }

    @Override
    public List<HourRow> hours(Instant from, Instant to, String buildingId) {
        StringBuilder sql = new StringBuilder("SELECT ").append(q(TIME));
        HOUR_COLUMNS.forEach(c -> sql.append(", ").append(q(c)));
        sql.append(" FROM ").append(q(TABLE)).append(" WHERE ").append(q(TIME)).append(" >= '")
                .append(SQL_TIME.format(from)).append("' AND ").append(q(TIME)).append(" < '")
                .append(SQL_TIME.format(to)).append('\'');
        if (buildingId != null) {
            sql.append(" AND building = '").append(buildingId.replace("'", "''")).append('\'');
        }
        sql.append(" ORDER BY ").append(q(TIME)).append(", building");
        List<HourRow> rows = new ArrayList<>();
        for (Map<String, JsonNode> row : query(sql.toString())) {
            String flags = text(row.get("flags"));
            rows.add(new HourRow(text(row.get("building")), text(row.get("municipality")), text(row.get("category")),
                    Instant.parse(row.get(TIME).asText()), number(row.get("import_kwh"), 0.0),
                    number(row.get("kwh_per_m2"), null), number(row.get("peak_kw"), null),
                    (int) (double) number(row.get("meters_reporting"), 0.0),
                    (int) (double) number(row.get("meters_expected"), 0.0),
                    number(row.get("coverage"), 0.0),
                    flags == null || flags.isBlank() ? List.of() : Arrays.asList(flags.split(","))));
        }
        return rows;
    }

    @Override
    public boolean available() {
        try {
            exec("SELECT 1");
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** Rows by column name; no rows when the table does not exist yet (nothing was published). */
    private List<Map<String, JsonNode>> query(String sql) {
        JsonNode answer;
        try {
            answer = exec(sql);
        } catch (StoreException e) {
            if (e.getMessage().contains("does not exist")) {
                return List.of();
            }
            throw e;
        }
        JsonNode columns = answer.path("columns");
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode values : answer.path("dataset")) {
            Map<String, JsonNode> row = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i).path("name").asText(), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private JsonNode exec(String sql) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || body.has("error")) {
                throw new StoreException("the store rejected a query (HTTP " + response.statusCode() + "): "
                        + body.path("error").asText(""));
            }
            return body;
        } catch (IOException e) {
            throw new StoreException("the store at " + baseUrl + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while querying the store");
        }
    }

    private static String q(String identifier) {
        return '"' + identifier + '"';
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A number; QuestDB answers NaN and SQL NULL of a double column alike, as null. */
    private static Double number(JsonNode node, Double absent) {
        return node == null || node.isNull() || !node.isNumber() ? absent : Double.valueOf(node.asDouble());
    }
}
