package org.straumflyt.ingest.format.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.straumflyt.ingest.format.InvalidPayload;

/** The walk over a canonical payload that is either one object or a non-empty array of objects. */
final class ObjectOrArray {
    private ObjectOrArray() {
    }

    /** Decodes one object of the payload. */
    @FunctionalInterface
    interface Element<T> {
        T decode(JsonNode object) throws InvalidPayload;
    }

    /**
     * Decodes a lone object, or each object of an array; an element's failure names its index ({@code element 2: …}).
     *
     * @param wrongShape the failure for a payload that is neither an object nor a non-empty array
     */
    static <T> List<T> decode(JsonNode payload, Element<T> element, Function<JsonNode, InvalidPayload> wrongShape)
            throws InvalidPayload {
        if (payload.isObject()) {
            return List.of(element.decode(payload));
        }
        if (!payload.isArray() || payload.isEmpty()) {
            throw wrongShape.apply(payload);
        }
        List<T> decoded = new ArrayList<>(payload.size());
        for (int i = 0; i < payload.size(); i++) {
            JsonNode node = payload.get(i);
            if (!node.isObject()) {
                throw InvalidPayload.unparseable("element " + i + " is not an object");
            }
            try {
                decoded.add(element.decode(node));
            } catch (InvalidPayload e) {
                throw new InvalidPayload(e.reason(), "element " + i + ": " + e.getMessage());
            }
        }
        return decoded;
    }
}
