package org.straumflyt.ingest.format.tasmota;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.ReadingFormat;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Registers;

/**
 * Tasmota telemetry, {@code tele/<topic>/SENSOR}: {@code {"Time":"...","ENERGY":{"Total":kWh,"Power":W,...}}}.
 * <ul>
 *   <li>{@code ENERGY.Total} kWh → register import; {@code ENERGY.ExportActive} kWh → register export;
 *       {@code ENERGY.Power} W → power import (kW);</li>
 *   <li>{@code Time} is the device's local time without offset, read in the route's zone ({@link TasmotaTime}).</li>
 *   <li>Multi-channel devices send arrays. When {@code Total} is an array (per channel, {@code SetOption129 1}),
 *       channel <i>i</i> (1-based) is meter {@code <meterId>-<i>}, and {@code Power}/{@code ExportActive} must be
 *       arrays of the same length. When {@code Total} is one number, a {@code Power} array is summed.</li>
 * </ul>
 * Meter id: the topic's only (the route's template, e.g. {@code tele/{meterId}/SENSOR}).
 */
public final class TasmotaFormat implements ReadingFormat {

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        if (!payload.isObject()) {
            throw InvalidPayload.unparseable("expected a Tasmota SENSOR object, got " + payload.getNodeType());
        }
        JsonNode energy = payload.get("ENERGY");
        if (energy == null || !energy.isObject()) {
            throw InvalidPayload.unparseable("no 'ENERGY' object: not a Tasmota energy-monitoring SENSOR message");
        }
        String meterId = FormatSupport.meterId(context, null, "");
        Instant at = TasmotaTime.of(PayloadJson.optionalText(payload, "Time"), context);
        JsonNode total = energy.get("Total");
        List<Reading> readings = new ArrayList<>();
        if (total != null && total.isArray()) {
            perChannel(readings, context, meterId, energy, total.size(), at);
        } else {
            single(readings, context, meterId, energy, at);
        }
        return readings;
    }

    private static void single(List<Reading> readings, MessageContext context, String meterId, JsonNode energy,
            Instant at) throws InvalidPayload {
        Double total = PayloadJson.optionalNumber(energy, "Total");
        if (total != null) {
            readings.add(FormatSupport.reading(context, meterId, Registers.IMPORT, ReadingKind.ENERGY_REGISTER, total, at));
        }
        Double exported = sum(energy.get("ExportActive"), "ExportActive");
        if (exported != null) {
            readings.add(FormatSupport.reading(context, meterId, Registers.EXPORT, ReadingKind.ENERGY_REGISTER,
                    exported, at));
        }
        Double watts = sum(energy.get("Power"), "Power");
        if (watts != null) {
            readings.add(FormatSupport.reading(context, meterId, Registers.IMPORT, ReadingKind.POWER, watts / 1000.0, at));
        }
    }

    private static void perChannel(List<Reading> readings, MessageContext context, String meterId, JsonNode energy,
            int channels, Instant at) throws InvalidPayload {
        JsonNode power = channelArray(energy, "Power", channels);
        JsonNode exported = channelArray(energy, "ExportActive", channels);
        JsonNode total = energy.get("Total");
        for (int i = 0; i < channels; i++) {
            String channelMeter = meterId + "-" + (i + 1);
            readings.add(FormatSupport.reading(context, channelMeter, Registers.IMPORT, ReadingKind.ENERGY_REGISTER,
                    PayloadJson.asNumber(total.get(i), "Total[" + i + "]"), at));
            if (exported != null) {
                readings.add(FormatSupport.reading(context, channelMeter, Registers.EXPORT, ReadingKind.ENERGY_REGISTER,
                        PayloadJson.asNumber(exported.get(i), "ExportActive[" + i + "]"), at));
            }
            if (power != null) {
                readings.add(FormatSupport.reading(context, channelMeter, Registers.IMPORT, ReadingKind.POWER,
                        PayloadJson.asNumber(power.get(i), "Power[" + i + "]") / 1000.0, at));
            }
        }
    }

    private static JsonNode channelArray(JsonNode energy, String field, int channels) throws InvalidPayload {
        JsonNode node = energy.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() != channels) {
            throw InvalidPayload.unparseable("'Total' has " + channels + " channels but '" + field + "' is " + node);
        }
        return node;
    }

    private static Double sum(JsonNode node, String field) throws InvalidPayload {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            return PayloadJson.asNumber(node, field);
        }
        double sum = 0;
        for (int i = 0; i < node.size(); i++) {
            sum += PayloadJson.asNumber(node.get(i), field + "[" + i + "]");
        }
        return sum;
    }
}
