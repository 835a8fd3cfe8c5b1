package org.straumflyt.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.straumflyt.model.WeatherSample;

/**
 * Turns one parsed MQTT payload of a weather sensor into outdoor temperature samples in °C. Implementations are
 * stateless. The checks shared by all formats (finite, physically plausible, not in the future) happen after
 * decoding.
 */
public interface TemperatureFormat {

    /**
     * @param payload the payload, already parsed as JSON (NaN and Infinity tokens allowed)
     * @param context the route's attributes and the ids from the topic
     * @return at least one sample
     * @throws InvalidPayload with the dead-letter reason when the payload cannot give samples
     */
    List<WeatherSample> decode(JsonNode payload, MessageContext context) throws InvalidPayload;
}
