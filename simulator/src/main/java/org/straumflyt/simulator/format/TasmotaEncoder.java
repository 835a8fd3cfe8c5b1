package org.straumflyt.simulator.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.fleet.Snapshot;

/**
 * Tasmota telemetry on {@code tele/<meterId>/SENSOR}: {@code ENERGY.Total} kWh and {@code ENERGY.Power} W, with
 * {@code Time} in local time (Europe/Oslo) without an offset, as the device sends it.
 */
final class TasmotaEncoder implements PayloadEncoder {
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    @Override
    public Message encode(Snapshot s) {
        ObjectNode root = Json.mapper().createObjectNode();
        LocalDateTime local = LocalDateTime.ofInstant(s.at(), ZONE).truncatedTo(ChronoUnit.SECONDS);
        root.put("Time", local.toString().length() == 16 ? local + ":00" : local.toString());
        ObjectNode energy = root.putObject("ENERGY");
        energy.put("TotalStartTime", "2024-01-01T00:00:00");
        energy.put("Total", s.registerWh() == null ? 0.0 : s.registerWh() / 1000.0);
        energy.put("Power", s.powerW() == null ? 0 : Math.round(s.powerW()));
        energy.put("Voltage", 231);
        return new Message("tele/" + s.meter().meterId() + "/SENSOR", Json.toBytes(root));
    }

    @Override
    public String topicFilter() {
        return "tele/+/SENSOR";
    }
}
