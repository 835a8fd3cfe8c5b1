package org.straumflyt.tools.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.wire.Json;

/**
 * Turns the JSON of a registry record into the model's record through the model's one codec ({@link Json}), so every
 * field the model knows is read here too, with a reason an operator can act on when it fails.
 */
final class RecordReader {
    private RecordReader() {
    }

    /**
     * Reads the record.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    static <T> T read(JsonNode json, Class<T> type) {
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(where(e) + reason(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The fields of {@code input} the codec did not read: present in the input with a value, absent from the record
     * as written back. The codec ignores unknown fields (so consumers survive additions); an import must not, or a
     * misspelt {@code heatedArea} would silently leave the area unknown.
     */
    static List<String> unknownFields(JsonNode input, Object record) {
        List<String> unknown = new ArrayList<>();
        collect(input, Json.mapper().valueToTree(record), "", unknown);
        return unknown;
    }

    private static void collect(JsonNode input, JsonNode written, String path, List<String> unknown) {
        if (input.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode counterpart = written == null ? null : written.get(field.getKey());
                if (field.getValue().isNull()) {
                    continue;
                }
                if (counterpart == null) {
                    unknown.add(at);
                } else {
                    collect(field.getValue(), counterpart, at, unknown);
                }
            }
        } else if (input.isArray() && written != null && written.isArray()) {
            for (int i = 0; i < input.size() && i < written.size(); i++) {
                collect(input.get(i), written.get(i), path + "[" + i + "]", unknown);
            }
        }
    }

    /** {@code meters[1].carrier: } from the exception's path, or nothing at the top level. */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : path + ": ";
    }

    /** The model's own message when a record or enum refused the value, else the codec's. */
    private static String reason(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e || root instanceof JsonProcessingException || root.getMessage() == null) {
            return e.getOriginalMessage();
        }
        if (root instanceof NullPointerException) {
            return root.getMessage() + " is missing"; // Objects.requireNonNull(field, "field") in the records
        }
        return root.getMessage(); // the record's own check, e.g. ZoneId.of or a range
    }
}
