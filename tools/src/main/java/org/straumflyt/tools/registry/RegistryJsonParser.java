package org.straumflyt.tools.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.Building;
import org.straumflyt.model.wire.Json;
import org.straumflyt.tools.registry.RegistryFile.MalformedFileException;

/**
 * Reads a JSON array of registry records, each exactly as on the {@code registry.buildings} topic (see
 * docs/TOPICS.md), through the model's codec: every field the model knows is read, so the import grows with the
 * registry. A record the codec refuses, or with a field it does not know, is rejected with the line where it starts.
 * Text that is not JSON rejects the whole file.
 */
public final class RegistryJsonParser {

    /** Reads the whole input. */
    public RegistryFile parse(Reader reader) throws IOException {
        List<RegistryEntry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (JsonParser json = Json.mapper().createParser(reader)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedFileException("line " + json.currentTokenLocation().getLineNr()
                        + ": expected a JSON array of registry records, [ {\"buildingId\": ...}, ... ]");
            }
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new MalformedFileException("the JSON array is not closed");
                }
                long line = json.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    rejections.add(new Rejection(line, "expected a registry record (a JSON object), got " + token));
                    json.skipChildren();
                    continue;
                }
                JsonNode record = Json.mapper().readTree(json);
                try {
                    entries.add(RegistryEntry.atLine(line, read(record)));
                } catch (IllegalArgumentException e) {
                    rejections.add(new Rejection(line, describe(record) + e.getMessage()));
                }
            }
            if (json.nextToken() != null) {
                throw new MalformedFileException("line " + json.currentTokenLocation().getLineNr()
                        + ": text after the end of the JSON array");
            }
            return new RegistryFile(json.currentLocation().getLineNr(), entries, rejections);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedFileException("line " + line + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Building read(JsonNode record) {
        if (!record.hasNonNull("buildingId") || record.get("buildingId").asText().isBlank()) {
            throw new IllegalArgumentException("buildingId is missing");
        }
        Building building = RecordReader.read(record, Building.class);
        List<String> unknown = RecordReader.unknownFields(record, building);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " (the fields are those of docs/TOPICS.md, registry.buildings)");
        }
        return building;
    }

    private static String describe(JsonNode record) {
        JsonNode id = record.get("buildingId");
        return id == null || !id.isTextual() ? "" : "building " + id.asText() + ": ";
    }
}
