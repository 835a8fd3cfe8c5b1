package org.straumflyt.ingest.format.tasmota;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.TemperatureFormat;
import org.straumflyt.ingest.format.Units;
import org.straumflyt.model.WeatherSample;

/**
 * Tasmota telemetry of a temperature sensor, {@code tele/<topic>/SENSOR}:
 * {@code {"Time":"...","DS18B20":{"Id":"...","Temperature":-6.4},"TempUnit":"C"}}. Each sensor is an object named
 * after its driver ({@code DS18B20}, {@code DS18B20-2} when there are several, {@code SI7021}, {@code BME280},
 * {@code AM2301}, ...) with a {@code Temperature} in {@code TempUnit} ({@code C}, or {@code F} with
 * {@code SetOption8 1}; {@code C} when absent).
 * <ul>
 *   <li>The route's sensor ({@code route.<name>.sensor}) names the object to read; without it the message must have
 *       exactly one. The ESP32's own chip temperature ({@code ESP32}) is never an outdoor temperature.</li>
 *   <li>{@code Time} as in {@link TasmotaTime}: local time in the route's zone.</li>
 * </ul>
 * Location id: the route's (fixed, or {@code {locationId}} in its topic template).
 */
public final class TasmotaTemperatureFormat implements TemperatureFormat {
    /** Sections that carry a temperature which is not the outside air's. */
    private static final List<String> NOT_OUTDOOR = List.of("ESP32");

    @Override
    public List<WeatherSample> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        if (!payload.isObject()) {
            throw InvalidPayload.unparseable("expected a Tasmota SENSOR object, got " + payload.getNodeType());
        }
        String locationId = FormatSupport.locationId(context, null);
        JsonNode sensor = sensor(payload, context.route().sensor());
        String unit = PayloadJson.optionalText(payload, "TempUnit");
        double raw = PayloadJson.number(sensor, "Temperature");
        double celsius = Units.toCelsius(raw, unit == null ? "C" : unit);
        return List.of(FormatSupport.sample(context, locationId, celsius,
                TasmotaTime.of(PayloadJson.optionalText(payload, "Time"), context)));
    }

    private static JsonNode sensor(JsonNode payload, String named) throws InvalidPayload {
        List<String> candidates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject() && field.getValue().has("Temperature")
                    && !NOT_OUTDOOR.contains(field.getKey())) {
                candidates.add(field.getKey());
            }
        }
        if (named != null) {
            if (!candidates.contains(named)) {
                throw InvalidPayload.unparseable("no sensor '" + named + "' with a Temperature in the message; "
                        + "it has " + candidates);
            }
            return payload.get(named);
        }
        if (candidates.size() != 1) {
            throw InvalidPayload.unparseable(candidates.isEmpty()
                    ? "no sensor with a Temperature: not a Tasmota temperature SENSOR message"
                    : "several temperature sensors " + candidates + ": name one in the route's sensor key");
        }
        return payload.get(candidates.get(0));
    }
}
