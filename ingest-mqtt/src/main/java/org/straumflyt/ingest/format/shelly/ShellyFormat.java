package org.straumflyt.ingest.format.shelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.NothingToMeter;
import org.straumflyt.ingest.format.PayloadFormat;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Registers;

/**
 * Shelly Gen2+ devices, in two forms.
 *
 * <p><b>Component status</b>, on {@code <prefix>/status/<component>:<id>} (the device's "generic status update over
 * MQTT"). The component is recognised by its fields:
 * <ul>
 *   <li>Switch, PM1, Cover: {@code apower} W → power import; {@code aenergy.total} Wh → register import;
 *       {@code ret_aenergy.total} Wh → register export;</li>
 *   <li>EM (three-phase meters): {@code total_act_power} W → power import (negative when exporting);</li>
 *   <li>EMData: {@code total_act} / {@code total_act_ret} Wh → register import / export;</li>
 *   <li>EM1 (single-phase channels): {@code act_power} W → power import;</li>
 *   <li>EM1Data: {@code total_act_energy} / {@code total_act_ret_energy} Wh → register import / export.</li>
 * </ul>
 * Status messages carry no measurement time ({@code aenergy.minute_ts} is the start of the minute, shared by every
 * message within it, which would make different totals look like conflicting readings), so readings are stamped
 * with the arrival time. The meter id comes from the topic only: the payload's {@code id} is the component index.
 *
 * <p><b>RPC notifications</b>, on {@code <prefix>/events/rpc} ("RPC status notifications over MQTT"):
 * {@code {"method":"NotifyStatus","params":{"ts":1736926212.43,"switch:0":{...}}}}. {@code params.ts} is the
 * device's time of the notification in epoch seconds, and the readings of every metering component in
 * {@code params} are stamped with it. Notifications carry only what changed, so a frame may give power without the
 * register or the other way round. Component {@code <type>:0} is meter {@code <meterId>}, {@code <type>:<n>} for
 * n ≥ 1 is {@code <meterId>-<n>} (the channels of a Pro 4PM or a Pro EM). {@code NotifyFullStatus} is read the same
 * way. Frames with nothing to meter ({@code NotifyEvent}, a {@code NotifyStatus} of Wi-Fi or inputs) are
 * {@link NothingToMeter}. Meter id: the topic's, else the frame's {@code src} (the device id).
 */
public final class ShellyFormat implements PayloadFormat {
    private static final Pattern METERING_COMPONENT =
            Pattern.compile("(?:switch|pm1|cover|em|emdata|em1|em1data):(\\d+)");
    private static final List<String> STATUS_METHODS = List.of("NotifyStatus", "NotifyFullStatus");

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload, NothingToMeter {
        if (!payload.isObject()) {
            throw InvalidPayload.unparseable("expected a Shelly component status object, got " + payload.getNodeType());
        }
        if (payload.has("method")) {
            return notification(payload, context);
        }
        String meterId = FormatSupport.meterId(context, null, "");
        List<Reading> readings = component(payload, context, meterId, context.receivedAt());
        if (readings.isEmpty()) {
            throw InvalidPayload.unparseable("no energy or power field (apower, aenergy.total, total_act_power, "
                    + "total_act, act_power, total_act_energy): not a metering Shelly component status");
        }
        return readings;
    }

    private static List<Reading> notification(JsonNode frame, MessageContext context)
            throws InvalidPayload, NothingToMeter {
        String method = PayloadJson.optionalText(frame, "method");
        if (!STATUS_METHODS.contains(method)) {
            throw new NothingToMeter("Shelly " + method + " notification");
        }
        JsonNode params = frame.get("params");
        if (params == null || !params.isObject()) {
            throw InvalidPayload.unparseable(method + " without a 'params' object");
        }
        Instant at = FormatSupport.optionalEpochSeconds(params, "ts");
        Instant stamp = at == null ? context.receivedAt() : at;
        String meterId = FormatSupport.meterId(context, PayloadJson.optionalText(frame, "src"), "'src'");
        List<Reading> readings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Matcher component = METERING_COMPONENT.matcher(field.getKey());
            if (component.matches() && field.getValue().isObject()) {
                int channel = Integer.parseInt(component.group(1));
                String channelMeter = channel == 0 ? meterId : meterId + "-" + channel;
                readings.addAll(component(field.getValue(), context, channelMeter, stamp));
            }
        }
        if (readings.isEmpty()) {
            throw new NothingToMeter("Shelly " + method + " without energy or power of a metering component");
        }
        return readings;
    }

    private static List<Reading> component(JsonNode status, MessageContext context, String meterId, Instant at)
            throws InvalidPayload {
        List<Reading> readings = new ArrayList<>(3);
        power(readings, context, meterId, PayloadJson.optionalNumber(status, "apower"), at);
        power(readings, context, meterId, PayloadJson.optionalNumber(status, "total_act_power"), at);
        power(readings, context, meterId, PayloadJson.optionalNumber(status, "act_power"), at);
        register(readings, context, meterId, Registers.IMPORT,
                PayloadJson.optionalNumber(status.get("aenergy"), "total"), at);
        register(readings, context, meterId, Registers.EXPORT,
                PayloadJson.optionalNumber(status.get("ret_aenergy"), "total"), at);
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(status, "total_act"), at);
        register(readings, context, meterId, Registers.EXPORT, PayloadJson.optionalNumber(status, "total_act_ret"),
                at);
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(status, "total_act_energy"),
                at);
        register(readings, context, meterId, Registers.EXPORT,
                PayloadJson.optionalNumber(status, "total_act_ret_energy"), at);
        return readings;
    }

    private static void power(List<Reading> readings, MessageContext context, String meterId, Double watts,
            Instant at) {
        if (watts != null) {
            readings.add(FormatSupport.reading(context, meterId, Registers.IMPORT, ReadingKind.POWER, watts / 1000.0,
                    at));
        }
    }

    private static void register(List<Reading> readings, MessageContext context, String meterId, String register,
            Double wattHours, Instant at) {
        if (wattHours != null) {
            readings.add(FormatSupport.reading(context, meterId, register, ReadingKind.ENERGY_REGISTER,
                    wattHours / 1000.0, at));
        }
    }
}
