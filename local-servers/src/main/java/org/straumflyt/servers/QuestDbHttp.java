package org.straumflyt.servers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs SQL on QuestDB's HTTP {@code /exec} endpoint and converts the JSON result to Java values. */
final class QuestDbHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    QuestDbHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Runs a statement and returns the parsed JSON answer, failing on an error answer. */
    JsonNode exec(String sql, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("QuestDB at " + baseUrl + " did not answer `" + sql + "`: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running `" + sql + "`", e);
        }
        JsonNode body = parse(sql, response);
        if (response.statusCode() != 200 || body.has("error")) {
            throw new IllegalStateException("QuestDB rejected `" + sql + "` (HTTP " + response.statusCode() + "): "
                    + body.path("error").asText(response.body()));
        }
        return body;
    }

    /** Converts an {@code /exec} answer to rows, keyed by column name in column order. */
    static List<Map<String, Object>> rows(JsonNode answer) {
        JsonNode columns = answer.path("columns");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode values : answer.path("dataset")) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                JsonNode column = columns.get(i);
                row.put(column.path("name").asText(), value(column.path("type").asText(), values.get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(String type, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case "BOOLEAN" -> node.booleanValue();
            case "BYTE", "SHORT", "INT" -> node.intValue();
            case "LONG" -> node.longValue();
            case "FLOAT" -> Float.parseFloat(node.asText());
            case "DOUBLE" -> Double.parseDouble(node.asText());
            case "TIMESTAMP", "TIMESTAMP_NS", "DATE" -> Instant.parse(node.asText());
            default -> node.isTextual() ? node.textValue() : node.toString();
        };
    }

    private static JsonNode parse(String sql, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("QuestDB answered `" + sql + "` with HTTP " + response.statusCode()
                    + " and no JSON: " + response.body(), e);
        }
    }
}
