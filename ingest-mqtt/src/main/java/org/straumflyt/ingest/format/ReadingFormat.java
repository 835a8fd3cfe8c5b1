package org.straumflyt.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.straumflyt.model.Reading;

/**
 * Turns one parsed MQTT payload of a meter into readings in canonical units (kWh, kW). Implementations are stateless.
 * Value checks shared by all formats (finite, non-negative registers, not in the future) happen after decoding.
 */
public interface ReadingFormat {

    /**
     * @param payload the payload, already parsed as JSON (NaN and Infinity tokens allowed, so that they are
     *                reported as such rather than as unparseable)
     * @param context the route's attributes and the ids from the topic
     * @return at least one reading
     * @throws InvalidPayload with the dead-letter reason when the payload cannot give readings
     * @throws NothingToMeter  when the payload is a well-formed message that has no meter values by design
     */
    List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload, NothingToMeter;
}
