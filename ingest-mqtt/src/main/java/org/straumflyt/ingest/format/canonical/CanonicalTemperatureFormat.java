package org.straumflyt.ingest.format.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.TemperatureFormat;
import org.straumflyt.ingest.format.Units;
import org.straumflyt.model.WeatherSample;

/**
 * straumflyt's own temperature JSON: one sample object or an array of them,
 * {@code {"temperature": -3.5, "timestamp": "2026-01-05T10:00:00Z"}}, with optional {@code unit} ({@code C} by
 * default, {@code F}, {@code K}) and {@code locationId} (which wins over the topic's and the route's, so one gateway
 * topic can carry many locations). {@code timestamp} is ISO-8601 with offset or epoch milliseconds; a sensor without
 * a clock may leave it out, and the sample is stamped with its arrival.
 */
public final class CanonicalTemperatureFormat implements TemperatureFormat {

    @Override
    public List<WeatherSample> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        return ObjectOrArray.decode(payload, node -> sample(node, context), p -> InvalidPayload.unparseable(
                "expected a temperature object or a non-empty array of them, got " + p));
    }

    private static WeatherSample sample(JsonNode node, MessageContext context) throws InvalidPayload {
        String locationId = FormatSupport.locationId(context, PayloadJson.optionalText(node, "locationId"));
        String unit = PayloadJson.optionalText(node, "unit");
        double raw = PayloadJson.number(node, "temperature");
        double celsius = unit == null ? raw : Units.toCelsius(raw, unit);
        return FormatSupport.sample(context, locationId, celsius, time(node.get("timestamp"), context));
    }

    private static Instant time(JsonNode node, MessageContext context) throws InvalidPayload {
        if (node == null || node.isNull()) {
            return context.arrivalAsTimestamp("a temperature without 'timestamp'");
        }
        if (node.isNumber() && Double.isFinite(node.doubleValue())) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (node.isTextual()) {
            return PayloadJson.isoInstant(node.asText().trim(), "timestamp");
        }
        throw InvalidPayload.unparseable("'timestamp' is neither ISO-8601 text nor epoch milliseconds: " + node);
    }
}
