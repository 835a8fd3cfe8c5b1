package org.straumflyt.ingest.format.shelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadFormat;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Registers;

/**
 * Component status of Shelly Gen2+ devices, as published on {@code <prefix>/status/<component>:<id>} (the
 * device's "generic status update over MQTT"). The component is recognised by its fields:
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
 */
public final class ShellyFormat implements PayloadFormat {

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        if (!payload.isObject()) {
            throw InvalidPayload.unparseable("expected a Shelly component status object, got " + payload.getNodeType());
        }
        String meterId = FormatSupport.meterId(context, null, "");
        List<Reading> readings = new ArrayList<>(3);
        power(readings, context, meterId, PayloadJson.optionalNumber(payload, "apower"));
        power(readings, context, meterId, PayloadJson.optionalNumber(payload, "total_act_power"));
        power(readings, context, meterId, PayloadJson.optionalNumber(payload, "act_power"));
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(payload.get("aenergy"), "total"));
        register(readings, context, meterId, Registers.EXPORT,
                PayloadJson.optionalNumber(payload.get("ret_aenergy"), "total"));
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(payload, "total_act"));
        register(readings, context, meterId, Registers.EXPORT, PayloadJson.optionalNumber(payload, "total_act_ret"));
        register(readings, context, meterId, Registers.IMPORT, PayloadJson.optionalNumber(payload, "total_act_energy"));
        register(readings, context, meterId, Registers.EXPORT,
                PayloadJson.optionalNumber(payload, "total_act_ret_energy"));
        if (readings.isEmpty()) {
            throw InvalidPayload.unparseable("no energy or power field (apower, aenergy.total, total_act_power, "
                    + "total_act, act_power, total_act_energy): not a metering Shelly component status");
        }
        return readings;
    }

    private static void power(List<Reading> readings, MessageContext context, String meterId, Double watts) {
        if (watts != null) {
            readings.add(FormatSupport.reading(context, meterId, Registers.IMPORT, ReadingKind.POWER, watts / 1000.0,
                    context.receivedAt()));
        }
    }

    private static void register(List<Reading> readings, MessageContext context, String meterId, String register,
            Double wattHours) {
        if (wattHours != null) {
            readings.add(FormatSupport.reading(context, meterId, register, ReadingKind.ENERGY_REGISTER,
                    wattHours / 1000.0, context.receivedAt()));
        }
    }
}
