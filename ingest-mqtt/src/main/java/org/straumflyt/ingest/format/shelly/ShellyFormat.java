package org.straumflyt.ingest.format.shelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.straumflyt.ingest.format.Delivery;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.NothingToMeter;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.ReadingFormat;
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
 * <p>Time of a status message (it carries no time of its own but the energy counter's minute):
 * <ul>
 *   <li>{@code aenergy.total} (and {@code ret_aenergy.total}) is stamped at {@code aenergy.minute_ts}
 *       ({@code ret_aenergy.minute_ts}), the device's time of the minute boundary at which the counter was last
 *       closed. The device closes the counter once a minute: at {@code minute_ts} it adds the minute just ended
 *       ({@code by_minute[0]}) to {@code total}, and every status it sends until the next boundary repeats that
 *       {@code total} and {@code minute_ts} (its {@code NotifyStatus} deltas carry {@code aenergy} only at the
 *       boundary). So the pair is an exact register reading, every message of the minute gives the same one (a
 *       duplicate, which changes nothing), and a backlog delivered hours late lands where it belongs.</li>
 *   <li>{@code apower} is the power when the message was sent, somewhere in {@code [minute_ts, minute_ts + 60 s)}.
 *       It is stamped with the arrival time when that arrival is at most {@link #LIVE_WINDOW} after
 *       {@code minute_ts} (a live message); a later arrival is history whose second is unknown, and its power is
 *       left out (the register carries the energy; the hour just has no power sample from it).</li>
 *   <li>Components without {@code minute_ts} (EM, EMData, EM1, EM1Data, older Switch firmware) are stamped with the
 *       arrival time; when the message is a redelivery after a reconnect ({@link Delivery#REPLAYED}) it is a dead
 *       letter {@code UNTIMED_REPLAY} instead of history booked as now.</li>
 * </ul>
 * The meter id comes from the topic only: the payload's {@code id} is the component index.
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
public final class ShellyFormat implements ReadingFormat {
    private static final Pattern METERING_COMPONENT =
            Pattern.compile("(?:switch|pm1|cover|em|emdata|em1|em1data):(\\d+)");
    private static final List<String> STATUS_METHODS = List.of("NotifyStatus", "NotifyFullStatus");
    /**
     * How long after {@code minute_ts} a status may arrive and still be live: the minute itself plus 30 s for the
     * trip and for the difference between the device's clock and ingest's.
     */
    public static final Duration LIVE_WINDOW = Duration.ofSeconds(90);

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload, NothingToMeter {
        if (!payload.isObject()) {
            throw InvalidPayload.unparseable("expected a Shelly component status object, got " + payload.getNodeType());
        }
        if (payload.has("method")) {
            return notification(payload, context);
        }
        String meterId = FormatSupport.meterId(context, null, "");
        List<Reading> readings = component(payload, context, meterId, null);
        if (readings.isEmpty()) {
            throw InvalidPayload.unparseable("no energy or power field (apower, aenergy.total, total_act_power, "
                    + "total_act, act_power, total_act_energy): not a metering Shelly component status");
        }
        return readings;
    }

    private static List<Reading> notification(JsonNode frame, MessageContext context)
            throws InvalidPayload, NothingToMeter {
        String method = PayloadJson.optionalText(frame, "method");
        if (method == null || !STATUS_METHODS.contains(method)) { // List.of(...).contains(null) throws
            throw new NothingToMeter("Shelly " + (method == null ? "frame with an empty 'method'" : method
                    + " notification"));
        }
        JsonNode params = frame.get("params");
        if (params == null || !params.isObject()) {
            throw InvalidPayload.unparseable(method + " without a 'params' object");
        }
        Instant at = FormatSupport.optionalEpochSeconds(params, "ts");
        Instant stamp = at == null ? context.arrivalAsTimestamp("a Shelly " + method + " without params.ts") : at;
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

    /**
     * The readings of one component's status.
     *
     * @param notified the notification's time, or {@code null} for a status message (timed by its counter's minute)
     */
    private static List<Reading> component(JsonNode status, MessageContext context, String meterId, Instant notified)
            throws InvalidPayload {
        List<Reading> readings = new ArrayList<>(3);
        JsonNode aenergy = status.get("aenergy");
        JsonNode retAenergy = status.get("ret_aenergy");
        Instant minute = notified == null ? minute(aenergy) : null;
        Instant retMinute = notified == null && minute(retAenergy) != null ? minute(retAenergy) : minute;
        for (String field : List.of("apower", "total_act_power", "act_power")) {
            Double watts = PayloadJson.optionalNumber(status, field);
            Instant at = watts == null ? null : powerTime(context, notified, minute);
            if (at != null) {
                readings.add(FormatSupport.reading(context, meterId, Registers.IMPORT, ReadingKind.POWER,
                        watts / 1000.0, at));
            }
        }
        Instant stamp = notified != null ? notified : minute;
        Instant retStamp = notified != null ? notified : retMinute;
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(aenergy, "total"), stamp);
        register(readings, context, meterId, Registers.EXPORT, PayloadJson.optionalNumber(retAenergy, "total"),
                retStamp);
        // EMData and EM1Data carry no minute: a notification's time, else the arrival.
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(status, "total_act"),
                notified);
        register(readings, context, meterId, Registers.EXPORT, PayloadJson.optionalNumber(status, "total_act_ret"),
                notified);
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(status, "total_act_energy"),
                notified);
        register(readings, context, meterId, Registers.EXPORT,
                PayloadJson.optionalNumber(status, "total_act_ret_energy"), notified);
        return readings;
    }

    /** A counter's {@code minute_ts}, or {@code null} when the component has none. */
    private static Instant minute(JsonNode counter) throws InvalidPayload {
        return counter == null || !counter.isObject() ? null : FormatSupport.optionalEpochSeconds(counter, "minute_ts");
    }

    /** When a power value was measured; {@code null} for the power of a status that arrived as history. */
    private static Instant powerTime(MessageContext context, Instant notified, Instant minute) throws InvalidPayload {
        if (notified != null) {
            return notified;
        }
        if (minute == null) {
            return context.arrivalAsTimestamp("a Shelly status without aenergy.minute_ts");
        }
        return context.receivedAt().isAfter(minute.plus(LIVE_WINDOW)) ? null : context.receivedAt();
    }

    /**
     * A register reading at the device's time (a notification's, or the counter's minute), else at the arrival.
     *
     * @param at the device's time of the value, or {@code null} when the message gives none
     */
    private static void register(List<Reading> readings, MessageContext context, String meterId, String register,
            Double wattHours, Instant at) throws InvalidPayload {
        if (wattHours == null) {
            return;
        }
        Instant stamp = at != null ? at : context.arrivalAsTimestamp("a Shelly status without minute_ts");
        readings.add(FormatSupport.reading(context, meterId, register, ReadingKind.ENERGY_REGISTER, wattHours / 1000.0,
                stamp));
    }
}
