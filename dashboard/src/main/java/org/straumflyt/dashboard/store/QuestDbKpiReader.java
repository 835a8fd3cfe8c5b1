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
    static final String DAY_TABLE = KpiLayouts.BUILDING_DAILY.name();
    static final String MONTH_TABLE = KpiLayouts.BUILDING_MONTHLY.name();
    static final String PORTFOLIO_TABLE = KpiLayouts.PORTFOLIO.name();
    static final String CATEGORY_TABLE = KpiLayouts.PORTFOLIO_CATEGORY.name();
    static final String TIME = QuestDbTables.TIME_COLUMN;
    /** The columns {@link #hours} reads; a test checks each is a tag or field of {@code building_hourly}. */
    static final List<String> HOUR_COLUMNS = List.of("building", "municipality", "category", "import_kwh",
            "kwh_per_m2", "peak_kw", "meters_reporting", "meters_expected", "coverage", "flags");
    /** The columns {@link #days} reads, of {@code building_daily}. */
    static final List<String> DAY_COLUMNS = List.of("building", "time_zone", "import_kwh", "kwh_per_m2",
            "peak_hour_kwh", "peak_hour_start", "mean_temperature_c", "hours_in_day", "hours_with_data", "coverage",
            "flags");
    /** The columns {@link #months} reads, of {@code building_monthly}. */
    static final List<String> MONTH_COLUMNS = List.of("building", "time_zone", "import_kwh", "kwh_per_m2",
            "peak_hour_kwh", "peak_hour_start", "capacity_peak_kw", "days_with_data", "coverage", "flags");
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
        List<HourRow> rows = new ArrayList<>();
        for (Map<String, JsonNode> row : query(select(TABLE, HOUR_COLUMNS, from, to, buildingId))) {
            rows.add(new HourRow(text(row.get("building")), text(row.get("municipality")), text(row.get("category")),
                    Instant.parse(row.get(TIME).asText()), number(row.get("import_kwh"), 0.0),
                    number(row.get("kwh_per_m2"), null), number(row.get("peak_kw"), null),
                    whole(row.get("meters_reporting")), whole(row.get("meters_expected")),
                    number(row.get("coverage"), 0.0), flags(row.get("flags"))));
        }
        return rows;
    }

    @Override
    public List<DayRow> days(Instant from, Instant to, String buildingId) {
        List<DayRow> rows = new ArrayList<>();
        for (Map<String, JsonNode> row : query(select(DAY_TABLE, DAY_COLUMNS, from, to, buildingId))) {
            rows.add(new DayRow(text(row.get("building")), Instant.parse(row.get(TIME).asText()),
                    text(row.get("time_zone")), number(row.get("import_kwh"), 0.0),
                    number(row.get("kwh_per_m2"), null), number(row.get("peak_hour_kwh"), null),
                    instant(row.get("peak_hour_start")), number(row.get("mean_temperature_c"), null),
                    whole(row.get("hours_in_day")), whole(row.get("hours_with_data")),
                    number(row.get("coverage"), 0.0), flags(row.get("flags"))));
        }
        return rows;
    }

    @Override
    public List<MonthRow> months(Instant from, Instant to, String buildingId) {
        List<MonthRow> rows = new ArrayList<>();
        for (Map<String, JsonNode> row : query(select(MONTH_TABLE, MONTH_COLUMNS, from, to, buildingId))) {
            rows.add(new MonthRow(text(row.get("building")), Instant.parse(row.get(TIME).asText()),
                    text(row.get("time_zone")), number(row.get("import_kwh"), 0.0),
                    number(row.get("kwh_per_m2"), null), number(row.get("peak_hour_kwh"), null),
                    instant(row.get("peak_hour_start")), number(row.get("capacity_peak_kw"), null),
                    whole(row.get("days_with_data")), number(row.get("coverage"), 0.0), flags(row.get("flags"))));
        }
        return rows;
    }

    /**
     * The newest record of every municipality and period. {@code LATEST ON} picks, per (municipality, period),
     * the row with the greatest time: for {@code rolling_12_months} the newest daily figure, for
     * {@code year_to_date} the current year.
     */
    @Override
    public List<PortfolioRow> portfolios() {
        List<PortfolioRow> portfolios = new ArrayList<>();
        for (Map<String, JsonNode> row : query("SELECT * FROM " + q(PORTFOLIO_TABLE) + " LATEST ON " + q(TIME)
                + " PARTITION BY municipality, period")) {
            String municipality = text(row.get("municipality"));
            String period = text(row.get("period"));
            List<Map<String, Object>> categories = new ArrayList<>();
            for (Map<String, JsonNode> category : query("SELECT * FROM " + q(CATEGORY_TABLE) + " WHERE "
                    + q(TIME) + " = '" + row.get(TIME).asText() + "' AND municipality = '" + literal(municipality)
                    + "' AND period = '" + literal(period) + "' ORDER BY category")) {
                categories.add(values(category));
            }
            portfolios.add(new PortfolioRow(municipality, period, values(row), categories));
        }
        portfolios.sort(java.util.Comparator.comparing(PortfolioRow::municipality)
                .thenComparing(PortfolioRow::period));
        return portfolios;
    }

    private static String select(String table, List<String> columns, Instant from, Instant to, String buildingId) {
        StringBuilder sql = new StringBuilder("SELECT ").append(q(TIME));
        columns.forEach(c -> sql.append(", ").append(q(c)));
        sql.append(" FROM ").append(q(table)).append(" WHERE ").append(q(TIME)).append(" >= '")
                .append(SQL_TIME.format(from)).append("' AND ").append(q(TIME)).append(" < '")
                .append(SQL_TIME.format(to)).append('\'');
        if (buildingId != null) {
            sql.append(" AND building = '").append(literal(buildingId)).append('\'');
        }
        sql.append(" ORDER BY ").append(q(TIME)).append(", building");
        return sql.toString();
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

    private static String literal(String text) {
        return text.replace("'", "''");
    }

    /** Every column with a value: numbers as numbers, the rest as text. */
    private static Map<String, Object> values(Map<String, JsonNode> row) {
        Map<String, Object> values = new java.util.TreeMap<>();
        row.forEach((column, node) -> {
            if (node == null || node.isNull()) {
                return;
            }
            values.put(column, node.isNumber() ? (Object) node.asDouble() : node.asText());
        });
        return values;
    }

    private static int whole(JsonNode node) {
        return (int) (double) number(node, 0.0);
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }

    private static List<String> flags(JsonNode node) {
        String flags = text(node);
        return flags == null || flags.isBlank() ? List.of() : Arrays.asList(flags.split(","));
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
